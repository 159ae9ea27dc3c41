"""Tiến độ chấm điểm: how far each unit's evaluation has got, against the pledge's due dates.

The bloc head, the deputy and the province follow every unit (the state only, never a score);
any other unit sees its own line."""

import frappe
from frappe import _
from frappe.utils import getdate

from thi_dua_app.constants import DRAFT, RANKED_STATES, RETURNED
from thi_dua_app.permissions import follows_progress, get_user_units
from thi_dua_app.thi_dua.report_data import (
	EVALUATION,
	PLEDGE_FILTER,
	ReportFilter,
	evaluation_column,
	guarded_report,
	report_pledge,
	unit_column,
)


@guarded_report(PLEDGE_FILTER, ReportFilter("as_of", "As of", "Date"))
def execute(filters):
	pledge = report_pledge(filters)
	units = [row.member_unit for row in pledge.signatories]
	if not follows_progress(pledge.name):
		mine = set(get_user_units())
		units = [unit for unit in units if unit in mine]
	states = {
		row.member_unit: row
		for row in frappe.get_all(
			EVALUATION,
			filters={"pledge": pledge.name, "docstatus": ("<", 2), "member_unit": ("in", units or [""])},
			fields=["name", "member_unit", "workflow_state", "self_assessed_on", "verified_on"],
		)
	}
	today = filters.as_of or getdate()
	rows = []
	for unit in units:
		evaluation = states.get(unit)
		state = evaluation.workflow_state if evaluation else None
		self_assessed = bool(state) and state not in (DRAFT, RETURNED)
		verified = state in RANKED_STATES
		rows.append(
			{
				"member_unit": unit,
				"evaluation": evaluation.name if evaluation else None,
				"workflow_state": _(state) if state else _("Not created"),
				"self_assessed_on": evaluation.self_assessed_on if self_assessed else None,
				"self_assessment_due": pledge.self_assessment_due,
				"verified_on": evaluation.verified_on if verified else None,
				"verification_due": pledge.verification_due,
				"late": lateness(today, pledge, self_assessed, verified),
			}
		)
	return columns(), rows


def lateness(today, pledge, self_assessed: bool, verified: bool) -> str:
	if not self_assessed and pledge.self_assessment_due and today > getdate(pledge.self_assessment_due):
		return _("Self-assessment overdue")
	if not verified and pledge.verification_due and today > getdate(pledge.verification_due):
		return _("Verification overdue")
	return ""


def columns() -> list[dict]:
	return [
		unit_column(260),
		{"fieldname": "workflow_state", "label": _("Status"), "fieldtype": "Data", "width": 120},
		{"fieldname": "self_assessed_on", "label": _("Self-assessed on"), "fieldtype": "Date", "width": 120},
		{
			"fieldname": "self_assessment_due",
			"label": _("Self-assessment due"),
			"fieldtype": "Date",
			"width": 130,
		},
		{"fieldname": "verified_on", "label": _("Verified on"), "fieldtype": "Date", "width": 110},
		{"fieldname": "verification_due", "label": _("Verification due"), "fieldtype": "Date", "width": 130},
		{"fieldname": "late", "label": _("Late"), "fieldtype": "Data", "width": 180},
		evaluation_column(),
	]
