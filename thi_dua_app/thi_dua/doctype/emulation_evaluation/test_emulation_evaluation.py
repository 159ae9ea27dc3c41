"""Emulation Evaluation in a real site: validations, every workflow step by every role, ranking.

World: units A (head), B, C, D (deputy) of one bloc; the 2017 demo table (100 points, bonus cap
10); a signed pledge; one draft evaluation per unit.
"""

from unittest.mock import patch

import frappe
from frappe.model.workflow import WorkflowTransitionError

from thi_dua_app.constants import (
	APPROVE,
	APPROVED,
	DRAFT,
	RETURN_TO_BLOC_HEAD,
	RETURN_TO_UNIT,
	RETURNED,
	SELF_ASSESSED,
	SUBMIT_SELF_ASSESSMENT,
	VERIFIED,
	VERIFY,
)
from thi_dua_app.rules.scoring import classify
from thi_dua_app.tests.factories import act, evaluation_of, fill, make_pledge
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.doctype.emulation_evaluation.emulation_evaluation import EmulationEvaluation
from thi_dua_app.thi_dua.ranking import current_notes
from thi_dua_app.thi_dua.scoring_table import PLEDGE_TABLES, bands_of, pledge_for_scoring


class TestEmulationEvaluation(ThiDuaTestCase):
	prefix = "TDEval"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.get_doc("Emulation Pledge", cls.world.pledge).create_evaluations()

	def evaluation(self, letter):
		return evaluation_of(self.world, letter)

	def self_assess(self, letter, scores=None, occurrences=None):
		"""Fill as the unit's officer and submit as its leader."""
		self.as_user(f"officer_{letter}")
		evaluation = fill(self.evaluation(letter), scores, occurrences)
		evaluation.save()
		self.as_user(f"leader_{letter}")
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		return self.evaluation(letter)

	# ------------------------------------------------------------ structure and totals

	def test_rows_follow_the_pledge(self):
		evaluation = self.evaluation("B")
		pledge = frappe.get_doc("Emulation Pledge", self.world.pledge)
		self.assertEqual(
			[row.criterion_code for row in evaluation.scores], [row.criterion_code for row in pledge.criteria]
		)
		self.assertEqual(len(evaluation.scores), 25)
		self.assertEqual(
			[row.content for row in evaluation.target_results], [row.content for row in pledge.targets]
		)
		self.assertEqual(evaluation.workflow_state, DRAFT)
		self.assertEqual(
			(evaluation.head_unit, evaluation.deputy_unit), (self.world.unit("A"), self.world.unit("D"))
		)

	def test_self_totals(self):
		self.as_user("officer_B")
		evaluation = fill(
			self.evaluation("B"), {"I.1": 25, "II.2": 3}, {"V.1": 3, "V.2": 1, "VI.1": 2, "VI.2": 1}
		)
		evaluation.save()
		# base 100 − 5 − 1 = 94; bonus min(3×2, 4) + 3 = 7 ≤ cap 10; deductions 2×0.5 + 2 = 3
		self.assertEqual(
			(evaluation.self_base, evaluation.self_bonus, evaluation.self_deduction, evaluation.self_total),
			(94, 7, 3, 98),
		)
		# nothing verified yet
		self.assertEqual((evaluation.final_score, evaluation.bloc_rank), (0, 0))

	def test_live_totals_are_the_save_s_and_write_nothing(self):
		from thi_dua_app.thi_dua.doctype.emulation_evaluation.emulation_evaluation import preview_totals

		self.as_user("officer_B")
		evaluation = fill(
			self.evaluation("B"), {"I.1": 25, "II.2": 3}, {"V.1": 3, "V.2": 1, "VI.1": 2, "VI.2": 1}
		)
		rows = [
			{field: row.get(field) for field in ("criterion_code", "self_score", "self_occurrences")}
			for row in evaluation.scores
		]
		totals = preview_totals(evaluation.name, frappe.as_json(rows))
		self.assertEqual(
			(totals["self_base"], totals["self_bonus"], totals["self_deduction"], totals["self_total"]),
			(94, 7, 3, 98),
		)
		self.assertEqual(
			totals["self_band"], classify(98, bands_of(frappe.get_doc("Emulation Pledge", self.world.pledge)))
		)
		self.assertEqual(frappe.db.get_value("Emulation Evaluation", evaluation.name, "self_total"), 0)
		# Hostile input: 417 with a message, nothing computed from it.
		for bad in (
			"not json",
			'{"criterion_code": "I.1"}',
			frappe.as_json([{"criterion_code": "NOPE", "self_score": 1}]),
			frappe.as_json([{"criterion_code": "I.1", "self_score": "25 or 1"}]),
			frappe.as_json([{"criterion_code": "I.1"}] * (len(rows) + 1)),
		):
			with self.subTest(scores=bad):
				self.assertRaises(frappe.ValidationError, preview_totals, evaluation.name, bad)
		# Another unit's evaluation is not previewed.
		self.as_user("officer_C")
		self.assertRaises(frappe.PermissionError, preview_totals, evaluation.name, "[]")
		self.assertRaises(frappe.DoesNotExistError, preview_totals, "NO-SUCH-EVALUATION", "[]")

	def test_each_group_s_subtotal_is_offered_as_saved_and_as_typed(self):
		from thi_dua_app.thi_dua.doctype.emulation_evaluation.emulation_evaluation import preview_totals

		self.as_user("officer_B")
		evaluation = fill(
			self.evaluation("B"), {"I.1": 25, "II.2": 3}, {"V.1": 3, "V.2": 1, "VI.1": 2, "VI.2": 1}
		)
		evaluation.save()

		def groups(who: str) -> dict:
			self.as_user(who)
			doc = frappe.get_doc("Emulation Evaluation", evaluation.name)
			doc.run_method("onload")
			return {row["group_code"]: row for row in doc.get_onload().groups}

		mine = groups("officer_B")
		self.assertEqual(list(mine), ["I", "II", "III", "IV", "V", "VI", "VII"])
		# I: 25 + 10 + 10 of 30 + 10 + 10; II: 3 + 3 + 4 + 4 of 15; V: min(3×2, 4) + 3 within the
		# cap of 10; VI: −(2×0,5 + 2); VII gives nothing and disqualifies no one
		self.assertEqual((mine["I"]["self"], mine["I"]["max_points"]), (45, 50))
		self.assertEqual((mine["II"]["self"], mine["II"]["max_points"]), (14, 15))
		self.assertEqual((mine["V"]["self"], mine["V"]["max_points"]), (7, 10))
		self.assertEqual((mine["VI"]["self"], mine["VI"]["max_points"]), (-3, None))
		self.assertFalse(mine["VII"]["self_disqualifies"])
		self.assertEqual(mine["I"]["group_title"], "Thực hiện nhiệm vụ chính trị, chuyên môn")
		self.assertEqual(sum(row["self"] for row in mine.values()), evaluation.self_total)
		# the unit is not shown the verifier's figures before verification; the head is
		self.assertNotIn("verified", mine["I"])
		self.assertIn("verified", groups("officer_A")["I"])
		# as typed: the same rules on the form's rows, nothing written
		self.as_user("officer_B")
		rows = [
			{"criterion_code": row.criterion_code, "self_score": row.self_score, "self_occurrences": 0}
			for row in evaluation.scores
		]
		typed = {
			row["group_code"]: row for row in preview_totals(evaluation.name, frappe.as_json(rows))["groups"]
		}
		self.assertEqual((typed["I"]["self"], typed["V"]["self"], typed["VI"]["self"]), (45, 0, 0))

	def test_the_scoring_guide_is_the_pledge_s_where_the_score_is_entered(self):
		from thi_dua_app.demo import SCORING_GUIDES

		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		guides = {row.criterion_code: row.scoring_guide for row in evaluation.scores}
		self.assertEqual(guides["I.1"], SCORING_GUIDES["I.1"])
		self.assertFalse(guides["IV.4"])  # the table gives no guide there
		evaluation.scores[0].scoring_guide = "<b>TDEval</b> 30 points whatever is done"
		evaluation.save()
		self.assertEqual(
			frappe.db.get_value("Evaluation Score", evaluation.scores[0].name, "scoring_guide"),
			SCORING_GUIDES["I.1"],
		)

	def test_last_year_s_verified_figure_is_offered_beside_this_year_s(self):
		evaluation = self.self_assess("B", scores={"I.1": 25})
		self.as_user("officer_A")
		act(evaluation.name, VERIFY)
		frappe.set_user("Administrator")
		later = make_pledge(self.world, head=self.world.unit("A"), deputy=self.world.unit("D"), year=2018)
		later.submit()
		later.create_evaluations()

		def last_year(who: str, letter: str) -> dict:
			self.as_user(who)
			name = frappe.db.get_value(
				"Emulation Evaluation", {"pledge": later.name, "member_unit": self.world.unit(letter)}
			)
			doc = frappe.get_doc("Emulation Evaluation", name)
			doc.run_method("onload")
			return doc.get_onload().last_year

		figures = last_year("officer_B", "B")
		self.assertEqual((figures["I.1"], figures["I.2"], figures["V.1"]), (25, 10, 0))
		self.assertEqual(last_year("officer_C", "C"), {})  # C's 2017 evaluation is not verified

	def test_target_results_are_judged(self):
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		achieved = [1, 100, 95, 100, 14, 0, 1]  # Yes/No, %, %, %, % (≥ 15), Yes/No, Yes/No
		for row, value in zip(evaluation.target_results, achieved, strict=True):
			row.achieved_value = value
		evaluation.save()
		self.assertEqual([row.met for row in evaluation.target_results], [1, 1, 0, 1, 0, 0, 1])

	def test_a_target_error_names_its_row_in_one_sentence(self):
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		evaluation.target_results[1].achieved_value = 101.5
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"^Target 2: a percentage cannot exceed 100 \(entered 101,5\)\.$",
			evaluation.save,
		)
		self.in_vietnamese()
		evaluation = self.evaluation("C")
		evaluation.target_results[1].achieved_value = 101.5
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"^Chỉ tiêu 2: tỷ lệ phần trăm không được vượt quá 100 \(đã nhập 101,5\)\.$",
			evaluation.save,
		)

	def test_copied_columns_cannot_be_tampered_with(self):
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		evaluation.scores[0].max_points = 1000
		evaluation.scores[0].self_score = 500
		self.assertRaisesRegex(frappe.ValidationError, "above its maximum 30", evaluation.save)

	# ------------------------------------------------------------ bad input

	def test_score_above_maximum_is_refused_and_nothing_is_written(self):
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		evaluation.scores[0].self_score = 31.5
		# Numbers as the site writes them (the test site: 1.234,5).
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"Criterion I\.1: the score 31,5 is above its maximum 30\.$",
			evaluation.save,
		)
		self.assertEqual(self.evaluation("C").scores[0].self_score, 0)

	def test_the_error_speaks_vietnamese(self):
		self.in_vietnamese()
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		evaluation.scores[0].self_score = 30.25
		self.assertRaisesRegex(
			frappe.ValidationError, r"^Tiêu chí I\.1: điểm 30,25 vượt quá điểm tối đa 30\.$", evaluation.save
		)

	def test_negative_score_and_negative_occurrences_are_refused(self):
		self.as_user("officer_C")
		evaluation = self.evaluation("C")
		evaluation.scores[1].self_score = -1
		self.assertRaisesRegex(
			frappe.ValidationError, r"Criterion I\.2: the score cannot be negative", evaluation.save
		)
		evaluation = self.evaluation("C")
		next(row for row in evaluation.scores if row.criterion_code == "VI.1").self_occurrences = -2
		self.assertRaisesRegex(
			frappe.ValidationError, "number of occurrences cannot be negative", evaluation.save
		)

	def test_a_second_evaluation_for_the_same_unit_is_refused(self):
		duplicate = frappe.get_doc(
			{
				"doctype": "Emulation Evaluation",
				"pledge": self.world.pledge,
				"member_unit": self.world.unit("B"),
			}
		)
		self.assertRaisesRegex(frappe.DuplicateEntryError, "already has an evaluation", duplicate.insert)
		self.assertEqual(
			frappe.db.count(
				"Emulation Evaluation", {"pledge": self.world.pledge, "member_unit": self.world.unit("B")}
			),
			1,
		)

	def test_the_database_itself_holds_one_live_evaluation_per_unit(self):
		"""Two saves racing past the controller's check: the database refuses the second, with the
		same translated message, and a cancelled evaluation does not count."""
		pledge, unit = self.world.pledge, self.world.unit("B")
		duplicate = frappe.get_doc({"doctype": "Emulation Evaluation", "pledge": pledge, "member_unit": unit})
		with patch.object(EmulationEvaluation, "validate_one_per_unit", lambda self: None):
			self.assertRaisesRegex(frappe.DuplicateEntryError, "already has an evaluation", duplicate.insert)
		self.assertEqual(frappe.db.count("Emulation Evaluation", {"pledge": pledge, "member_unit": unit}), 1)

		def raw_insert(name, docstatus):
			frappe.db.sql(
				"""insert into `tabEmulation Evaluation` (name, pledge, member_unit, docstatus, year)
				values (%s, %s, %s, %s, 2017)""",
				(name, pledge, unit, docstatus),
			)

		with self.assertRaises(Exception) as refused:
			raw_insert("TDEval-raw-live", 0)
		self.assertTrue(frappe.db.is_unique_key_violation(refused.exception))
		raw_insert("TDEval-raw-cancelled", 2)  # a cancelled one stands beside the live one
		self.assertEqual(frappe.db.count("Emulation Evaluation", {"pledge": pledge, "member_unit": unit}), 2)
		frappe.db.delete("Emulation Evaluation", {"name": "TDEval-raw-cancelled"})

	def test_the_pledge_as_scoring_reads_it(self):
		"""The header as stored now; the tables as stored, kept for a signed pledge only."""
		signed = frappe.get_doc("Emulation Pledge", self.world.pledge)
		read = pledge_for_scoring(signed.name)
		self.assertEqual((read.bloc, read.year, read.head_unit), (signed.bloc, signed.year, signed.head_unit))
		for table, (_doctype, fields) in PLEDGE_TABLES.items():
			self.assertEqual(
				[{field: row.get(field) for field in fields} for row in read[table]],
				[{field: row.get(field) for field in fields} for row in signed.get(table)],
				table,
			)
		self.assertIsNone(pledge_for_scoring("TDEval no such pledge"))
		draft = make_pledge(self.world, self.world.unit("A"), self.world.unit("B"), year=2019)
		self.assertEqual(pledge_for_scoring(draft.name).targets[0].content, draft.targets[0].content)
		draft.targets[0].content = "TDEval changed while a draft"
		draft.save()
		self.assertEqual(pledge_for_scoring(draft.name).targets[0].content, "TDEval changed while a draft")

	def test_an_unsigned_pledge_takes_no_evaluation(self):
		draft = make_pledge(self.world, self.world.unit("A"), self.world.unit("B"), year=2018)
		evaluation = frappe.get_doc(
			{"doctype": "Emulation Evaluation", "pledge": draft.name, "member_unit": self.world.unit("B")}
		)
		self.assertRaisesRegex(frappe.ValidationError, "is not signed", evaluation.insert)

	def test_evidence_is_required_where_the_table_says_so(self):
		self.as_user("officer_B")
		evaluation = fill(self.evaluation("B"), evidence=False)
		evaluation.save()
		self.as_user("leader_B")
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"Attach evidence for the criteria that require it: I\.1, III\.1\.",
			act,
			evaluation.name,
			SUBMIT_SELF_ASSESSMENT,
		)
		self.assertEqual(self.evaluation("B").workflow_state, DRAFT)

	def test_evidence_must_be_a_private_file(self):
		self.as_user("officer_B")
		evaluation = self.evaluation("B")
		evaluation.scores[0].self_score = 20
		evaluation.scores[0].evidence = "/files/public-scan.pdf"
		self.assertRaisesRegex(
			frappe.ValidationError, r"evidence of criterion I\.1 must be a private file", evaluation.save
		)

	def test_evidence_is_a_file_of_this_evaluation(self):
		from thi_dua_app.demo import attach_evidence

		others = attach_evidence(self.evaluation("C"), "I.1")
		self.as_user("officer_B")
		for url in (others, "/private/files/guessed-name.pdf"):
			with self.subTest(url=url):
				evaluation = self.evaluation("B")
				evaluation.scores[0].self_score = 20
				evaluation.scores[0].evidence = url
				self.assertRaisesRegex(
					frappe.ValidationError,
					r"evidence of criterion I\.1 must be a file attached to this evaluation",
					evaluation.save,
				)
		frappe.set_user("Administrator")
		own = attach_evidence(self.evaluation("B"), "I.1")
		self.as_user("officer_B")
		evaluation = self.evaluation("B")
		evaluation.scores[0].self_score = 20
		evaluation.scores[0].evidence = own
		evaluation.save()
		self.assertEqual(frappe.db.get_value("Evaluation Score", evaluation.scores[0].name, "evidence"), own)

	# ------------------------------------------------------------ workflow, step by step

	def test_only_the_unit_leader_submits_the_self_assessment(self):
		self.as_user("officer_B")
		evaluation = fill(self.evaluation("B"))
		evaluation.save()
		self.assertRaises(WorkflowTransitionError, act, evaluation.name, SUBMIT_SELF_ASSESSMENT)
		self.as_user("leader_C")  # a leader, but of another unit
		self.assertRaises(
			(WorkflowTransitionError, frappe.PermissionError), act, evaluation.name, SUBMIT_SELF_ASSESSMENT
		)
		self.as_user("leader_B")
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		evaluation = self.evaluation("B")
		self.assertEqual(evaluation.workflow_state, SELF_ASSESSED)
		# the verifier starts from what the unit claimed
		self.assertEqual(
			[row.verified_score for row in evaluation.scores], [row.self_score for row in evaluation.scores]
		)

	def test_self_scores_lock_after_self_assessment(self):
		evaluation = self.self_assess("B")
		self.as_user("officer_B")
		evaluation.scores[0].self_score = 1
		self.assertRaises(frappe.PermissionError, evaluation.save)
		self.assertEqual(self.evaluation("B").scores[0].self_score, 30)

	def test_only_the_head_or_deputy_enters_verified_scores(self):
		self.self_assess("B")
		self.as_user("officer_C")
		evaluation = self.evaluation("B")
		evaluation.scores[0].verified_score = 20
		self.assertRaises(frappe.PermissionError, evaluation.save)

		self.as_user("officer_A")  # the head unit
		evaluation = self.evaluation("B")
		evaluation.scores[0].verified_score = 28
		evaluation.scores[0].verifier_note = "Thiếu một chỉ tiêu phụ"
		evaluation.save()
		self.assertEqual(self.evaluation("B").verified_base, 98)

		evaluation = self.evaluation("B")
		evaluation.scores[1].self_score = 1
		self.assertRaisesRegex(frappe.PermissionError, r"Self score of criterion I\.2", evaluation.save)

	def test_verified_scores_cannot_be_entered_while_the_unit_drafts(self):
		self.as_user("officer_A")
		evaluation = self.evaluation("A")  # its own unit, still a draft
		evaluation.scores[0].verified_score = 30
		self.assertRaisesRegex(frappe.PermissionError, r"Verified score of criterion I\.1", evaluation.save)

	def test_return_needs_a_reason_and_is_recorded(self):
		evaluation = self.self_assess("B")
		self.as_user("officer_A")
		self.assertRaisesRegex(
			frappe.ValidationError, "Write the reason", act, evaluation.name, RETURN_TO_UNIT
		)
		evaluation = self.evaluation("B")
		evaluation.return_reason = "Thiếu minh chứng tiêu chí I.2"
		evaluation.save()
		act(evaluation.name, RETURN_TO_UNIT)
		evaluation = self.evaluation("B")
		self.assertEqual(evaluation.workflow_state, RETURNED)
		self.assertEqual(
			[
				(row.from_state, row.to_state, row.reason, row.returned_by)
				for row in evaluation.return_history
			],
			[(SELF_ASSESSED, RETURNED, "Thiếu minh chứng tiêu chí I.2", self.world.user("officer_A"))],
		)
		self.assertFalse(evaluation.return_reason)
		# the unit may edit again, and resubmit
		self.as_user("officer_B")
		evaluation.scores[1].self_score = 9
		evaluation.save()
		self.as_user("leader_B")
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		self.assertEqual(self.evaluation("B").workflow_state, SELF_ASSESSED)

	def test_the_form_knows_which_actions_return_and_asks_their_reason(self):
		def returns(letter: str) -> list:
			doc = self.evaluation(letter)
			doc.run_method("onload")
			return doc.get_onload().return_actions

		self.assertEqual(returns("B"), [])  # a draft goes nowhere back
		self.self_assess("B")
		self.as_user("officer_A")
		self.assertEqual(returns("B"), [RETURN_TO_UNIT])
		act(self.evaluation("B").name, VERIFY)
		self.as_user("manager")
		self.assertEqual(returns("B"), [RETURN_TO_BLOC_HEAD])

	def test_a_unit_officer_cannot_write_a_return_reason(self):
		self.as_user("officer_B")
		evaluation = self.evaluation("B")
		evaluation.return_reason = "tự ghi"
		self.assertRaisesRegex(frappe.PermissionError, "Only the bloc head or the province", evaluation.save)

	def test_full_path_to_approval(self):
		evaluation = self.self_assess("B")
		self.as_user("officer_C")
		self.assertRaises((WorkflowTransitionError, frappe.PermissionError), act, evaluation.name, VERIFY)
		self.as_user("officer_D")  # the deputy unit may verify too
		act(evaluation.name, VERIFY)
		self.assertEqual(self.evaluation("B").workflow_state, VERIFIED)
		self.as_user("officer_A")
		self.assertRaises(WorkflowTransitionError, act, evaluation.name, APPROVE)
		self.as_user("manager")
		act(evaluation.name, APPROVE)
		evaluation = self.evaluation("B")
		self.assertEqual((evaluation.workflow_state, evaluation.docstatus), (APPROVED, 1))
		self.assertEqual(
			(evaluation.final_score, evaluation.classification, evaluation.bloc_rank),
			(100, "Hoàn thành xuất sắc", 1),
		)

	def test_the_province_returns_a_verified_evaluation_to_the_bloc_head(self):
		evaluation = self.self_assess("B")
		self.as_user("officer_A")
		act(evaluation.name, VERIFY)
		self.as_user("manager")
		self.assertRaisesRegex(
			frappe.ValidationError, "Write the reason", act, evaluation.name, RETURN_TO_BLOC_HEAD
		)
		evaluation = self.evaluation("B")
		evaluation.return_reason = "Đề nghị Trưởng khối rà soát lại tiêu chí I.1"
		evaluation.save()
		act(evaluation.name, RETURN_TO_BLOC_HEAD)
		evaluation = self.evaluation("B")
		self.assertEqual((evaluation.workflow_state, evaluation.bloc_rank), (SELF_ASSESSED, 0))
		self.assertEqual(evaluation.return_history[-1].to_state, SELF_ASSESSED)

	def test_approval_waits_for_verification(self):
		evaluation = self.self_assess("B")
		self.as_user("manager")
		self.assertRaises(WorkflowTransitionError, act, evaluation.name, APPROVE)

	# ------------------------------------------------------------ ranking, end to end

	def test_ranking_of_the_bloc(self):
		# A: base 97 (I.1 = 27) + bonus 2 (V.1 once) = 99
		self.self_assess("A", {"I.1": 27}, {"V.1": 1})
		# B: base 94 (I.1 = 25, II.2 = 3) − 1 (VI.1 twice × 0.5) = 93, group I = 45
		self.self_assess("B", {"I.1": 25, "II.2": 3}, {"VI.1": 2})
		# C: base 94 (I.1 = 24) − 1 = 93 as well, but group I = 44
		self.self_assess("C", {"I.1": 24}, {"VI.1": 2})
		# D: a perfect 100, but disqualified (VII.1)
		self.self_assess("D", {}, {"VII.1": 1})
		self.as_user("officer_A")
		for letter in "BCD":
			act(self.evaluation(letter).name, VERIFY)
		self.as_user("officer_D")  # the deputy verifies the head's own evaluation
		act(self.evaluation("A").name, VERIFY)

		def results():
			return {
				letter: (row.final_score, row.bloc_rank, row.disqualified, row.tie_break_note)
				for letter in "ABCD"
				for row in [self.evaluation(letter)]
			}

		# Before publication an evaluation carries no note: it would tell the unit its equal
		# neighbour and their score. The bloc head reads the notes as the ranking writes them.
		self.assertEqual({letter: row[3] for letter, row in results().items()}, dict.fromkeys("ABCD", ""))
		notes = current_notes(self.world.pledge)
		self.as_user("officer_A")
		frappe.get_doc("Emulation Pledge", self.world.pledge).publish_results()
		unit = self.world.unit
		self.assertEqual(
			{letter: notes[self.evaluation(letter).name] for letter in "ABCD"},
			{letter: row[3] for letter, row in results().items()},
		)
		self.assertEqual(
			results(),
			{
				"A": (99, 1, 0, ""),
				"B": (
					93,
					2,
					0,
					f"Same final score as {unit('C')}; ranked above it on a higher score in group I.",
				),
				"C": (
					93,
					3,
					0,
					f"Same final score as {unit('B')}; ranked below it on a lower score in group I.",
				),
				"D": (100, 4, 1, "Disqualified: ranked after every qualified unit."),
			},
		)
		self.assertEqual(
			self.evaluation("D").disqualification_reason,
			"Đơn vị hoặc lãnh đạo đang bị xem xét kỷ luật, thanh tra, điều tra",
		)

	def test_each_tie_break_note_is_true_for_its_unit(self):
		"""The unit above and the unit below get opposite reasons: the lower one has more
		deductions, fewer bonus points, a lower base or group score."""
		from thi_dua_app.rules.scoring import (
			BASE_SCORE,
			BONUS_POINTS,
			DEDUCTION_POINTS,
			GROUP_SCORE,
			Placement,
			TieBreak,
		)
		from thi_dua_app.thi_dua.ranking import tie_break_note

		expected = {
			TieBreak(GROUP_SCORE, "II"): ("điểm nhóm II cao hơn", "điểm nhóm II thấp hơn"),
			TieBreak(DEDUCTION_POINTS): ("ít điểm trừ hơn", "nhiều điểm trừ hơn"),
			TieBreak(BONUS_POINTS): ("nhiều điểm thưởng hơn", "ít điểm thưởng hơn"),
			TieBreak(BASE_SCORE): ("điểm cơ bản cao hơn", "điểm cơ bản thấp hơn"),
		}
		self.in_vietnamese()
		for rule, (upper, lower) in expected.items():
			above = Placement("upper", 1, False, below=("lower", rule))
			below = Placement("lower", 2, False, above=("upper", rule))
			names = {"upper": "Sở A", "lower": "Sở B"}
			self.assertEqual(
				tie_break_note(above, names), f"Bằng điểm cuối cùng với Sở B; xếp trên nhờ {upper}.", rule
			)
			self.assertEqual(
				tie_break_note(below, names), f"Bằng điểm cuối cùng với Sở A; xếp dưới do {lower}.", rule
			)

	def test_an_evaluation_is_ranked_only_once_verified(self):
		self.self_assess("A")
		self.self_assess("B", {"I.1": 20})
		self.as_user("officer_A")
		act(self.evaluation("B").name, VERIFY)
		self.assertEqual((self.evaluation("A").bloc_rank, self.evaluation("B").bloc_rank), (0, 1))
