"""Work that finds its people: each step of an evaluation tells exactly whom it concerns (in the
desk's bell, through Frappe's Notifications), the province switches each kind off, and the daily
job reminds whoever has not finished before a due date — run here directly, as the scheduler
would."""

import frappe
from frappe.utils import add_days, getdate

from thi_dua_app.constants import APPROVE, RETURN_TO_UNIT, SUBMIT_SELF_ASSESSMENT, VERIFY
from thi_dua_app.tests.factories import act, evaluation_of, fill, verify_everyone
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.notifications import send_reminders

SETTINGS = "Thi Dua Settings"


class TestNotifications(ThiDuaTestCase):
	prefix = "TDNotify"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.get_doc("Emulation Pledge", cls.world.pledge).create_evaluations()

	def setUp(self):
		super().setUp()
		self.clear_logs()
		# A test that changed the switches is rolled back; Frappe's cached copy of them is not.
		frappe.clear_document_cache(SETTINGS, SETTINGS)

	def tearDown(self):
		super().tearDown()
		frappe.clear_document_cache(SETTINGS, SETTINGS)

	def clear_logs(self):
		frappe.db.delete("Notification Log", {"for_user": ("in", list(self.world.users.values()))})

	def received(self) -> dict[str, list[frappe._dict]]:
		"""Notification Logs of the world's users, by the user's key (officer_A …)."""
		key_of = {user: key for key, user in self.world.users.items()}
		logs = {}
		for row in frappe.get_all(
			"Notification Log",
			filters={"for_user": ("in", list(key_of))},
			fields=["for_user", "subject", "email_content", "document_type", "document_name"],
			order_by="creation asc",
		):
			logs.setdefault(key_of[row.for_user], []).append(row)
		return logs

	def unit_users(self, letters: str) -> set[str]:
		return {f"{role}_{letter}" for letter in letters for role in ("officer", "leader")}

	def switch(self, **values):
		settings = frappe.get_single(SETTINGS)
		settings.update(values)
		settings.save()

	def self_assess(self, letter: str):
		self.as_user(f"officer_{letter}")
		evaluation = fill(evaluation_of(self.world, letter))
		evaluation.save()
		self.as_user(f"leader_{letter}")
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		frappe.set_user("Administrator")
		return evaluation.name

	# ------------------------------------------------------------ the steps of an evaluation

	def test_the_head_and_deputy_hear_when_a_unit_sends_its_self_assessment(self):
		name = self.self_assess("C")
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("AD"))  # head A, deputy D; not B, C, X
		log = logs["officer_A"][0]
		self.assertEqual((log.document_type, log.document_name), ("Emulation Evaluation", name))
		self.assertIn(f"{self.world.unit('C')} đã gửi bảng tự chấm điểm năm 2017", log.subject)

	def test_the_unit_hears_of_a_return_with_its_reason(self):
		name = self.self_assess("C")
		self.clear_logs()
		self.as_user("officer_A")
		evaluation = frappe.get_doc("Emulation Evaluation", name)
		evaluation.return_reason = "Thiếu minh chứng <b>tiêu chí I.1</b>"
		evaluation.save()
		act(name, RETURN_TO_UNIT)
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("C"))
		self.assertIn("bị trả lại", logs["leader_C"][0].subject)
		# The reason, as text: the officer's markup does not become the message's.
		self.assertIn("Thiếu minh chứng &lt;b&gt;tiêu chí I.1&lt;/b&gt;", logs["leader_C"][0].email_content)

	def test_the_unit_hears_when_verified_and_when_approved(self):
		name = self.self_assess("C")
		self.clear_logs()
		self.as_user("officer_D")  # the deputy verifies
		act(name, VERIFY)
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("C"))
		self.assertIn("đã được thẩm định", logs["officer_C"][0].subject)
		self.clear_logs()
		self.as_user("manager")
		act(name, APPROVE)
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("C"))
		self.assertIn("đã được phê duyệt", logs["officer_C"][0].subject)

	def test_every_unit_of_the_bloc_hears_when_results_are_published(self):
		verify_everyone(self.world, {"A": 30, "B": 29, "C": 28, "D": 27})
		self.clear_logs()
		self.as_user("officer_A")
		frappe.get_doc("Emulation Pledge", self.world.pledge).publish_results()
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("ABCD"))  # not X, outside the bloc
		self.assertIn("Đã công bố kết quả thi đua năm 2017", logs["leader_B"][0].subject)

	def test_the_province_switches_each_kind_off(self):
		self.switch(notify_submitted=0, notify_verified=0)
		name = self.self_assess("C")
		self.as_user("officer_A")
		act(name, VERIFY)
		self.assertEqual(self.received(), {})
		# The others stay on.
		self.as_user("manager")
		act(name, APPROVE)
		self.assertEqual(set(self.received()), self.unit_users("C"))
		self.clear_logs()
		self.switch(notify_published=0)
		verify_everyone(self.world, {"A": 30, "B": 29, "D": 27})
		self.clear_logs()
		self.as_user("officer_A")
		frappe.get_doc("Emulation Pledge", self.world.pledge).publish_results()
		self.assertEqual(self.received(), {})

	def test_only_the_province_changes_the_switches(self):
		self.as_user("leader_A")
		settings = frappe.get_single(SETTINGS)
		settings.notify_submitted = 0
		self.assertRaises(frappe.PermissionError, settings.save)
		self.as_user("manager")
		settings = frappe.get_single(SETTINGS)
		settings.reminder_days = 400
		self.assertRaisesRegex(frappe.ValidationError, "from 0 to 366 days", settings.save)

	# ------------------------------------------------------------ reminders before due dates

	def set_due_dates(self, self_assessment_due=None, verification_due=None):
		frappe.db.set_value(
			"Emulation Pledge",
			self.world.pledge,
			{"self_assessment_due": self_assessment_due, "verification_due": verification_due},
		)

	def test_units_not_finished_are_reminded_n_days_before_the_self_assessment_is_due(self):
		self.self_assess("B")
		self.clear_logs()
		self.switch(reminder_days=3)
		today = getdate("2017-11-27")
		self.set_due_dates(self_assessment_due=add_days(today, 3))
		self.assertEqual(send_reminders(on=add_days(today, -1)), [])  # four days before: not yet
		self.in_vietnamese()  # the scheduler writes in the site's language
		sent = send_reminders(on=today)
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("ACD"))  # B has sent its own
		self.assertIn("chưa gửi", logs["officer_C"][0].subject)
		self.assertEqual(len(sent), 6)
		# Run twice the same day (a restarted scheduler): nobody is told twice.
		self.assertEqual(send_reminders(on=today), [])
		self.assertEqual(sum(len(rows) for rows in self.received().values()), 6)

	def test_the_head_and_deputy_are_reminded_while_evaluations_wait_for_verification(self):
		self.self_assess("B")
		self.clear_logs()
		self.switch(reminder_days=0)
		today = getdate("2017-12-10")
		self.set_due_dates(verification_due=today)
		self.in_vietnamese()
		send_reminders(on=today)
		logs = self.received()
		self.assertEqual(set(logs), self.unit_users("AD"))
		self.assertIn("còn 1 bảng chấm điểm chờ thẩm định", logs["leader_A"][0].subject)

	def test_reminders_switched_off_send_nothing(self):
		self.switch(remind_before_due=0)
		today = getdate("2017-11-27")
		self.set_due_dates(self_assessment_due=today, verification_due=today)
		self.assertEqual(send_reminders(on=today), [])
		self.assertEqual(self.received(), {})
