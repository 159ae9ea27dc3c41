"""Whitelisted endpoints of the desk that belong to no single document."""

import frappe
from frappe import _
from frappe.model.workflow import get_transitions, get_workflow_name

from thi_dua_app.constants import PROVINCE_MANAGER, SELF_ASSESSED, UNIT_EDIT_STATES, VERIFIED
from thi_dua_app.permissions import get_user_units, is_manager, led_pledges


def pending_evaluation_filters(user: str | None = None) -> list[dict]:
	"""Evaluations on which the user has the next move: their unit's drafts and returns, the
	self-assessed evaluations of pledges their unit heads or deputises, and for the province,
	verified evaluations awaiting approval."""
	units = get_user_units(user)
	filters = []
	if units:
		filters.append({"member_unit": ("in", units), "workflow_state": ("in", UNIT_EDIT_STATES)})
	led = led_pledges(user)
	if led:
		filters.append({"pledge": ("in", led), "workflow_state": SELF_ASSESSED})
	if is_manager(user):
		filters.append({"workflow_state": VERIFIED})
	return filters


@frappe.whitelist()
def evaluations_waiting_for_me(filters: str | dict | None = None) -> dict:
	"""The number card's figure and where it leads: the evaluation list filtered to exactly the
	documents counted — by the one condition that selects them, or by their names when the user
	has work of two kinds (a unit's own drafts and the evaluations it verifies as bloc head)."""
	conditions = pending_evaluation_filters()
	names = set()
	for condition in conditions:
		names.update(frappe.get_list("Emulation Evaluation", filters=condition, pluck="name"))
	if len(conditions) == 1:
		route_options = {
			fieldname: list(value) if isinstance(value, tuple) else value
			for fieldname, value in conditions[0].items()
		}
	else:
		route_options = {"name": ["in", sorted(names)]}
	return {
		"value": len(names),
		"fieldtype": "Int",
		"route": ["List", "Emulation Evaluation"],
		"route_options": route_options,
	}


@frappe.whitelist()
def my_units() -> dict:
	"""The units the user acts for, for the desk's pickers; the province acts for every unit."""
	return {"all": bool(is_manager()), "units": get_user_units()}


# The documents whose workflow help the app writes itself (thi_dua.bundle.js): Frappe's names
# roles, and officers of a head unit hold the unit roles, so "Verify by role Unit Officer" would
# read as if any unit verified.
WORKFLOW_HELP_DOCTYPES = ("Emulation Evaluation", "Award Proposal")


def who_takes(transition) -> str:
	"""Who a transition lets act, in words, from its condition (the workflow's own data, answered
	by the permission module) or, without one, its role."""
	words = {
		"doc.acts_for_unit": _("the unit itself"),
		"doc.leads_bloc": _("the bloc head or deputy unit of the year"),
		"doc.acts_for_proposer": _(
			"the proposer (the bloc head and deputy units, or the unit whose review it is)"
		),
	}
	condition = (transition.condition or "").strip()
	if condition in words:
		return words[condition]
	if transition.allowed == PROVINCE_MANAGER:
		return _("the province")
	return _(transition.allowed)


@frappe.whitelist()
def workflow_help(doctype: str, name: str) -> dict:
	"""What the workflow help of a document says: its state, and each next action with who takes
	it and whether the user may — from the workflow's transitions (their roles and conditions) and
	the permission module's answers for this user."""
	if doctype not in WORKFLOW_HELP_DOCTYPES or not isinstance(name, str):
		frappe.throw(_("There is no workflow help for this document."), frappe.ValidationError)
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	workflow = frappe.get_cached_doc("Workflow", get_workflow_name(doctype))
	yours = {row.action for row in get_transitions(doc, workflow)}
	actions: dict[str, list[str]] = {}
	for row in workflow.transitions:
		if row.state != doc.workflow_state:
			continue
		words = actions.setdefault(row.action, [])
		who = who_takes(row)
		if who not in words:
			words.append(who)
	return {
		"state": _(doc.workflow_state),
		"actions": [
			{"action": _(action), "by": words, "yours": action in yours} for action, words in actions.items()
		],
	}
