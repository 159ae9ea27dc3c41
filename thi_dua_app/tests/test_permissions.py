"""Row-level access inside the site, one assertion per rule: own unit, bloc head, deputy, another
member, a unit outside the bloc, viewer, manager, a user of no unit. Lists, single documents,
link search, report view, print and publication.

World: A head, D deputy, B and C members, X outside. Evaluations: A, C drafts; B self-assessed;
D verified.
"""

import json

import frappe
from frappe.desk.reportview import get as report_view
from frappe.desk.search import search_link

from thi_dua_app.tests.factories import act, evaluation_of, fill, stage_evaluations
from thi_dua_app.tests.utils import ThiDuaTestCase

EVALUATION = "Emulation Evaluation"


class TestPermissions(ThiDuaTestCase):
	prefix = "TDPerm"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		stage_evaluations(cls.world)
		cls.evaluations = {letter: evaluation_of(cls.world, letter).name for letter in "ABCD"}

	def visible(self, who: str, doctype: str = EVALUATION) -> set[str]:
		self.as_user(who)
		return set(frappe.get_list(doctype, pluck="name", filters={"name": ("like", "%")}))

	def names(self, letters: str) -> set[str]:
		return {self.evaluations[letter] for letter in letters}

	def can_read(self, who: str, letter: str) -> bool:
		return frappe.has_permission(EVALUATION, "read", self.evaluations[letter], user=self.world.user(who))

	# ------------------------------------------------------------ evaluations, list

	def test_a_unit_lists_only_its_own_evaluation(self):
		self.assertEqual(self.visible("officer_B"), self.names("B"))
		self.assertEqual(self.visible("leader_C"), self.names("C"))

	def test_the_bloc_head_lists_its_own_and_the_self_assessed_ones(self):
		self.assertEqual(self.visible("officer_A"), self.names("ABD"))

	def test_the_deputy_lists_its_own_and_the_self_assessed_ones(self):
		self.assertEqual(self.visible("officer_D"), self.names("BD"))

	def test_the_province_sees_everything(self):
		self.assertTrue(self.names("ABCD") <= self.visible("manager"))
		self.assertTrue(self.names("ABCD") <= self.visible("viewer"))

	def test_outsiders_see_nothing(self):
		self.assertEqual(self.visible("officer_X"), set())
		self.as_user("outsider")
		self.assertRaises(frappe.PermissionError, frappe.get_list, EVALUATION)

	# ------------------------------------------------------------ evaluations, one document

	def test_single_document_follows_the_list(self):
		self.assertTrue(self.can_read("officer_B", "B"))
		self.assertFalse(self.can_read("officer_B", "C"))  # another member's draft
		self.assertFalse(self.can_read("officer_C", "B"))  # another member's self-assessment
		self.assertFalse(self.can_read("officer_A", "C"))  # the head does not see drafts
		self.assertTrue(self.can_read("officer_A", "B"))
		self.assertTrue(self.can_read("viewer", "C"))
		self.assertFalse(self.can_read("outsider", "C"))

	def test_write_follows_the_step(self):
		def can_write(who, letter):
			return frappe.has_permission(
				EVALUATION, "write", self.evaluations[letter], user=self.world.user(who)
			)

		self.assertTrue(can_write("officer_C", "C"))  # own draft
		self.assertFalse(can_write("officer_B", "B"))  # own, but self-assessed: locked
		self.assertTrue(can_write("officer_A", "B"))  # head, waiting for verification
		self.assertFalse(can_write("officer_A", "D"))  # head, but already verified
		self.assertFalse(can_write("viewer", "C"))

	def test_print_is_refused_to_whoever_cannot_read(self):
		self.as_user("officer_B")
		# Frappe answers "not found" rather than confirm that the document exists.
		self.assertRaises(
			(frappe.PermissionError, frappe.DoesNotExistError),
			frappe.get_print,
			EVALUATION,
			self.evaluations["C"],
		)
		self.assertIn(self.world.unit("B"), frappe.get_print(EVALUATION, self.evaluations["B"]))

	def test_link_search_returns_only_readable_rows(self):
		self.as_user("officer_B")
		found = {row["value"] for row in search_link(EVALUATION, "DGTD", page_length=50)}
		self.assertEqual(found, self.names("B"))

	def test_report_view_returns_only_readable_rows(self):
		self.as_user("officer_A")
		frappe.local.form_dict = frappe._dict(
			doctype=EVALUATION, fields=json.dumps(["name"]), filters="[]", page_length=100
		)
		result = report_view()
		self.assertEqual({row[0] for row in result["values"]}, self.names("ABD"))

	def test_publication_opens_every_evaluation_to_every_member(self):
		for letter in "AC":
			evaluation = fill(evaluation_of(self.world, letter))
			evaluation.save()
			act(evaluation.name, "Submit self-assessment")
		for letter in "ABC":
			act(evaluation_of(self.world, letter).name, "Verify")
		self.assertEqual(self.visible("officer_C"), self.names("C"))
		self.as_user("officer_A")
		frappe.get_doc("Emulation Pledge", self.world.pledge).publish_results()
		self.assertEqual(self.visible("officer_C"), self.names("ABCD"))
		self.assertEqual(self.visible("officer_X"), set())

	def test_evaluations_waiting_for_me(self):
		from thi_dua_app.api import evaluations_waiting_for_me

		expected = {
			"officer_C": 1,  # its own draft
			"officer_B": 0,  # its evaluation waits for the head, not for it
			"officer_A": 2,  # its own draft, and B waiting for verification
			"officer_D": 1,  # B waits for the deputy too; D itself is verified
			"manager": 1,  # D waits for approval
			"viewer": 0,
		}
		for who, count in expected.items():
			with self.subTest(who=who):
				self.as_user(who)
				card = evaluations_waiting_for_me()
				self.assertEqual(card["value"], count)
				# The card opens the list on exactly the documents it counts.
				self.assertEqual(card["route"], ["List", "Emulation Evaluation"])
				listed = frappe.get_list(
					"Emulation Evaluation",
					filters={
						key: tuple(value) if isinstance(value, list) else value
						for key, value in card["route_options"].items()
					},
					pluck="name",
				)
				self.assertEqual(len(listed), count)

	def test_reports_open_on_the_pledge_where_the_user_has_work(self):
		from thi_dua_app.tests.factories import make_pledge
		from thi_dua_app.thi_dua.report_data import report_defaults

		later = make_pledge(self.world, head=self.world.unit("B"), deputy=self.world.unit("C"), year=2018)
		later.submit()
		# C has its 2017 draft to finish, A B's 2017 self-assessment to verify: 2017 for them.
		for who in ("officer_C", "officer_A", "manager"):
			with self.subTest(who=who):
				self.as_user(who)
				self.assertEqual(report_defaults()["pledge"], self.world.pledge)
		# B has nothing waiting: the latest pledge it reads.
		self.as_user("officer_B")
		defaults = report_defaults()
		self.assertEqual((defaults["pledge"], defaults["year"]), (later.name, 2018))
		self.assertEqual(defaults["member_unit"], self.world.unit("B"))

	def test_chart_of_evaluations_by_state_counts_what_the_reader_sees(self):
		from thi_dua_app.thi_dua.dashboard_chart_source.evaluations_by_state.evaluations_by_state import get

		self.as_user("officer_A")
		self.in_vietnamese()
		chart = get()
		self.assertEqual(chart["labels"], ["Nháp", "Đã tự chấm", "Đã thẩm định"])
		self.assertEqual(chart["datasets"][0]["values"], [1, 1, 1])  # its own draft, B and D
		# The year filter: the pledge's year gives the same, another year nothing, and anything but
		# a year is refused with a message.
		year = frappe.db.get_value("Emulation Pledge", self.world.pledge, "year")
		self.assertEqual(get(filters=f'{{"year": {year}}}')["datasets"][0]["values"], [1, 1, 1])
		self.assertEqual(get(filters={"year": str(year + 1)})["labels"], [])
		for bad in ('{"year": "2017 or 1=1"}', "[2017]", "not json", '{"year": true}', '{"year": [2017]}'):
			with self.subTest(filters=bad):
				self.assertRaises(frappe.ValidationError, get, filters=bad)

	# ------------------------------------------------------------ pledge, bloc, unit

	def test_pledge_and_bloc_are_read_by_their_members_only(self):
		for doctype, name in (("Emulation Pledge", self.world.pledge), ("Emulation Bloc", self.world.bloc)):
			self.assertEqual(self.visible("officer_C", doctype), {name}, doctype)
			self.assertEqual(self.visible("officer_X", doctype), set(), doctype)
			self.assertFalse(frappe.has_permission(doctype, "read", name, user=self.world.user("officer_X")))

	def test_a_unit_reads_only_its_own_member_unit(self):
		self.assertEqual(self.visible("officer_B", "Member Unit"), {self.world.unit("B")})

	def test_units_do_not_write_masters_or_pledges(self):
		for doctype, name in (
			("Emulation Pledge", self.world.pledge),
			("Emulation Bloc", self.world.bloc),
			("Member Unit", self.world.unit("B")),
			("Scoring Template", self.world.template),
		):
			self.assertFalse(
				frappe.has_permission(doctype, "write", name, user=self.world.user("officer_B")), doctype
			)
			self.assertTrue(
				frappe.has_permission(doctype, "write", name, user=self.world.user("manager")), doctype
			)

	# ------------------------------------------------------------ every DocType has its rule

	def test_every_document_of_the_app_has_its_row_rule_on_every_path(self):
		"""A DocType added without its hooks would be read through lists, references (files,
		comments, versions) or its child rows by anyone of its role: each parent DocType has a row
		condition, and the list and document hooks of the site (the framework's own masters aside)."""
		from thi_dua_app.constants import APP_PARENT_DOCTYPES, CHILD_PARENTS
		from thi_dua_app.permissions import PARENT_CONDITIONS, ROW_CONDITIONS

		open_to_their_roles = {
			"Scoring Template",
			"Legal Regime",
			"Award Form",
			"Base Salary Rate",
			"Thi Dua Settings",
		}
		# A unit itself is kept by its officers' User Permissions on Member Unit.
		by_user_permissions = {"Member Unit"}
		query_hooks = frappe.get_hooks("permission_query_conditions")
		document_hooks = frappe.get_hooks("has_permission")
		for doctype in APP_PARENT_DOCTYPES:
			with self.subTest(doctype=doctype):
				self.assertIn(doctype, ROW_CONDITIONS)
				if doctype not in open_to_their_roles | by_user_permissions:
					self.assertIn(doctype, set(query_hooks), "no list hook")
					self.assertIn(doctype, set(document_hooks), "no document hook")
		for child, parents in CHILD_PARENTS.items():
			for parent in parents:
				with self.subTest(child=child, parent=parent):
					self.assertIn(parent, set(PARENT_CONDITIONS))
					self.assertIn(child, set(query_hooks), "no list hook")
