"""The steps of a workflow as its own data gives them: its states are listed in the order of the
work (the unit's states first, the province's last), so a move to a state listed earlier is a
return — no order of states is written down a second time in code."""

import frappe
from frappe.model.workflow import get_workflow_name


def state_order(doctype: str) -> dict[str, int]:
	"""Each state of the DocType's active workflow and its place in the workflow's list."""
	name = get_workflow_name(doctype)
	if not name:
		return {}
	order: dict[str, int] = {}
	for row in frappe.get_cached_doc("Workflow", name).states:
		order.setdefault(row.state, len(order))
	return order


def is_return(doctype: str, old_state: str | None, new_state: str | None) -> bool:
	order = state_order(doctype)
	return old_state in order and new_state in order and order[new_state] < order[old_state]
