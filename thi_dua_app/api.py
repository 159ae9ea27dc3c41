"""Whitelisted endpoints of the desk that belong to no single document."""

import frappe
from frappe.client import get_count as framework_get_count
from frappe.utils import get_safe_filters

from thi_dua_app.constants import CHILD_PARENTS, SELF_ASSESSED, UNIT_EDIT_STATES, VERIFIED
from thi_dua_app.permissions import get_user_units, is_manager, led_pledges

APP_MODULE = "Thi Dua"


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


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug: bool = False, cache: bool = False) -> int:
	"""``frappe.client.get_count`` for every DocType, except that rows of this app's DocTypes and
	their attachments are counted through the permission-checked list query."""
	if doctype != "File" and frappe.db.get_value("DocType", doctype, "module") != APP_MODULE:
		return framework_get_count(doctype, filters, debug, cache)
	parent = CHILD_PARENTS[doctype][0] if doctype in CHILD_PARENTS else None
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], parent_doctype=parent
	)
	return rows[0].count if rows else 0
