"""Every workflow state × every kind of user: which actions the desk offers (and the server allows).

World: A head, D deputy; C draft, B self-assessed, E returned, G verified, F approved; H another
member of the bloc.
"""

import frappe
from frappe.model.workflow import apply_workflow, get_transitions

from thi_dua_app.constants import (
	APPROVE,
	CANCEL,
	RETURN_TO_BLOC_HEAD,
	RETURN_TO_UNIT,
	SUBMIT_SELF_ASSESSMENT,
	VERIFY,
)
from thi_dua_app.tests.factories import act, evaluation_of, fill
from thi_dua_app.tests.utils import ThiDuaTestCase

SUBMIT = [SUBMIT_SELF_ASSESSMENT]
VERIFY_OR_RETURN = [RETURN_TO_UNIT, VERIFY]
NONE: list[str] = []


class TestWorkflowMatrix(ThiDuaTestCase):
	prefix = "TDFlow"
	letters = "ABCDEFGH"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.get_doc("Emulation Pledge", cls.world.pledge).create_evaluations()
		for letter in "BEGF":
			evaluation = fill(evaluation_of(cls.world, letter))
			evaluation.save()
			act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		evaluation = evaluation_of(cls.world, "E")
		evaluation.return_reason = "Bổ sung minh chứng"
		evaluation.save()
		act(evaluation.name, RETURN_TO_UNIT)
		for letter in "GF":
			act(evaluation_of(cls.world, letter).name, VERIFY)
		act(evaluation_of(cls.world, "F").name, APPROVE)

	def actions(self, who: str, letter: str) -> list[str]:
		self.as_user(who)
		try:
			return sorted({t.action for t in get_transitions(evaluation_of(self.world, letter))})
		except frappe.PermissionError:
			return NONE

	def check(self, letter: str, expected: dict[str, list[str]]):
		for who, actions in expected.items():
			with self.subTest(state_of=letter, who=who):
				self.assertEqual(self.actions(who, letter), actions)

	def others(self, own: str) -> dict[str, list[str]]:
		"""Users who never act on this unit's evaluation in the step under test."""
		return {
			f"officer_{own}": NONE,
			"officer_H": NONE,
			"leader_H": NONE,
			"viewer": NONE,
			"outsider": NONE,
		}

	def test_draft(self):
		self.check(
			"C",
			{
				**self.others("C"),
				"leader_C": SUBMIT,
				"officer_A": NONE,
				"leader_A": NONE,
				"officer_D": NONE,
				"manager": SUBMIT,
			},
		)

	def test_returned(self):
		self.check(
			"E",
			{**self.others("E"), "leader_E": SUBMIT, "officer_A": NONE, "officer_D": NONE, "manager": SUBMIT},
		)

	def test_self_assessed(self):
		self.check(
			"B",
			{
				**self.others("B"),
				"leader_B": NONE,
				"officer_A": VERIFY_OR_RETURN,
				"leader_A": VERIFY_OR_RETURN,
				"officer_D": VERIFY_OR_RETURN,
				"leader_D": VERIFY_OR_RETURN,
				"manager": VERIFY_OR_RETURN,
			},
		)

	def test_verified(self):
		self.check(
			"G",
			{
				**self.others("G"),
				"leader_G": NONE,
				"officer_A": NONE,
				"officer_D": NONE,
				"manager": sorted([APPROVE, RETURN_TO_BLOC_HEAD]),
			},
		)

	def test_approved(self):
		self.check("F", {**self.others("F"), "leader_F": NONE, "officer_A": NONE, "manager": [CANCEL]})

	def test_cancelling_an_approved_evaluation_takes_it_out_of_the_ranking(self):
		self.assertEqual(evaluation_of(self.world, "F").bloc_rank, 1)
		self.as_user("manager")
		act(evaluation_of(self.world, "F").name, CANCEL)
		cancelled = frappe.get_all(
			"Emulation Evaluation",
			filters={"pledge": self.world.pledge, "member_unit": self.world.unit("F")},
			fields=["docstatus", "workflow_state"],
		)
		self.assertEqual([(row.docstatus, row.workflow_state) for row in cancelled], [(2, "Cancelled")])
		self.assertEqual(evaluation_of(self.world, "G").bloc_rank, 1)

	# ------------------------------------------------------------ one home for the rule

	def test_the_conditions_ask_the_permission_module(self):
		"""No condition queries User Permission itself: each reads a virtual field whose value is
		the permission module's answer, computed on the server whatever a client sends."""
		conditions = {
			row.condition
			for name in ("Emulation Evaluation", "Award Proposal")
			for row in frappe.get_doc("Workflow", name).transitions
			if row.condition
		}
		self.assertEqual(conditions, {"doc.acts_for_unit", "doc.leads_bloc", "doc.acts_for_proposer"})
		self.as_user("officer_B")
		claimed = evaluation_of(self.world, "C").as_dict()
		claimed.update({"acts_for_unit": 1, "leads_bloc": 1})
		doc = frappe.get_doc(claimed)
		self.assertEqual((doc.acts_for_unit, doc.as_dict()["leads_bloc"]), (0, 0))
		self.assertRaises(
			(frappe.PermissionError, frappe.ValidationError), apply_workflow, claimed, SUBMIT_SELF_ASSESSMENT
		)

	def test_a_return_is_a_move_to_a_state_listed_earlier_in_the_workflow(self):
		from thi_dua_app.thi_dua.workflow_steps import is_return

		self.assertTrue(is_return("Emulation Evaluation", "Self-assessed", "Returned"))
		self.assertTrue(is_return("Emulation Evaluation", "Verified", "Self-assessed"))
		self.assertFalse(is_return("Emulation Evaluation", "Returned", "Self-assessed"))
		self.assertFalse(is_return("Emulation Evaluation", "Verified", "Approved"))
		self.assertFalse(is_return("Emulation Evaluation", "Approved", "Cancelled"))

	def test_the_workflow_help_says_who_takes_each_step(self):
		from thi_dua_app.api import workflow_help

		self.in_vietnamese()
		name = evaluation_of(self.world, "B").name
		self.as_user("officer_A")
		help = workflow_help("Emulation Evaluation", name)
		self.assertEqual(help["state"], "Đã tự chấm")
		verify = next(row for row in help["actions"] if row["action"] == "Xác nhận thẩm định")
		# Not "the Unit Officer role": the bloc head or deputy unit, or the province.
		self.assertEqual(
			verify["by"], ["đơn vị Trưởng khối hoặc Phó khối của năm", "cấp tỉnh (Ban Thi đua - Khen thưởng)"]
		)
		self.assertTrue(verify["yours"])
		self.as_user("leader_B")
		self.assertFalse(any(row["yours"] for row in workflow_help("Emulation Evaluation", name)["actions"]))
		# Another unit's draft is not explained to whoever may not read it, nor another DocType's.
		self.as_user("officer_B")
		self.assertRaises(
			frappe.PermissionError, workflow_help, "Emulation Evaluation", evaluation_of(self.world, "C").name
		)
		self.assertRaises(frappe.ValidationError, workflow_help, "User", "Administrator")
