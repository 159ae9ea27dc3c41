"""Evaluations by workflow state, for the workspace chart: the states in workflow order and in the
reader's language, counted over the evaluations the reader may see."""

import frappe
from frappe import _

from thi_dua_app.constants import WORKFLOW_STATES


@frappe.whitelist()
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
) -> dict:
	counts = dict(
		frappe.get_list(
			"Emulation Evaluation",
			filters={"docstatus": ("<", 2)},
			fields=["workflow_state", "count(name) as count"],
			group_by="workflow_state",
			as_list=True,
		)
	)
	states = [state for state in WORKFLOW_STATES if counts.get(state)]
	return {
		"labels": [_(state) for state in states],
		"datasets": [{"name": _("Evaluations"), "values": [counts[state] for state in states]}],
	}
