"""Tổng hợp toàn tỉnh: every bloc of a year — its units, how far scoring has got, its leader."""

from collections import defaultdict

import frappe
from frappe import _

from thi_dua_app.constants import DRAFT, RANKED_STATES, RETURNED
from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, evaluations, guarded_report


@guarded_report(ReportFilter("year", "Year", "Int", reqd=True, minimum=YEARS[0], maximum=YEARS[1]))
def execute(filters):
	year = filters.year
	pledges = frappe.get_list(
		"Emulation Pledge",
		filters={"year": year, "docstatus": 1},
		fields=["name", "bloc", "head_unit", "deputy_unit"],
		order_by="bloc asc",
		limit_page_length=0,
	)
	if not pledges:
		return columns(), []
	names = [pledge.name for pledge in pledges]
	# Counted by the database, a row per pledge (and state): a province has thousands of evaluations.
	members = {
		row.parent: row.count
		for row in frappe.get_list(
			"Pledge Signatory",
			parent_doctype="Emulation Pledge",
			filters={"parent": ("in", names)},
			fields=["parent", "count(name) as count"],
			group_by="parent",
			limit_page_length=0,
		)
	}
	by_state = defaultdict(dict)
	for row in evaluations(
		{"pledge": ("in", names)},
		["pledge", "workflow_state", "count(name) as count"],
		order_by="pledge asc",
		group_by="pledge, workflow_state",
	):
		by_state[row.pledge][row.workflow_state] = row.count
	leaders = defaultdict(list)
	for row in evaluations(
		{"pledge": ("in", names), "bloc_rank": 1}, ["pledge", "member_unit", "final_score"], "member_unit asc"
	):
		leaders[row.pledge].append(row)
	rows = []
	for pledge in pledges:
		states, leading = by_state[pledge.name], leaders[pledge.name]
		rows.append(
			{
				"bloc": pledge.bloc,
				"pledge": pledge.name,
				"head_unit": pledge.head_unit,
				"member_units": members.get(pledge.name, 0),
				"evaluations": sum(states.values()),
				"self_assessed": sum(n for state, n in states.items() if state not in (DRAFT, RETURNED)),
				"verified": sum(n for state, n in states.items() if state in RANKED_STATES),
				"leader": ", ".join(row.member_unit for row in leading),
				"leader_score": leading[0].final_score if leading else None,
			}
		)
	return columns(), rows


def columns() -> list[dict]:
	return [
		{
			"fieldname": "bloc",
			"label": _("Emulation bloc"),
			"fieldtype": "Link",
			"options": "Emulation Bloc",
			"width": 300,
		},
		{
			"fieldname": "head_unit",
			"label": _("Head unit"),
			"fieldtype": "Data",
			"width": 200,
		},
		{"fieldname": "member_units", "label": _("Member units"), "fieldtype": "Int", "width": 100},
		{"fieldname": "evaluations", "label": _("Evaluations"), "fieldtype": "Int", "width": 100},
		{"fieldname": "self_assessed", "label": _("Self-assessed"), "fieldtype": "Int", "width": 100},
		{"fieldname": "verified", "label": _("Verified"), "fieldtype": "Int", "width": 90},
		{"fieldname": "leader", "label": _("Leading unit"), "fieldtype": "Data", "width": 240},
		{
			"fieldname": "leader_score",
			"label": _("Leader's score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
		{
			"fieldname": "pledge",
			"label": _("Pledge"),
			"fieldtype": "Link",
			"options": "Emulation Pledge",
			"width": 150,
		},
	]
