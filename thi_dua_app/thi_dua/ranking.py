"""Rank the evaluations of one pledge and store each unit's rank and tie-break note.

Only verified (or approved) evaluations are ranked; the others carry no rank yet. The rules
themselves live in ``thi_dua_app.scoring``; this module loads rows and stores the result.
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.translate import print_language
from frappe.utils import flt

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.scoring import (
	BASE_SCORE,
	BONUS_POINTS,
	DEDUCTION_POINTS,
	GROUP_SCORE,
	Placement,
	Standing,
	TieBreak,
	compute_totals,
	rank,
)
from thi_dua_app.thi_dua.scoring_table import criteria_of, entries_of, tie_breaks_of


def refresh_ranking(pledge_name: str) -> list[Placement]:
	pledge = frappe.get_doc("Emulation Pledge", pledge_name)
	evaluations = frappe.get_all(
		"Emulation Evaluation",
		filters={"pledge": pledge_name, "docstatus": ("<", 2)},
		fields=["name", "member_unit", "workflow_state"],
	)
	ranked = [row for row in evaluations if row.workflow_state in RANKED_STATES]
	score_rows = defaultdict(list)
	if ranked:
		for row in frappe.get_all(
			"Evaluation Score",
			filters={"parenttype": "Emulation Evaluation", "parent": ("in", [row.name for row in ranked])},
			fields=["parent", "criterion_code", "verified_score", "verified_occurrences"],
		):
			score_rows[row.parent].append(row)

	criteria = criteria_of(pledge)
	standings = []
	for row in ranked:
		totals = compute_totals(
			criteria, entries_of(score_rows[row.name], verified=True), flt(pledge.bonus_cap)
		)
		standings.append(
			Standing(
				key=row.name,
				final=totals.final,
				base=totals.base,
				bonus=totals.bonus,
				deduction=totals.deduction,
				group_scores=totals.group_scores,
				disqualified=totals.disqualified,
			)
		)
	placements = rank(standings, tie_breaks_of(pledge))
	unit_of = {row.name: row.member_unit for row in evaluations}
	placed = {placement.key: placement for placement in placements}
	# The note is stored text: it is written in the site's language, whoever triggers the ranking.
	with print_language(frappe.db.get_single_value("System Settings", "language") or "en"):
		for row in evaluations:
			placement = placed.get(row.name)
			frappe.db.set_value(
				"Emulation Evaluation",
				row.name,
				{
					"bloc_rank": placement.rank if placement else 0,
					"tie_break_note": tie_break_note(placement, unit_of) if placement else "",
				},
				update_modified=False,
			)
	return placements


def rule_label(tie_break: TieBreak) -> str:
	labels = {
		GROUP_SCORE: _("the score of group {0}").format(tie_break.group),
		DEDUCTION_POINTS: _("fewer deduction points"),
		BONUS_POINTS: _("the bonus points"),
		BASE_SCORE: _("the base score"),
	}
	return labels[tie_break.rule]


def tie_break_note(placement: Placement, unit_of: dict[str, str]) -> str:
	notes = []
	if placement.disqualified:
		notes.append(_("Disqualified: ranked after every qualified unit."))
	for neighbour, placed_above in ((placement.above, False), (placement.below, True)):
		if not neighbour:
			continue
		other, rule = neighbour
		if rule is None:
			notes.append(
				_(
					"Equal with {0} on every ranking criterion: same rank, the bloc meeting settles the tie."
				).format(unit_of.get(other, other))
			)
		elif placed_above:
			notes.append(
				_("Same final score as {0}; ranked above it on {1}.").format(
					unit_of.get(other, other), rule_label(rule)
				)
			)
		else:
			notes.append(
				_("Same final score as {0}; ranked below it on {1}.").format(
					unit_of.get(other, other), rule_label(rule)
				)
			)
	return " ".join(dict.fromkeys(notes))
