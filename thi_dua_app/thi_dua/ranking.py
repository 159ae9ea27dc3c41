"""Rank the evaluations of one pledge and store each unit's rank and (once the results are
published) its tie-break note.

Only verified (or approved) evaluations are ranked; the others carry no rank yet. The rules
themselves live in ``thi_dua_app.rules.scoring``; this module loads rows and stores the result.

Concurrency. Re-ranking writes the rank of every evaluation of the pledge, while the transaction
that triggers it already holds the row of its own evaluation (Frappe locks it on save). Two
verifications of one bloc at the same moment would each wait for the other's row: a deadlock.
So a re-ranking takes the pledge's row and every evaluation row of the pledge *without waiting*
(``NOWAIT``); when another transaction holds one of them, it re-ranks right after its own commit
instead, holding nothing while it waits, under the pledge's row lock. Either way it reads the
latest committed rows through its locks, so the last re-ranking of a pledge sees every
verification, and ranks always end as 1..n.
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.translate import print_language
from frappe.utils import flt

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.rules.scoring import (
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
from thi_dua_app.thi_dua.scoring_table import criteria_of, entries_of, pledge_for_scoring, tie_breaks_of


class RowsBusy(Exception):
	"""Another transaction holds the pledge or one of its evaluations."""


def refresh_ranking(pledge_name: str) -> list[Placement] | None:
	"""Re-rank the pledge now if its rows are free, else right after this transaction commits.
	Returns the placements, or None when the re-ranking was put after the commit."""
	try:
		return rank_pledge(pledge_name, wait=False)
	except RowsBusy:
		frappe.db.after_commit.add(lambda: rank_after_commit(pledge_name))
		return None


def rank_after_commit(pledge_name: str) -> None:
	"""The deferred re-ranking, in a transaction of its own that holds nothing while it waits."""
	try:
		rank_pledge(pledge_name, wait=True)
		frappe.db.commit()
	except Exception:
		frappe.db.rollback()
		frappe.log_error(title=f"Re-ranking of pledge {pledge_name}")


def lock_rows(pledge_name: str, wait: bool) -> list[dict]:
	"""Lock the pledge's row, then its evaluations' rows in name order, and read the latest
	committed state of those evaluations (a locking read, not this transaction's snapshot)."""
	nowait = "" if wait else " nowait"
	try:
		frappe.db.sql(
			f"select name from `tabEmulation Pledge` where name = %s for update{nowait}", pledge_name
		)
		return frappe.db.sql(
			f"""select name, member_unit, workflow_state from `tabEmulation Evaluation`
			where pledge = %s and docstatus < 2 order by name for update{nowait}""",
			pledge_name,
			as_dict=True,
		)
	except (frappe.QueryTimeoutError, frappe.QueryDeadlockError) as error:
		raise RowsBusy(pledge_name) from error


def rank_pledge(pledge_name: str, wait: bool) -> list[Placement]:
	evaluations = lock_rows(pledge_name, wait)
	pledge = pledge_for_scoring(pledge_name)
	placements, results = ranking_of(pledge, evaluations, share_lock=True)
	if not pledge.results_published:
		# A note names the unit's equal neighbour and their score: stored on the evaluation (which
		# its unit reads) only once the results are published. Until then those who read the whole
		# ranking get the notes as they stand (current_notes).
		results = {name: (bloc_rank, "") for name, (bloc_rank, _note) in results.items()}
	store_ranks(results)
	return placements


def current_notes(pledge_name: str) -> dict[str, str]:
	"""Each evaluation's tie-break note as the ranking writes it, read without storing anything:
	for the bloc head, the deputy and the province (permissions.reads_whole_ranking) before the
	results are published, when the evaluations do not carry their notes yet."""
	evaluations = frappe.get_all(
		"Emulation Evaluation",
		filters={"pledge": pledge_name, "docstatus": ("<", 2)},
		fields=["name", "member_unit", "workflow_state"],
		order_by="name asc",
	)
	pledge = pledge_for_scoring(pledge_name)
	if not pledge:
		return {}
	return {
		name: note for name, (_rank, note) in ranking_of(pledge, evaluations, share_lock=False)[1].items()
	}


def ranking_of(pledge, evaluations, share_lock: bool) -> tuple[list[Placement], dict[str, tuple[int, str]]]:
	"""The placements of a pledge's verified evaluations, and each evaluation's rank and note (0 and
	"" for one not ranked). ``share_lock``: read the score rows under a shared lock, as the
	re-ranking that holds the evaluations' rows does."""
	ranked = [row for row in evaluations if row.workflow_state in RANKED_STATES]
	score_rows = defaultdict(list)
	if ranked:
		# The rows of evaluations this transaction has locked: no one changes them meanwhile, and
		# a shared lock reads what was last committed.
		for row in frappe.db.sql(
			f"""select parent, criterion_code, verified_score, verified_occurrences
			from `tabEvaluation Score` where parenttype = 'Emulation Evaluation' and parent in %s
			{"lock in share mode" if share_lock else ""}""",
			[tuple(row.name for row in ranked)],
			as_dict=True,
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
		results = {
			row.name: (
				(placed[row.name].rank, tie_break_note(placed[row.name], unit_of))
				if row.name in placed
				else (0, "")
			)
			for row in evaluations
		}
	return placements, results


def store_ranks(results: dict[str, tuple[int, str]]) -> None:
	"""Every evaluation's rank and note in one statement, whatever the size of the bloc."""
	if not results:
		return
	names = list(results)
	rank_cases = " ".join("when %s then %s" for _ in names)
	note_cases = " ".join("when %s then %s" for _ in names)
	values = [item for name in names for item in (name, results[name][0])]
	values += [item for name in names for item in (name, results[name][1])]
	frappe.db.sql(
		f"""update `tabEmulation Evaluation`
		set bloc_rank = case name {rank_cases} end, tie_break_note = case name {note_cases} end
		where name in %s""",
		[*values, tuple(names)],
	)


def tie_break_sentence(other: str, rule: TieBreak, placed_above: bool) -> str:
	"""Why a unit stands above or below its equal neighbour: one whole sentence per rule and side,
	true for the unit it is written on (the lower unit has more deductions, fewer bonus points …)."""
	if rule.rule == GROUP_SCORE:
		if placed_above:
			return _("Same final score as {0}; ranked above it on a higher score in group {1}.").format(
				other, rule.group
			)
		return _("Same final score as {0}; ranked below it on a lower score in group {1}.").format(
			other, rule.group
		)
	sentences = {
		(DEDUCTION_POINTS, True): _("Same final score as {0}; ranked above it with fewer deduction points."),
		(DEDUCTION_POINTS, False): _("Same final score as {0}; ranked below it with more deduction points."),
		(BONUS_POINTS, True): _("Same final score as {0}; ranked above it with more bonus points."),
		(BONUS_POINTS, False): _("Same final score as {0}; ranked below it with fewer bonus points."),
		(BASE_SCORE, True): _("Same final score as {0}; ranked above it on a higher base score."),
		(BASE_SCORE, False): _("Same final score as {0}; ranked below it on a lower base score."),
	}
	return sentences[(rule.rule, placed_above)].format(other)


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
		else:
			notes.append(tie_break_sentence(unit_of.get(other, other), rule, placed_above))
	return " ".join(dict.fromkeys(notes))
