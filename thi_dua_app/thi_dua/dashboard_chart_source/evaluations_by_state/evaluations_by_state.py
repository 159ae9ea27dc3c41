"""Evaluations by workflow state, for the workspace chart: the states in workflow order and in the
reader's language, counted over the evaluations the reader may see."""

import json

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
	conditions = {"docstatus": ("<", 2)}
	year = chart_year(filters)
	if year:
		conditions["year"] = year
	counts = dict(
		frappe.get_list(
			"Emulation Evaluation",
			filters=conditions,
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


def chart_year(filters) -> int | None:
	"""The year the chart is filtered on, if any; anything but a whole year is refused."""
	if filters is None:
		return None
	if isinstance(filters, str):
		try:
			filters = json.loads(filters or "{}")
		except ValueError:
			filters = None
	if not isinstance(filters, dict):
		frappe.throw(_("The chart's filters are not valid."), frappe.ValidationError)
	year = filters.get("year")
	if year in (None, ""):
		return None
	if isinstance(year, bool) or not isinstance(year, int | str) or not str(year).isdigit():
		frappe.throw(_("The year must be a whole number."), frappe.ValidationError)
	return int(year)
