"""Kết quả thực hiện giao ước: per unit and target, committed against achieved."""

import frappe
from frappe import _

from thi_dua_app.thi_dua.report_data import (
	EVALUATION,
	PLEDGE_FILTER,
	evaluation_column,
	evaluations,
	guarded_report,
	report_pledge,
	unit_column,
)


@guarded_report(PLEDGE_FILTER)
def execute(filters):
	pledge = report_pledge(filters)
	units = {
		row.name: row.member_unit for row in evaluations({"pledge": pledge.name}, ["name", "member_unit"])
	}
	if not units:
		return columns(), []
	results = frappe.get_list(
		"Evaluation Target Result",
		parent_doctype=EVALUATION,
		filters={"parent": ("in", list(units))},
		fields=[
			"parent",
			"idx",
			"content",
			"indicator_kind",
			"committed_value",
			"uom",
			"achieved_value",
			"met",
		],
		order_by="idx asc",
		limit_page_length=0,
	)
	rows = [
		{
			"member_unit": units[row.parent],
			"evaluation": row.parent,
			"target_no": row.idx,
			"target": row.content,
			"indicator_kind": _(row.indicator_kind),
			"committed_value": row.committed_value,
			"uom": row.uom,
			"achieved_value": row.achieved_value,
			"met": row.met,
		}
		for row in results
	]
	rows.sort(key=lambda row: (row["member_unit"], row["target_no"]))
	met = sum(1 for row in rows if row["met"])
	summary = [
		{"label": _("Targets met"), "value": met, "indicator": "Green", "datatype": "Int"},
		{"label": _("Targets not met"), "value": len(rows) - met, "indicator": "Red", "datatype": "Int"},
	]
	return columns(), rows, None, None, summary


def columns() -> list[dict]:
	return [
		unit_column(240),
		{"fieldname": "target_no", "label": _("No."), "fieldtype": "Int", "width": 50},
		{"fieldname": "target", "label": _("Target"), "fieldtype": "Data", "width": 360},
		{"fieldname": "indicator_kind", "label": _("Indicator"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "committed_value",
			"label": _("Committed value"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
		{
			"fieldname": "achieved_value",
			"label": _("Achieved value"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
		{"fieldname": "uom", "label": _("Unit of measure"), "fieldtype": "Data", "width": 80},
		{"fieldname": "met", "label": _("Met"), "fieldtype": "Check", "width": 60},
		evaluation_column(),
	]
