"""Lịch sử thi đua: one unit's final score, rank and band across the years."""

from frappe import _

from thi_dua_app.thi_dua.report_data import YEARS, ReportFilter, evaluations, guarded_report


@guarded_report(
	ReportFilter("member_unit", "Member unit", "Link", "Member Unit", reqd=True),
	ReportFilter("from_year", "From year", "Int", minimum=YEARS[0], maximum=YEARS[1]),
	ReportFilter("to_year", "To year", "Int", minimum=YEARS[0], maximum=YEARS[1]),
)
def execute(filters):
	conditions = [["member_unit", "=", filters.member_unit]]
	if filters.from_year:
		conditions.append(["year", ">=", filters.from_year])
	if filters.to_year:
		conditions.append(["year", "<=", filters.to_year])
	rows = evaluations(
		conditions,
		["year", "bloc", "pledge", "name", "workflow_state", "final_score", "bloc_rank", "classification"],
		order_by="year asc",
	)
	for row in rows:
		row.workflow_state = _(row.workflow_state)
		row.bloc_rank = row.bloc_rank or None
	chart = None
	if rows:
		chart = {
			"data": {
				"labels": [str(row.year) for row in rows],
				"datasets": [{"name": _("Final score"), "values": [row.final_score for row in rows]}],
			},
			"type": "line",
		}
	return columns(), rows, None, chart


def columns() -> list[dict]:
	return [
		{"fieldname": "year", "label": _("Year"), "fieldtype": "Int", "width": 70},
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
