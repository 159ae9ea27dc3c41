"""Whitelisted endpoints of the desk that belong to no single document."""

import frappe

from thi_dua_app.constants import SELF_ASSESSED, UNIT_EDIT_STATES, VERIFIED
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
