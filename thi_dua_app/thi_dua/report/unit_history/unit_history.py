"""Lịch sử thi đua: one unit's final score, rank and band across the years — with, for a unit that
succeeds others (the 2025 mergers), the results of the units it succeeds, each row naming its unit."""

from frappe import _

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.permissions import with_predecessors
from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, chart_label, evaluations, guarded_report


@guarded_report(
	ReportFilter("member_unit", "Member unit", "Link", "Member Unit", reqd=True),
	ReportFilter("from_year", "From year", "Int", minimum=YEARS[0], maximum=YEARS[1]),
	ReportFilter("to_year", "To year", "Int", minimum=YEARS[0], maximum=YEARS[1]),
	ReportFilter("without_predecessors", "Without the units it succeeds", "Check"),
)
def execute(filters):
	units = [filters.member_unit]
	if not filters.without_predecessors:
		units = with_predecessors(units)
	conditions = [["member_unit", "in", units]]
	if filters.from_year:
		conditions.append(["year", ">=", filters.from_year])
	if filters.to_year:
		conditions.append(["year", "<=", filters.to_year])
	rows = evaluations(
		conditions,
		[
			"year",
			"member_unit",
			"bloc",
			"pledge",
			"name",
			"workflow_state",
			"final_score",
			"bloc_rank",
			"classification",
		],
		order_by="year asc, member_unit asc",
	)
	for row in rows:
		if row.workflow_state not in RANKED_STATES:
			# Not verified yet: no final score, rank or band to show (not "0").
			row.final_score = row.bloc_rank = row.classification = None
		row.workflow_state = _(row.workflow_state)
		row.bloc_rank = row.bloc_rank or None
	return columns(len(units) > 1), rows, None, chart([row for row in rows if row.final_score is not None])


def chart(rows: list[dict]) -> dict | None:
	"""The final score of each verified year, one series per unit (a predecessor's years, then the
	unit's own); none before a year is verified."""
	if not rows:
		return None
	years = sorted({row.year for row in rows})
	series = {}
	for row in rows:
		series.setdefault(row.member_unit, {})[row.year] = row.final_score
	return {
		"data": {
			"labels": [str(year) for year in years],
			"datasets": [
				{"name": chart_label(unit), "values": [scores.get(year, 0) for year in years]}
				for unit, scores in series.items()
			],
		},
		# Bars from zero: a line of one verified year would be a lone dot on a meaningless axis.
		"type": "bar",
		"fieldtype": "Float",
	}


def columns(with_units: bool = False) -> list[dict]:
	unit = {
		"fieldname": "member_unit",
		"label": _("Member unit"),
		"fieldtype": "Link",
		"options": "Member Unit",
		"width": 240,
	}
	return [
		{"fieldname": "year", "label": _("Year"), "fieldtype": "Int", "width": 70},
		*([unit] if with_units else []),
		{
			"fieldname": "bloc",
			"label": _("Emulation bloc"),
			"fieldtype": "Link",
			"options": "Emulation Bloc",
			"width": 300,
		},
		{
			"fieldname": "final_score",
			"label": _("Final score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
		{"fieldname": "bloc_rank", "label": _("Rank"), "fieldtype": "Int", "width": 70},
		{"fieldname": "classification", "label": _("Classification"), "fieldtype": "Data", "width": 160},
		{"fieldname": "workflow_state", "label": _("Status"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "name",
			"label": _("Evaluation"),
			"fieldtype": "Link",
			"options": "Emulation Evaluation",
			"width": 150,
		},
		{
			"fieldname": "pledge",
			"label": _("Pledge"),
			"fieldtype": "Link",
			"options": "Emulation Pledge",
			"width": 150,
		},
	]
