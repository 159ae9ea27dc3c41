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


def return_actions(doctype: str, state: str | None) -> list[str]:
	"""The actions of the DocType's workflow that, from ``state``, return the document to an
	earlier step (whoever may take them: the form asks for the reason before any)."""
	name = get_workflow_name(doctype)
	if not name or not state:
		return []
	# One row per role may name the same action: each action once, in the workflow's order.
	return list(
		dict.fromkeys(
			row.action
			for row in frappe.get_cached_doc("Workflow", name).transitions
			if row.state == state and is_return(doctype, state, row.next_state)
		)
	)
