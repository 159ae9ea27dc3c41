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
def evaluations_waiting_for_me(filters: str | dict | None = None) -> int:
	names = set()
	for condition in pending_evaluation_filters():
		names.update(frappe.get_list("Emulation Evaluation", filters=condition, pluck="name"))
	return len(names)
