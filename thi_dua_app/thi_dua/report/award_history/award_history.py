"""Lịch sử khen thưởng: the award ledger the user may read, one row per recipient (a unit, or a
person of a unit) and one column per year, each cell the forms received that year (revoked ones
marked, those that do not count towards consecutive years in brackets), and the consecutive
years of each form up to the last year.

A unit's history includes the units it succeeds (a merger): their rows are shown as theirs, and
their years count in the unit's consecutive years when the regime of the last year says a
successor inherits them (people keep their own records)."""

from collections import defaultdict

import frappe
from frappe import _

from thi_dua_app.permissions import successions
from thi_dua_app.rules import succession
from thi_dua_app.thi_dua.legal import Regime, regime_for_year
from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, guarded_report


@guarded_report(
	ReportFilter("from_year", "From year", "Int", minimum=YEARS[0], maximum=YEARS[1], reqd=True),
	ReportFilter("to_year", "To year", "Int", minimum=YEARS[0], maximum=YEARS[1], reqd=True),
	ReportFilter("member_unit", "Member unit", "Link", "Member Unit"),
)
def execute(filters):
	if filters.to_year < filters.from_year or filters.to_year - filters.from_year > 30:
		return [], [], _("Choose at most 30 years, the first before the last.")
	links = successions()
	# Earlier years too: a run of consecutive years may start before the first year shown.
	conditions = [["year", "<=", filters.to_year]]
	if filters.member_unit:
		lineage = [
			filters.member_unit,
			*(link.predecessor for link in succession.predecessors(filters.member_unit, links)),
		]
		conditions.append(["member_unit", "in", lineage])
	cells = defaultdict(lambda: defaultdict(list))
	counting = defaultdict(lambda: defaultdict(set))
	names = {}
	for record in frappe.get_list(
		"Award Record",
		filters=conditions,
		fields=[
			"member_unit",
			"staff_member",
			"staff_name",
			"division",
			"year",
			"award_form",
			"revoked",
			"counts_for_streaks",
		],
		order_by="member_unit asc, staff_name asc, year asc, award_form asc",
		limit_page_length=0,
	):
		# A person's and a division's awards are theirs, not their unit's.
		key = (record.member_unit, record.staff_member or "", record.division or "")
		names[key] = record.staff_name
		if record.counts_for_streaks and not record.revoked:
			counting[record.award_form][key].add(record.year)
		if record.year < filters.from_year:
			continue
		text = record.award_form
		if record.revoked:
			text = _("{0} (revoked)").format(text)
		elif not record.counts_for_streaks:
			text = f"({text})"
		cells[key][record.year].append(text)
	regime = regime_for_year(filters.to_year, throw=False)
	inherit = bool(regime) and Regime(regime).successor_inherits_streaks()
	years = range(filters.from_year, filters.to_year + 1)
	keys = sorted(set(cells) | {key for by_key in counting.values() for key in by_key})
	division_names = dict(
		frappe.get_all(
			"Unit Division",
			filters={"name": ("in", sorted({key[2] for key in keys if key[2]}) or [""])},
			fields=["name", "division_name"],
			as_list=True,
		)
	)
	rows = []
	for key in keys:
		unit, person, division = key
		if person:
			recipient = names.get(key) or person
		elif division:
			recipient = division_names.get(division, division)
		else:
			recipient = unit
		rows.append(
			{
				"member_unit": unit,
				"recipient": recipient,
				**{f"y{year}": ", ".join(cells[key].get(year, [])) for year in years},
				"streaks": streak_text(key, counting, links, inherit, filters.to_year),
			}
		)
	columns = [
		{"fieldname": "recipient", "label": _("Recipient"), "fieldtype": "Data", "width": 220},
		{"fieldname": "member_unit", "label": _("Member unit"), "fieldtype": "Data", "width": 220},
		*({"fieldname": f"y{year}", "label": str(year), "fieldtype": "Data", "width": 120} for year in years),
		{
			"fieldname": "streaks",
			"label": _("Consecutive years to {0}").format(filters.to_year),
			"fieldtype": "Data",
			"width": 200,
		},
	]
	message = None
	if filters.member_unit and len(lineage) > 1:
		message = (
			_("Includes the units {0} succeeds; their years count towards its consecutive years.")
			if inherit
			else _(
				"Includes the units {0} succeeds; under the regime of the last year their years do not count towards its consecutive years."
			)
		).format(frappe.utils.escape_html(filters.member_unit))
	return columns, rows, message


def streak_text(key, counting, links, inherit: bool, ending: int) -> str:
	"""Each form's consecutive years ending with ``ending``: a person's or a division's own; a
	unit's with its predecessors' when the successor inherits them."""
	unit, person, division = key
	parts = []
	for form in sorted(counting):
		if person or division:
			years = counting[form].get(key, set())
		else:
			years_of = {
				other: found for (other, who, part), found in counting[form].items() if not who and not part
			}
			years = succession.years_with_award(unit, years_of, links, inherit)
		count = succession.streak(years, ending)
		if count:
			parts.append(f"{form}: {count}")
	return ", ".join(parts)
