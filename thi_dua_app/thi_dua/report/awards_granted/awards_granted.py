"""Tổng hợp đề nghị và khen thưởng: every proposed line the user may read, how far it went (the
proposal's state, the council's vote) and, once decided, the decision and the money — with the
lines of signed decisions that did not come from a proposal. Totals by the desk's total row."""

import frappe
from frappe import _

from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, guarded_report


@guarded_report(
	ReportFilter("year", "Year", "Int", minimum=YEARS[0], maximum=YEARS[1]),
	ReportFilter("bloc", "Emulation bloc", "Link", "Emulation Bloc"),
	ReportFilter("award_form", "Award form", "Link", "Award Form"),
)
def execute(filters):
	proposal_filters = {key: filters[key] for key in ("year", "bloc") if filters.get(key)}
	proposals = {
		row.name: row
		for row in frappe.get_list(
			"Award Proposal",
			filters=proposal_filters,
			fields=["name", "bloc", "year", "workflow_state", "proposal_number"],
			limit_page_length=0,
		)
	}
	decision_filters = {"docstatus": 1, **({"year": filters.year} if filters.year else {})}
	decisions = {
		row.name: row
		for row in frappe.get_list(
			"Award Decision",
			filters=decision_filters,
			fields=["name", "decision_number", "decision_date", "revoked"],
			limit_page_length=0,
		)
	}
	decided = {}
	for line in frappe.get_all(
		"Decision Line",
		filters={"parent": ("in", list(decisions) or [""]), "parenttype": "Award Decision"},
		fields=[
			"name",
			"parent",
			"member_unit",
			"recipient_name",
			"award_form",
			"coefficient",
			"amount",
			"award_proposal",
			"proposal_line",
		],
		order_by="parent asc, idx asc",
	):
		decided[line.proposal_line or line.name] = line
	rows = []
	for line in frappe.get_all(
		"Proposal Line",
		filters={"parent": ("in", list(proposals) or [""]), "parenttype": "Award Proposal"},
		fields=[
			"name",
			"parent",
			"member_unit",
			"recipient_name",
			"award_form",
			"vote_percent",
			"council_percent",
			"council_passed",
		],
		order_by="parent asc, idx asc",
	):
		proposal = proposals[line.parent]
		rows.append(row_of(line, proposal, decided.pop(line.name, None), decisions))
	for line in decided.values():
		rows.append(row_of(line, None, line, decisions))
	if filters.award_form:
		rows = [row for row in rows if row["award_form"] == filters.award_form]
	if filters.bloc:
		rows = [row for row in rows if row["bloc"] == filters.bloc]
	return columns(), rows


def row_of(line, proposal, decision_line, decisions) -> dict:
	decision = decisions.get(decision_line.parent) if decision_line else None
	return {
		"year": proposal.year if proposal else None,
		"bloc": proposal.bloc if proposal else None,
		"member_unit": line.member_unit,
		"recipient_name": line.recipient_name or line.member_unit,
		"award_form": line.award_form,
		"award_proposal": proposal.name if proposal else None,
		"state": _(proposal.workflow_state) if proposal else _("Decided"),
		"vote_percent": line.get("vote_percent"),
		"council_percent": line.get("council_percent") if line.get("council_passed") is not None else None,
		"award_decision": decision.name if decision else None,
		"decision_number": decision.decision_number if decision else None,
		"coefficient": decision_line.coefficient if decision_line else None,
		"amount": (0 if decision.revoked else decision_line.amount) if decision else None,
		"revoked": _("Revoked") if decision and decision.revoked else "",
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "year", "label": _("Year"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "bloc",
			"label": _("Emulation bloc"),
			"fieldtype": "Link",
			"options": "Emulation Bloc",
			"width": 220,
		},
		{"fieldname": "member_unit", "label": _("Member unit"), "fieldtype": "Data", "width": 200},
		{"fieldname": "recipient_name", "label": _("Recipient"), "fieldtype": "Data", "width": 220},
		{
			"fieldname": "award_form",
			"label": _("Award form"),
			"fieldtype": "Link",
			"options": "Award Form",
			"width": 160,
		},
		{"fieldname": "state", "label": _("Status"), "fieldtype": "Data", "width": 130},
		{"fieldname": "vote_percent", "label": _("Votes for (%)"), "fieldtype": "Percent", "width": 100},
		{
			"fieldname": "council_percent",
			"label": _("Council votes for (%)"),
			"fieldtype": "Percent",
			"width": 110,
		},
		{"fieldname": "decision_number", "label": _("Decision number"), "fieldtype": "Data", "width": 130},
		{
			"fieldname": "coefficient",
			"label": _("Coefficient"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "amount",
			"label": _("Amount (đồng)"),
			"fieldtype": "Float",
			"precision": 0,
			"width": 130,
		},
		{"fieldname": "revoked", "label": _("Revoked"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "award_proposal",
			"label": _("Award proposal"),
			"fieldtype": "Link",
			"options": "Award Proposal",
			"width": 140,
		},
		{
			"fieldname": "award_decision",
			"label": _("Award decision"),
			"fieldtype": "Link",
			"options": "Award Decision",
			"width": 140,
		},
	]
