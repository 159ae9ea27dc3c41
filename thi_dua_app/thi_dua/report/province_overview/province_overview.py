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
	members = defaultdict(int)
	for row in frappe.get_list(
		"Pledge Signatory",
		parent_doctype="Emulation Pledge",
		filters={"parent": ("in", names)},
		fields=["parent"],
		limit_page_length=0,
	):
		members[row.parent] += 1
	by_pledge = defaultdict(list)
	for row in evaluations(
		{"pledge": ("in", names)}, ["pledge", "member_unit", "workflow_state", "bloc_rank", "final_score"]
	):
		by_pledge[row.pledge].append(row)
	rows = []
	for pledge in pledges:
		found = by_pledge[pledge.name]
		leaders = [row for row in found if row.bloc_rank == 1]
		rows.append(
			{
				"bloc": pledge.bloc,
				"pledge": pledge.name,
				"head_unit": pledge.head_unit,
				"member_units": members[pledge.name],
				"evaluations": len(found),
				"self_assessed": sum(1 for row in found if row.workflow_state not in (DRAFT, RETURNED)),
				"verified": sum(1 for row in found if row.workflow_state in RANKED_STATES),
				"leader": ", ".join(row.member_unit for row in leaders),
				"leader_score": leaders[0].final_score if leaders else None,
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
