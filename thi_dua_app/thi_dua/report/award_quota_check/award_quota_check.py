"""Kiểm tra chỉ tiêu khen thưởng: for each bloc meeting of the year the user may read, how many
units it selected for each form against the regime's per-bloc quota; and for the province, the
Government's emulation flag proposed against its share of the bloc leaders (a warning quota)."""

from collections import Counter

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app import ballot, regime
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
	province = Counter()
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
		province.update(selected)
		for form, quota in Regime(meeting.legal_regime).quotas(regime.PER_BLOC).items():
			size = ballot.quota_size(quota, cint(meeting.members_total))
			rows.append(line(meeting.bloc, form, selected.get(form, 0), size, meeting.name))
	for name in sorted(regimes):
		for form, quota in Regime(name).quotas(regime.PROVINCE).items():
			# The Government's flag: at most a share of the collectives that lead their blocs.
			leaders = province.get("CO_TINH", 0)
			proposed = count_proposed(form, filters.year)
			rows.append(
				line(
					_("Whole province"), form, proposed, ballot.quota_size(quota, leaders), None, warning=True
				)
			)
	return columns(), rows


def count_proposed(form: str, year: int) -> int:
	return len(
		frappe.get_list(
			"Award Proposal",
			filters=[["year", "=", year], ["Proposal Line", "award_form", "=", form]],
			pluck="name",
			limit_page_length=0,
		)
	)


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
	]
