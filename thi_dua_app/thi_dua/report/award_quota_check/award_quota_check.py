"""Kiểm tra chỉ tiêu khen thưởng: for each bloc meeting of the year the user may read, how many
units it selected for each form against the regime's per-bloc quota; and for the province, the
Government's emulation flag passed by the council against its share of the collectives awarded
the provincial flag (a warning quota, with the province's reason for going above it)."""

from collections import Counter

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.permissions import sees_everything
from thi_dua_app.rules import ballot, regime
from thi_dua_app.thi_dua.doctype.government_flag_proposal.government_flag_proposal import bloc_leaders
from thi_dua_app.thi_dua.legal import Regime
from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, guarded_report


@guarded_report(ReportFilter("year", "Year", "Int", minimum=YEARS[0], maximum=YEARS[1], reqd=True))
def execute(filters):
	meetings = frappe.get_list(
		"Bloc Review Meeting",
		filters={"year": filters.year, "docstatus": 1},
		fields=["name", "bloc", "legal_regime", "members_total"],
		order_by="bloc asc",
		limit_page_length=0,
	)
	rows = []
	regimes = set()
	for meeting in meetings:
		regimes.add(meeting.legal_regime)
		selected = Counter(
			frappe.get_all(
				"Ballot Tally",
				filters={"parent": meeting.name, "parenttype": "Bloc Review Meeting", "selected": 1},
				pluck="award_form",
			)
		)
		for form, quota in Regime(meeting.legal_regime).quotas(regime.PER_BLOC).items():
			size = ballot.quota_size(quota, cint(meeting.members_total))
			rows.append(line(meeting.bloc, form, selected.get(form, 0), size, meeting.name))
	if sees_everything():
		rows += province_rows(filters.year, regimes)
	return columns(), rows


def province_rows(year: int, regimes: set) -> list[dict]:
	"""The Government's flag: at most a share of the collectives the province awarded its own flag
	for the year; proposing more is a warning the province answers with a reason."""
	leaders = len(bloc_leaders(year))
	proposals = frappe.get_all(
		"Government Flag Proposal",
		filters={"year": year, "docstatus": 1},
		fields=["name", "legal_regime", "quota_override_reason"],
		order_by="name asc",
	)
	passed = frappe.db.count(
		"Government Flag Line",
		{
			"parenttype": "Government Flag Proposal",
			"parent": ("in", [p.name for p in proposals] or [""]),
			"passed": 1,
		},
	)
	reasons = "; ".join(p.quota_override_reason for p in proposals if p.quota_override_reason)
	rows = []
	for name in sorted(regimes | {p.legal_regime for p in proposals}):
		for form, quota in Regime(name).quotas(regime.PROVINCE).items():
			row = line(
				_("Whole province"), form, passed, ballot.quota_size(quota, leaders), None, warning=True
			)
			row["reason"] = reasons
			rows.append(row)
	return rows


def line(scope, form, count, size, meeting, warning=False) -> dict:
	within = size is None or count <= size
	return {
		"scope": scope,
		"award_form": form,
		"selected": count,
		"quota": size,
		"result": _("Within the quota")
		if within
		else (_("Above the quota (warning)") if warning else _("Above the quota")),
		"meeting": meeting,
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "scope", "label": _("Bloc"), "fieldtype": "Data", "width": 300},
		{
			"fieldname": "award_form",
			"label": _("Award form"),
			"fieldtype": "Link",
			"options": "Award Form",
			"width": 160,
		},
		{"fieldname": "selected", "label": _("Selected"), "fieldtype": "Int", "width": 90},
		{"fieldname": "quota", "label": _("Quota"), "fieldtype": "Int", "width": 90},
		{"fieldname": "result", "label": _("Result"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "meeting",
			"label": _("Meeting minutes"),
			"fieldtype": "Link",
			"options": "Bloc Review Meeting",
			"width": 160,
		},
		{
			"fieldname": "reason",
			"label": _("Reason for proposing above the share"),
			"fieldtype": "Data",
			"width": 300,
		},
	]
