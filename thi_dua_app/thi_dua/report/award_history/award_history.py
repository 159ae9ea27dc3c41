"""Lịch sử khen thưởng: the award ledger the user may read, one row per recipient and one column
per year, each cell the forms received that year (revoked ones marked, those that do not count
towards consecutive years in brackets)."""

from collections import defaultdict

import frappe
from frappe import _

from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, guarded_report


@guarded_report(
	ReportFilter("from_year", "From year", "Int", minimum=YEARS[0], maximum=YEARS[1], reqd=True),
	ReportFilter("to_year", "To year", "Int", minimum=YEARS[0], maximum=YEARS[1], reqd=True),
	ReportFilter("member_unit", "Member unit", "Link", "Member Unit"),
)
def execute(filters):
	if filters.to_year < filters.from_year or filters.to_year - filters.from_year > 30:
		return [], [], _("Choose at most 30 years, the first before the last.")
	conditions = [["year", ">=", filters.from_year], ["year", "<=", filters.to_year]]
	if filters.member_unit:
		conditions.append(["member_unit", "=", filters.member_unit])
	cells = defaultdict(lambda: defaultdict(list))
	for record in frappe.get_list(
		"Award Record",
		filters=conditions,
		fields=["member_unit", "year", "award_form", "revoked", "counts_for_streaks"],
		order_by="member_unit asc, year asc, award_form asc",
		limit_page_length=0,
	):
		text = record.award_form
		if record.revoked:
			text = _("{0} (revoked)").format(text)
		elif not record.counts_for_streaks:
			text = f"({text})"
		cells[record.member_unit][record.year].append(text)
	years = range(filters.from_year, filters.to_year + 1)
	rows = [
		{"member_unit": unit, **{f"y{year}": ", ".join(by_year.get(year, [])) for year in years}}
		for unit, by_year in sorted(cells.items())
	]
	columns = [{"fieldname": "member_unit", "label": _("Recipient"), "fieldtype": "Data", "width": 260}] + [
		{"fieldname": f"y{year}", "label": str(year), "fieldtype": "Data", "width": 120} for year in years
	]
	return columns, rows
