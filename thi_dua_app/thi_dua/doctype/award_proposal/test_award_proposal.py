"""The year's outcome in a real site, from the submitted minutes to the ledger: the proposal and its
way through the province (each transition and who may take it), the council's vote, the decision
with its reward money, the award ledger and the revocation."""

from unittest.mock import patch

import frappe
from frappe.model.workflow import WorkflowTransitionError

from thi_dua_app.tests.factories import act_on, hold_meeting, make_proposal, verify_everyone
from thi_dua_app.tests.utils import ThiDuaTestCase

PROPOSAL = "Award Proposal"
MODULE = "thi_dua_app.thi_dua.doctype.award_proposal.award_proposal"
FIRST_POINTS = {"A": 30, "B": 28, "C": 26, "D": 24, "E": 20}


class TestAwardProposal(ThiDuaTestCase):
	prefix = "TDAward"
	letters = "ABCDE"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		verify_everyone(cls.world, FIRST_POINTS)
		frappe.set_user(cls.world.user("officer_A"))
		# A for the Cờ (5/5), B (4/5) and C (2/5) for the Bằng khen: C does not pass.
		cls.meeting = hold_meeting(cls.world, {"A": (5, 0), "B": (4, 1), "C": (2, 3)}).name
		frappe.set_user("Administrator")

	def unit(self, letter):
		return self.world.unit(letter)

	def proposal(self, **values):
		self.as_user("officer_A")
		return make_proposal(self.world, self.meeting, **values)

	def send(self, name):
		self.as_user("officer_A")
		with patch(f"{MODULE}.nowdate", return_value="2017-12-12"):
			act_on(PROPOSAL, name, "Send to province")

	def appraise(self, name, agreed=("A", "B")):
		self.as_user("manager")
		act_on(PROPOSAL, name, "Receive")
		doc = frappe.get_doc(PROPOSAL, name)
		for line in doc.lines:
			line.appraisal_result = "Agreed" if line.member_unit[-1] in agreed else "Not agreed"
		doc.appraisal_note = "Đủ hồ sơ, đúng đối tượng"
		doc.save()
		act_on(PROPOSAL, name, "Appraise")

	def council(self, votes: dict[str, int], present=15, total=20):
		self.as_user("manager")
		session = frappe.get_doc(
			{
				"doctype": "Council Session",
				"session_date": "2018-01-05",
				"legal_regime": "LTDKT2013-ND91",
				"members_total": total,
				"members_present": present,
			}
		).insert()
		session.get_appraised_lines()
		session.reload()
		for row in session.tallies:
			row.votes_for = votes[row.member_unit[-1]]
		session.save()
		return session

	def decision(self, **values):
		self.as_user("manager")
		doc = frappe.get_doc(
			{
				"doctype": "Award Decision",
				"decision_number": "125/QĐ-UBND",
				"decision_date": "2018-01-15",
				"year": 2017,
				"achievement_period": "năm 2017",
				"signer_name": "Nguyễn Tử Quỳnh",
				"legal_basis": "Căn cứ Luật Thi đua, Khen thưởng;",
				"lines": [],
				**values,
			}
		)
		doc.insert()
		doc.get_passed_lines()
		doc.reload()
		return doc

	# ------------------------------------------------------------ the proposal

	def test_the_proposal_is_made_from_the_minutes(self):
		doc = self.proposal()
		self.assertEqual(
			[
				(line.member_unit, line.award_form, line.bloc_rank, line.final_score, line.vote_percent)
				for line in doc.lines
			],
			[(self.unit("A"), "CO_TINH", 1, 100, 100), (self.unit("B"), "BK_TINH", 2, 98, 80)],
		)
		self.assertIn("91/2017/NĐ-CP", doc.legal_basis)
		self.assertIn("08/12/2017", doc.legal_basis)
		self.assertEqual(str(doc.dossier_deadline), "2017-12-15")
		self.assertEqual(doc.workflow_state, "Draft")
		self.assertRaises(frappe.DuplicateEntryError, make_proposal, self.world, self.meeting)

	def test_sending_records_the_day_and_flags_a_late_dossier(self):
		doc = self.proposal()
		self.send(doc.name)
		doc.reload()
		self.assertEqual(
			(doc.workflow_state, str(doc.submitted_on), doc.late), ("Sent to province", "2017-12-12", 0)
		)
		late = self.proposal_late()
		self.assertEqual((str(late.submitted_on), late.late), ("2017-12-20", 1))

	def proposal_late(self):
		frappe.db.rollback(save_point="thi_dua_test")
		doc = self.proposal()
		self.as_user("officer_A")
		with patch(f"{MODULE}.nowdate", return_value="2017-12-20"):
			act_on(PROPOSAL, doc.name, "Send to province")
		return frappe.get_doc(PROPOSAL, doc.name)

	def test_who_takes_each_step(self):
		doc = self.proposal()
		self.as_user("officer_B")
		self.assertRaises(frappe.PermissionError, make_proposal, self.world, self.meeting)
		self.assertFalse(frappe.has_permission(PROPOSAL, "read", doc.name, user=self.world.user("officer_B")))
		self.assertRaises(frappe.PermissionError, act_on, PROPOSAL, doc.name, "Send to province")
		self.as_user("officer_A")
		self.assertRaises(WorkflowTransitionError, act_on, PROPOSAL, doc.name, "Receive")
		self.send(doc.name)
		self.assertFalse(
			frappe.has_permission(PROPOSAL, "write", doc.name, user=self.world.user("officer_A"))
		)
		self.assertTrue(frappe.has_permission(PROPOSAL, "read", doc.name, user=self.world.user("officer_D")))
		self.as_user("officer_A")
		self.assertRaises(WorkflowTransitionError, act_on, PROPOSAL, doc.name, "Receive")
		self.appraise(doc.name)
		self.assertEqual(frappe.db.get_value(PROPOSAL, doc.name, "workflow_state"), "Appraised")

	def test_each_side_writes_only_its_own_fields(self):
		doc = self.proposal()
		doc.lines[0].appraisal_result = "Agreed"
		doc.lines[0].achievement_summary = "Dẫn đầu khối"
		doc.appraisal_note = "self-approved"
		doc.append("lines", {"member_unit": self.unit("E"), "award_form": "BK_TINH"})
		doc.save()
		doc.reload()
		self.assertEqual(len(doc.lines), 2)
		self.assertFalse(doc.lines[0].appraisal_result)
		self.assertEqual(doc.lines[0].achievement_summary, "Dẫn đầu khối")
		self.assertFalse(doc.appraisal_note)
		self.send(doc.name)
		self.as_user("manager")
		doc = frappe.get_doc(PROPOSAL, doc.name)
		doc.lines[0].achievement_summary = "rewritten by the province"
		doc.proposal_number = "99/TTr"
		doc.lines[0].appraisal_result = "Agreed"
		doc.save()
		doc.reload()
		self.assertEqual(
			(doc.lines[0].achievement_summary, doc.proposal_number, doc.lines[0].appraisal_result),
			("Dẫn đầu khối", "03/TTr-KTĐ", "Agreed"),
		)

	def test_returning_needs_a_reason_and_gives_the_proposal_back(self):
		doc = self.proposal()
		self.send(doc.name)
		self.as_user("manager")
		self.assertRaisesRegex(
			frappe.ValidationError, "reason for returning", act_on, PROPOSAL, doc.name, "Return to bloc"
		)
		doc = frappe.get_doc(PROPOSAL, doc.name)
		doc.return_reason = "Thiếu báo cáo thành tích"
		doc.save()
		act_on(PROPOSAL, doc.name, "Return to bloc")
		doc.reload()
		self.assertEqual(doc.workflow_state, "Returned")
		self.assertEqual(
			[(row.from_state, row.reason) for row in doc.return_history],
			[("Sent to province", "Thiếu báo cáo thành tích")],
		)
		self.assertTrue(frappe.has_permission(PROPOSAL, "write", doc.name, user=self.world.user("officer_A")))
		# The head and deputy units' users hear of it, with the reason (Frappe Notification).
		notices = frappe.get_all(
			"Notification Log",
			filters={"document_type": PROPOSAL, "document_name": doc.name},
			fields=["for_user", "subject", "email_content"],
		)
		self.assertEqual(
			sorted(notice.for_user for notice in notices),
			sorted(self.world.user(who) for who in ("leader_A", "leader_D", "officer_A", "officer_D")),
		)
		self.assertIn("bị trả lại", notices[0].subject)
		self.assertIn("Thiếu báo cáo thành tích", notices[0].email_content)
		self.send(doc.name)
		self.assertEqual(frappe.db.get_value(PROPOSAL, doc.name, "workflow_state"), "Sent to province")

	# ------------------------------------------------------------ the council, the decision, the ledger

	def test_the_council_votes_against_the_regime_threshold(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.assertRaisesRegex(
			frappe.ValidationError, "21 votes for, but 15 members", self.council, {"A": 21, "B": 1}
		)
		# 2017 regime: the council passes a Cờ or a Bằng khen with more than 50 % of all 20 members.
		session = self.council({"A": 12, "B": 10})
		self.assertEqual([(row.vote_percent, row.passed) for row in session.tallies], [(60, 1), (50, 0)])
		session.submit()
		doc.reload()
		self.assertEqual(doc.workflow_state, "Council voted")
		self.assertEqual([line.council_passed for line in doc.lines], [1, 0])

	def test_no_quorum_no_session(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		session = self.council({"A": 10, "B": 10}, present=13)  # 13 of 20 < 2/3
		self.assertRaisesRegex(frappe.ValidationError, "13 of 20 members present", session.submit)

	def test_the_decision_pays_coefficient_times_base_salary_and_writes_the_ledger(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 11}).submit()
		decision = self.decision()
		# Base salary on 15/01/2018: 1,300,000 (NĐ 47/2017). Cờ 8.0 → 10,400,000; collective
		# Bằng khen 2.0 (2017 regime) → 2,600,000; total 13,000,000.
		self.assertEqual(decision.base_salary, 1_300_000)
		self.assertEqual(
			[(line.member_unit, line.coefficient, line.amount) for line in decision.lines],
			[(self.unit("A"), 8.0, 10_400_000), (self.unit("B"), 2.0, 2_600_000)],
		)
		self.assertEqual((decision.total_amount, decision.total_in_words), (13_000_000, "Mười ba triệu đồng"))
		decision.submit()
		records = frappe.get_all(
			"Award Record",
			filters={"award_decision": decision.name},
			fields=["member_unit", "award_form", "year", "amount", "counts_for_streaks", "decision_number"],
			order_by="amount desc",
		)
		self.assertEqual(
			[
				(r.member_unit, r.award_form, r.year, r.amount, r.counts_for_streaks, r.decision_number)
				for r in records
			],
			[
				(self.unit("A"), "CO_TINH", 2017, 10_400_000, 1, "125/QĐ-UBND"),
				(self.unit("B"), "BK_TINH", 2017, 2_600_000, 1, "125/QĐ-UBND"),
			],
		)
		doc.reload()
		self.assertEqual((doc.workflow_state, doc.award_decision), ("Decided", decision.name))
		# Each awarded unit's users hear of their award.
		record_b = frappe.db.get_value(
			"Award Record", {"award_decision": decision.name, "member_unit": self.unit("B")}
		)
		notices = frappe.get_all(
			"Notification Log",
			filters={"document_type": "Award Record", "document_name": record_b},
			fields=["for_user", "subject"],
		)
		self.assertEqual(
			sorted(notice.for_user for notice in notices),
			sorted(self.world.user(who) for who in ("leader_B", "officer_B")),
		)
		self.assertIn("Quyết định số 125/QĐ-UBND", notices[0].subject)
		self.assertFalse(frappe.has_permission(PROPOSAL, "write", doc.name, user=self.world.user("manager")))
		# Units read the signed decision that awards them, and their own records only.
		for who, may_read in (
			("officer_A", True),
			("officer_B", True),
			("officer_C", False),
			("officer_X", False),
		):
			with self.subTest(who=who):
				self.assertEqual(
					frappe.has_permission("Award Decision", "read", decision.name, user=self.world.user(who)),
					may_read,
				)
		self.assertEqual(
			frappe.get_list(
				"Award Record",
				filters={"award_decision": decision.name},
				pluck="member_unit",
				user=self.world.user("officer_B"),
			),
			[self.unit("B")],
		)
		self.in_vietnamese()
		printed = frappe.get_print("Award Decision", decision.name, print_format="Quyết định khen thưởng")
		for text in (
			"125/QĐ-UBND",
			"10.400.000",
			"13.000.000",
			"Mười ba triệu đồng",
			"Cờ thi đua của Ủy ban nhân dân tỉnh",
		):
			self.assertIn(text, printed)
		letter = frappe.get_print(PROPOSAL, doc.name, print_format="Tờ trình đề nghị khen thưởng")
		for text in ("03/TTr-KTĐ", self.unit("B"), "91/2017/NĐ-CP"):
			self.assertIn(text, letter)

	def test_a_decision_is_revoked_not_cancelled(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 11}).submit()
		decision = self.decision()
		decision.submit()
		# The province has no cancel on a decision; even the administrator is told to revoke.
		self.assertRaises(frappe.PermissionError, decision.cancel)
		frappe.set_user("Administrator")
		self.assertRaisesRegex(
			frappe.ValidationError, "revoke it", frappe.get_doc("Award Decision", decision.name).cancel
		)
		self.as_user("officer_A")
		self.assertRaises(
			frappe.PermissionError, frappe.get_doc("Award Decision", decision.name).revoke, "x", "2018-03-01"
		)
		self.as_user("manager")
		decision = frappe.get_doc("Award Decision", decision.name)
		self.assertRaisesRegex(
			frappe.ValidationError, "reason for revoking", decision.revoke, " ", "2018-03-01"
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "on or after the decision date", decision.revoke, "Gian lận", "2017-03-01"
		)
		decision.revoke("Phát hiện kê khai thành tích không trung thực", "2018-03-01")
		records = frappe.get_all(
			"Award Record",
			filters={"award_decision": decision.name},
			fields=["revoked", "counts_for_streaks", "revoked_on"],
		)
		self.assertEqual(
			{(r.revoked, r.counts_for_streaks, str(r.revoked_on)) for r in records}, {(1, 0, "2018-03-01")}
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "not yet revoked", decision.revoke, "again", "2018-04-01"
		)

	def test_lines_the_council_did_not_pass_are_refused(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 9}).submit()
		decision = self.decision()
		self.assertEqual([line.member_unit for line in decision.lines], [self.unit("A")])
		line_b = next(
			line for line in frappe.get_doc(PROPOSAL, doc.name).lines if line.member_unit == self.unit("B")
		)
		decision.append(
			"lines",
			{
				"member_unit": self.unit("B"),
				"award_form": "BK_TINH",
				"award_proposal": doc.name,
				"proposal_line": line_b.name,
			},
		)
		self.assertRaisesRegex(frappe.ValidationError, "not one the council passed", decision.save)

	def test_the_reports_follow_proposals_decisions_and_the_ledger(self):
		from thi_dua_app.thi_dua.report.award_history.award_history import execute as history
		from thi_dua_app.thi_dua.report.award_quota_check.award_quota_check import execute as quota_check
		from thi_dua_app.thi_dua.report.awards_granted.awards_granted import execute as granted

		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 11}).submit()
		decision = self.decision()
		decision.submit()
		self.as_user("manager")
		_columns, rows = granted({"year": 2017})
		self.assertEqual(
			[(row["member_unit"], row["award_form"], row["state"], row["amount"]) for row in rows],
			[
				(self.unit("A"), "CO_TINH", "Decided", 10_400_000),
				(self.unit("B"), "BK_TINH", "Decided", 2_600_000),
			],
		)
		columns, rows, _message = history({"from_year": 2016, "to_year": 2017})
		self.assertEqual(
			[column["label"] for column in columns],
			["Recipient", "Member unit", "2016", "2017", "Consecutive years to 2017"],
		)
		mine = {
			row["member_unit"]: row["y2017"] for row in rows if row["member_unit"].startswith(self.prefix)
		}
		self.assertEqual(mine, {self.unit("A"): "CO_TINH", self.unit("B"): "BK_TINH"})
		_columns, rows = quota_check({"year": 2017})
		ours = [
			(row["award_form"], row["selected"], row["quota"], row["result"])
			for row in rows
			if row["meeting"] == self.meeting
		]
		self.assertEqual(ours, [("CO_TINH", 1, 1, "Within the quota"), ("BK_TINH", 1, 2, "Within the quota")])
		# A unit's officer sees the decision that awards it, and only its own ledger.
		self.as_user("officer_B")
		_columns, rows, _message = history({"from_year": 2017, "to_year": 2017})
		self.assertEqual([row["member_unit"] for row in rows], [self.unit("B")])
		self.as_user("officer_C")
		self.assertEqual(granted({"year": 2017})[1], [])

	def test_the_certificate_prints_on_a4_landscape(self):
		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 11}).submit()
		decision = self.decision(signer_name="Nguyễn <b>Tử</b> Quỳnh")
		decision.submit()
		record = frappe.get_value("Award Record", {"award_decision": decision.name, "award_form": "CO_TINH"})
		self.in_vietnamese()
		printed = frappe.get_print("Award Record", record, print_format="Bằng khen và Cờ thi đua")
		self.assertIn("size: A4 landscape", printed)
		for text in (
			"Cờ thi đua của Ủy ban nhân dân tỉnh",
			self.unit("A"),
			"125/QĐ-UBND",
			"Nguyễn &lt;b&gt;Tử&lt;/b&gt; Quỳnh",
		):
			self.assertIn(text, printed)

	def test_the_letter_and_the_decision_export_to_word(self):
		import io

		from docx import Document

		from thi_dua_app.thi_dua.word_export import download_docx

		doc = self.proposal()
		self.send(doc.name)
		self.appraise(doc.name)
		self.council({"A": 12, "B": 11}).submit()
		decision = self.decision()
		decision.submit()

		def text_of(doctype, name):
			frappe.local.response = frappe._dict()
			download_docx(doctype, name)
			self.assertEqual(frappe.response.filename, f"{name}.docx")
			word = Document(io.BytesIO(frappe.response.filecontent))
			cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
			return "\n".join([paragraph.text for paragraph in word.paragraphs] + cells)

		self.in_vietnamese()
		self.as_user("manager")
		text = text_of("Award Decision", decision.name)
		for expected in (
			"Số: 125/QĐ-UBND",
			"10.400.000",
			"13.000.000",
			"Mười ba triệu đồng",
			self.unit("B"),
			"Điều 1.",
		):
			self.assertIn(expected, text)
		self.as_user("officer_A")
		text = text_of(PROPOSAL, doc.name)
		for expected in ("Số: 03/TTr-KTĐ", "TỜ TRÌNH", "91/2017/NĐ-CP", self.unit("A")):
			self.assertIn(expected, text)
		self.as_user("officer_C")
		self.assertRaises(frappe.PermissionError, download_docx, "Award Decision", decision.name)
		self.assertRaises(frappe.PermissionError, download_docx, PROPOSAL, doc.name)
		self.assertRaises(frappe.DoesNotExistError, download_docx, "Emulation Evaluation", doc.name)
