"""Bảng tổng hợp điểm, xếp hạng: the bloc's ranking for one pledge, as the user may see it."""

import frappe
from frappe import _

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.permissions import reads_whole_ranking
from thi_dua_app.thi_dua.ranking import current_notes
from thi_dua_app.thi_dua.report_data import (
	PLEDGE_FILTER,
	chart_label,
	evaluation_column,
	evaluations,
	group_scores,
	guarded_report,
	ranking_group,
	report_pledge,
	unit_column,
)
from thi_dua_app.thi_dua.scoring_table import bands_of

# What a row not yet verified leaves blank.
UNRANKED_BLANKS = ("verified_base", "verified_bonus", "verified_deduction", "final_score", "group_score")


@guarded_report(PLEDGE_FILTER)
def execute(filters):
	pledge = report_pledge(filters)
	group = ranking_group(pledge)
	rows = evaluations(
		{"pledge": pledge.name},
		[
			"name",
			"member_unit",
			"workflow_state",
			"bloc_rank",
			"self_total",
			"verified_base",
			"verified_bonus",
			"verified_deduction",
			"final_score",
			"classification",
			"tie_break_note",
			"disqualified",
		],
	)
	scores = group_scores([row.name for row in rows], group)
	# Before publication the evaluations carry no note (it names the neighbour); those who read the
	# whole ranking get the notes as the ranking writes them.
	notes = (
		current_notes(pledge.name)
		if not pledge.results_published and reads_whole_ranking(pledge.name)
		else {}
	)
	for row in rows:
		if notes:
			row.tie_break_note = notes.get(row.name, "")
		row.group_score = scores.get(row.name, 0.0)
		if row.workflow_state not in RANKED_STATES:
			# Not verified yet: no verified figure, final score or rank to show (not "0").
			for field in UNRANKED_BLANKS:
				row[field] = None
		row.bloc_rank = row.bloc_rank or None
		row.workflow_state = _(row.workflow_state)
	# Ranked units first, in rank order; the rest (not yet verified) after, by name.
	rows.sort(key=lambda row: (row.bloc_rank is None, row.bloc_rank or 0, row.member_unit))
	return columns(group), rows, hidden_rows_note(pledge), chart(rows, bands_of(pledge))


def hidden_rows_note(pledge) -> str | None:
	"""Said above the table when the user does not see the whole bloc yet."""
	if reads_whole_ranking(pledge.name):
		return None
	return frappe.utils.escape_html(
		_("Until the results are published you see your own unit's row; the other units appear then.")
	)


def columns(group: str) -> list[dict]:
	return [
		{"fieldname": "bloc_rank", "label": _("Rank"), "fieldtype": "Int", "width": 70},
		unit_column(260),
		evaluation_column("name"),
		{"fieldname": "workflow_state", "label": _("Status"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "self_total",
			"label": _("Self total"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
		{
			"fieldname": "verified_base",
			"label": _("Verified base score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
		{
			"fieldname": "verified_bonus",
			"label": _("Bonus"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 80,
		},
		{
			"fieldname": "verified_deduction",
			"label": _("Deductions"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "final_score",
			"label": _("Final score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
		{
			"fieldname": "group_score",
			"label": _("Group {0} score").format(group),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
		{"fieldname": "classification", "label": _("Classification"), "fieldtype": "Data", "width": 160},
		{"fieldname": "tie_break_note", "label": _("Tie-break note"), "fieldtype": "Data", "width": 320},
	]


def chart(rows, bands) -> dict | None:
	"""The ranked units' final scores in rank order, each bar named by the unit's short code (a
	whole name does not fit under a bar; the table below names them), with the lower bound of
	each classification band marked on the axis."""
	ranked = [row for row in rows if row.bloc_rank]
	if not ranked:
		return None
	codes = dict(
		frappe.get_all(
			"Member Unit",
			filters={"name": ("in", [row.member_unit for row in ranked])},
			fields=["name", "short_code"],
			as_list=True,
		)
	)
	return {
		"data": {
			"labels": [chart_label(codes.get(row.member_unit) or row.member_unit) for row in ranked],
			"datasets": [{"name": _("Final score"), "values": [row.final_score for row in ranked]}],
			"yMarkers": [
				{"label": chart_label(band.label), "value": band.min_score, "options": {"labelPos": "left"}}
				for band in bands
				if band.min_score > 0
			],
		},
		"type": "bar",
		"fieldtype": "Float",
		"colors": ["#2490ef"],
	}


def thi_dua_ranking_rows(pledge: str) -> list[dict]:
	"""The report's rows for the official sheet (a Jinja method): the same permission-checked
	query, for whoever may read the whole bloc's ranking (permissions.reads_whole_ranking)."""
	if not reads_whole_ranking(pledge):
		frappe.throw(
			_(
				"Only the bloc head, the deputy and the province print the ranking sheet before the results are published."
			),
			frappe.PermissionError,
		)
	return execute({"pledge": pledge})[1]


def thi_dua_reads_whole_ranking(pledge: str) -> bool:
	"""For the ranking sheet (a Jinja method): whether the user may print the whole bloc's."""
	return reads_whole_ranking(pledge)
