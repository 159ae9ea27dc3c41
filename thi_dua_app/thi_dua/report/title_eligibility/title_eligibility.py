"""Đủ điều kiện danh hiệu: for every person and every division (phòng, ban) of a unit — or of all
the units the user reads — in a year, each title's verdict under the regime in force (qualified,
not qualified or a manual check) with the deciding condition in Vietnamese, and each unit's CSTĐCS
quota. A division's titles count its people's verdicts. A title reached without a registration is
flagged where the regime still considers the unregistered (and refused where it does not)."""

import frappe
from frappe import _

from thi_dua_app.rules import eligibility
from thi_dua_app.thi_dua import people
from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, guarded_report

TITLES = tuple(dict.fromkeys((*people.PERSON_TITLES, *people.COLLECTIVE_TITLES)))
# "Possible next year": not reached this year, reached next year if it repeats this one.
NEXT_YEAR = "Possible next year"
STATUSES = (eligibility.QUALIFIED, eligibility.NOT_QUALIFIED, eligibility.MANUAL, NEXT_YEAR)


@guarded_report(
	ReportFilter("year", "Year", "Int", reqd=True, minimum=YEARS[0], maximum=YEARS[1]),
	ReportFilter("member_unit", "Member unit", "Link", "Member Unit"),
	ReportFilter("title", "Emulation title", "Select", TITLES),
	ReportFilter("status", "Verdict", "Select", STATUSES),
)
def execute(filters):
	try:
		results, book = people.person_verdicts(filters.year, filters.member_unit)
	except frappe.ValidationError as error:
		# No regime for that year, or a regime that lacks a parameter: said as the regime says it.
		frappe.clear_last_message()
		return columns(), [], frappe.utils.escape_html(str(error))
	collectives = people.collective_verdicts(filters.year, results, book, filters.member_unit)
	names = title_names()
	units = {result.member_unit for result in results} | {result.member_unit for result in collectives}
	unit_names = dict(
		frappe.get_all(
			"Member Unit",
			filters={"name": ("in", sorted(units) or [""])},
			fields=["name", "unit_name"],
			as_list=True,
		)
	)
	divisions = {result.division for result in results if result.division}
	division_names = dict(
		frappe.get_all(
			"Unit Division",
			filters={"name": ("in", sorted(divisions) or [""])},
			fields=["name", "division_name"],
			as_list=True,
		)
	)
	recipients = [
		(
			_("Individual"),
			result.full_name,
			division_names.get(result.division, ""),
			result,
			people.PERSON_TITLES,
			"Staff Year Record",
		)
		for result in results
	] + [
		(
			_("Collective"),
			result.division_name,
			result.division_name,
			result,
			people.COLLECTIVE_TITLES,
			"Division Year Record",
		)
		for result in collectives
	]
	rows = []
	for kind, recipient, division, result, titles, record_type in recipients:
		for title in titles:
			verdict = result.verdicts[title]
			possible = title in getattr(result, "next_year", ())
			if filters.title and title != filters.title:
				continue
			if filters.status and (
				not possible if filters.status == NEXT_YEAR else verdict.status != filters.status
			):
				continue
			rows.append(
				{
					"full_name": recipient,
					"kind": kind,
					"member_unit": unit_names.get(result.member_unit, result.member_unit),
					"division": division,
					"rating": result.rating,
					"title": names.get(title, title),
					"status": people.status_label(verdict.status),
					"reason": people.reason(verdict),
					"next_year": _("Possible next year") if possible else "",
					"registration": (
						_("Not registered (still considered)") if title in result.unregistered else ""
					),
					"record_type": record_type,
					"record": result.record,
				}
			)
	return columns(), rows, quota_message(people.unit_summaries(results, book), unit_names)


def title_names() -> dict[str, str]:
	return dict(
		frappe.get_all(
			"Award Form", filters={"name": ("in", TITLES)}, fields=["name", "form_name"], as_list=True
		)
	)


def quota_message(summaries, unit_names: dict) -> str | None:
	lines = []
	for summary in summaries:
		unit = frappe.utils.escape_html(unit_names.get(summary.member_unit, summary.member_unit))
		if summary.cstdcs_quota is None:
			lines.append(
				_(
					"{0}: {1} qualified for Lao động tiên tiến, {2} for Chiến sĩ thi đua cơ sở (no quota)."
				).format(unit, summary.ldtt, summary.cstdcs_qualified)
			)
		else:
			lines.append(
				_(
					"{0}: {1} qualified for Lao động tiên tiến, {2} for Chiến sĩ thi đua cơ sở; the quota allows {3}."
				).format(unit, summary.ldtt, summary.cstdcs_qualified, summary.cstdcs_quota)
			)
	return "<br>".join(lines) or None


def columns() -> list[dict]:
	return [
		{"fieldname": "full_name", "label": _("Recipient"), "fieldtype": "Data", "width": 200},
		{"fieldname": "kind", "label": _("Kind"), "fieldtype": "Data", "width": 90},
		{"fieldname": "member_unit", "label": _("Member unit"), "fieldtype": "Data", "width": 200},
		{"fieldname": "division", "label": _("Division"), "fieldtype": "Data", "width": 150},
		{"fieldname": "rating", "label": _("Quality rating"), "fieldtype": "Data", "width": 90},
		{"fieldname": "title", "label": _("Emulation title"), "fieldtype": "Data", "width": 220},
		{"fieldname": "status", "label": _("Verdict"), "fieldtype": "Data", "width": 120},
		{"fieldname": "reason", "label": _("Reason"), "fieldtype": "Data", "width": 520},
		{"fieldname": "next_year", "label": _("Next year"), "fieldtype": "Data", "width": 150},
		{"fieldname": "registration", "label": _("Registration"), "fieldtype": "Data", "width": 170},
		{"fieldname": "record_type", "label": _("Record type"), "fieldtype": "Data", "hidden": 1},
		{
			"fieldname": "record",
			"label": _("Year record"),
			"fieldtype": "Dynamic Link",
			"options": "record_type",
			"width": 140,
		},
	]
