"""Scoring rules of an emulation bloc: the scoring table, one unit's totals, bands and ranking.

Pure Python: nothing here imports frappe, so the rules are tested in milliseconds. A broken rule
is reported as ``ScoringError(code, **params)``; the caller turns the code into a translated
message. Controllers load rows, call these functions and store what they return.

    final = Σ min(verified base score, its maximum)
            + min(Σ bonus points, the table's bonus cap)
            − Σ deduction points

Each bonus item is itself capped (``max_points``); a deduction has no cap. A unit hit by any
disqualifying condition is ranked after every unit that is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

BASE = "Base"
BONUS = "Bonus"
DEDUCTION = "Deduction"
DISQUALIFIER = "Disqualifier"
CRITERION_KINDS = (BASE, BONUS, DEDUCTION, DISQUALIFIER)
SCALES = (100, 1000)

# Tie-break keys, applied in the order a scoring table lists them after the final score.
GROUP_SCORE = "Group score"
DEDUCTION_POINTS = "Deduction points"
BONUS_POINTS = "Bonus points"
BASE_SCORE = "Base score"
TIE_BREAK_RULES = (GROUP_SCORE, DEDUCTION_POINTS, BONUS_POINTS, BASE_SCORE)

PERCENT = "Percent"
NUMBER = "Number"
YES_NO = "Yes/No"
INDICATOR_KINDS = (PERCENT, NUMBER, YES_NO)

_EPSILON = 1e-9


class ScoringError(ValueError):
	"""A scoring rule was broken. ``code`` names the rule, ``params`` fill its message."""

	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class Criterion:
	code: str
	group: str
	kind: str
	max_points: float = 0.0
	points_per_occurrence: float = 0.0


@dataclass(frozen=True)
class Entry:
	"""What a unit claims (or the verifier grants) on one criterion."""

	score: float = 0.0
	occurrences: int = 0


@dataclass(frozen=True)
class Band:
	label: str
	min_score: float
	max_score: float


@dataclass(frozen=True)
class TieBreak:
	rule: str
	group: str = ""


@dataclass(frozen=True)
class Totals:
	base: float
	bonus: float
	deduction: float
	final: float
	group_scores: dict[str, float] = field(default_factory=dict)
	disqualified_by: tuple[str, ...] = ()

	@property
	def disqualified(self) -> bool:
		return bool(self.disqualified_by)


@dataclass(frozen=True)
class Standing:
	"""One unit's figures as ranking needs them."""

	key: str
	final: float
	base: float = 0.0
	bonus: float = 0.0
	deduction: float = 0.0
	group_scores: dict[str, float] = field(default_factory=dict)
	disqualified: bool = False


@dataclass(frozen=True)
class Placement:
	"""Where a unit ended up and why, against its neighbours of equal final score."""

	key: str
	rank: int
	disqualified: bool
	# (neighbour key, deciding TieBreak or None when every key is equal)
	above: tuple[str, TieBreak | None] | None = None
	below: tuple[str, TieBreak | None] | None = None


def _points(value) -> float:
	return round(float(value or 0), 4)


def check_scoring_table(
	groups: Sequence[str],
	criteria: Sequence[Criterion],
	scale_total: int,
	bonus_cap: float,
	bands: Sequence[Band] = (),
	tie_breaks: Sequence[TieBreak] = (),
) -> None:
	"""Raise ScoringError on the first broken rule of a scoring table."""
	if scale_total not in SCALES:
		raise ScoringError("scale_invalid", scale=scale_total, allowed=", ".join(map(str, SCALES)))
	seen_groups: set[str] = set()
	for group in groups:
		if group in seen_groups:
			raise ScoringError("duplicate_group", group=group)
		seen_groups.add(group)
	if bonus_cap < 0:
		raise ScoringError("negative_bonus_cap", cap=bonus_cap)

	seen_codes: set[str] = set()
	base_total = 0.0
	has_bonus = False
	for criterion in criteria:
		if criterion.code in seen_codes:
			raise ScoringError("duplicate_criterion", code=criterion.code)
		seen_codes.add(criterion.code)
		if criterion.group not in seen_groups:
			raise ScoringError("unknown_group", code=criterion.code, group=criterion.group)
		if criterion.kind not in CRITERION_KINDS:
			raise ScoringError("unknown_kind", code=criterion.code, kind=criterion.kind)
		if criterion.max_points < 0 or criterion.points_per_occurrence < 0:
			raise ScoringError("negative_points", code=criterion.code)
		if criterion.kind == BASE:
			if criterion.max_points <= 0:
				raise ScoringError("base_without_maximum", code=criterion.code)
			base_total += criterion.max_points
		elif criterion.kind == BONUS:
			has_bonus = True
			if criterion.points_per_occurrence <= 0:
				raise ScoringError("points_per_occurrence_missing", code=criterion.code)
			if criterion.max_points <= 0:
				raise ScoringError("bonus_item_uncapped", code=criterion.code)
		elif criterion.kind == DEDUCTION and criterion.points_per_occurrence <= 0:
			raise ScoringError("points_per_occurrence_missing", code=criterion.code)

	if abs(base_total - scale_total) > _EPSILON:
		raise ScoringError("base_total_mismatch", total=_points(base_total), scale=scale_total)
	if has_bonus and bonus_cap <= 0:
		raise ScoringError("bonus_cap_missing")
	if bands:
		check_bands(bands, scale_total + bonus_cap)
	for tie_break in tie_breaks:
		if tie_break.rule not in TIE_BREAK_RULES:
			raise ScoringError("unknown_tie_break", rule=tie_break.rule)
		if tie_break.rule == GROUP_SCORE and tie_break.group not in seen_groups:
			raise ScoringError("tie_break_unknown_group", group=tie_break.group)


def check_bands(bands: Sequence[Band], top: float) -> None:
	"""Bands may not overlap and must cover 0 … top without a gap."""
	ordered = sorted(bands, key=lambda band: band.min_score)
	expected_start = 0.0
	for band in ordered:
		if band.max_score <= band.min_score:
			raise ScoringError("band_empty", band=band.label)
		if band.min_score < expected_start - _EPSILON:
			raise ScoringError("band_overlap", band=band.label, at=_points(band.min_score))
		if band.min_score > expected_start + _EPSILON:
			raise ScoringError("band_gap", start=_points(expected_start), end=_points(band.min_score))
		expected_start = band.max_score
	if abs(expected_start - top) > _EPSILON:
		raise ScoringError("bands_do_not_cover", end=_points(expected_start), top=_points(top))


def check_entry(criterion: Criterion, entry: Entry) -> None:
	"""Raise ScoringError if what is entered on a criterion is impossible."""
	if criterion.kind == BASE:
		if entry.score < 0:
			raise ScoringError("negative_score", code=criterion.code)
		if entry.score > criterion.max_points + _EPSILON:
			raise ScoringError(
				"score_above_maximum",
				code=criterion.code,
				score=_points(entry.score),
				maximum=_points(criterion.max_points),
			)
	elif entry.occurrences < 0:
		raise ScoringError("negative_occurrences", code=criterion.code)
	elif criterion.kind == DISQUALIFIER and entry.occurrences > 1:
		raise ScoringError("disqualifier_is_yes_no", code=criterion.code)


def compute_totals(criteria: Iterable[Criterion], entries: dict[str, Entry], bonus_cap: float) -> Totals:
	"""One unit's totals. ``entries`` maps criterion code to what was entered (missing = nothing)."""
	base = bonus = deduction = 0.0
	group_scores: dict[str, float] = {}
	disqualified_by: list[str] = []
	for criterion in criteria:
		entry = entries.get(criterion.code, Entry())
		check_entry(criterion, entry)
		if criterion.kind == BASE:
			points = min(entry.score, criterion.max_points)
			base += points
			group_scores[criterion.group] = group_scores.get(criterion.group, 0.0) + points
		elif criterion.kind == BONUS:
			bonus += min(entry.occurrences * criterion.points_per_occurrence, criterion.max_points)
		elif criterion.kind == DEDUCTION:
			deduction += entry.occurrences * criterion.points_per_occurrence
		elif entry.occurrences:
			disqualified_by.append(criterion.code)
	bonus = min(bonus, bonus_cap)
	return Totals(
		base=_points(base),
		bonus=_points(bonus),
		deduction=_points(deduction),
		final=_points(base + bonus - deduction),
		group_scores={group: _points(score) for group, score in group_scores.items()},
		disqualified_by=tuple(disqualified_by),
	)


@dataclass(frozen=True)
class GroupSubtotal:
	"""What one group of a scoring table gives: its points (base and bonus points in, deductions
	out), the most it can give (None for a group of deductions or disqualifying items) and whether
	one of its disqualifying items applies."""

	group: str
	points: float
	maximum: float | None
	disqualifies: bool = False


def group_subtotals(
	criteria: Iterable[Criterion], entries: dict[str, Entry], bonus_cap: float
) -> dict[str, GroupSubtotal]:
	"""Each group's subtotal, by group code, in the order the criteria list them. A bonus item
	counts up to its own maximum, and a group's bonus points up to the cap on all bonus points
	(compute_totals caps them together, so groups of bonus items may add up to more than the
	total's bonus when there are several)."""
	points: dict[str, float] = {}
	bonus: dict[str, float] = {}
	base_maxima: dict[str, float] = {}
	bonus_maxima: dict[str, float] = {}
	disqualifies: set[str] = set()
	for criterion in criteria:
		entry = entries.get(criterion.code, Entry())
		check_entry(criterion, entry)
		group = criterion.group
		points.setdefault(group, 0.0)
		if criterion.kind == BASE:
			points[group] += min(entry.score, criterion.max_points)
			base_maxima[group] = base_maxima.get(group, 0.0) + criterion.max_points
		elif criterion.kind == BONUS:
			bonus[group] = bonus.get(group, 0.0) + min(
				entry.occurrences * criterion.points_per_occurrence, criterion.max_points
			)
			bonus_maxima[group] = bonus_maxima.get(group, 0.0) + criterion.max_points
		elif criterion.kind == DEDUCTION:
			points[group] -= entry.occurrences * criterion.points_per_occurrence
		elif entry.occurrences:
			disqualifies.add(group)
	subtotals = {}
	for group, total in points.items():
		total += min(bonus.get(group, 0.0), bonus_cap)
		maximum = None
		if group in base_maxima or group in bonus_maxima:
			maximum = base_maxima.get(group, 0.0) + min(bonus_maxima.get(group, 0.0), bonus_cap)
		subtotals[group] = GroupSubtotal(
			group=group,
			points=_points(total),
			maximum=None if maximum is None else _points(maximum),
			disqualifies=group in disqualifies,
		)
	return subtotals


def classify(score: float, bands: Sequence[Band]) -> str:
	"""The band a score falls in: [min, max), the top band closed. Outside the bands: the nearest."""
	if not bands:
		return ""
	ordered = sorted(bands, key=lambda band: band.min_score)
	for band in ordered:
		if score < band.max_score:
			return band.label
	return ordered[-1].label


def _tie_value(standing: Standing, tie_break: TieBreak) -> float:
	"""A value where larger is better, so every key sorts the same way."""
	if tie_break.rule == GROUP_SCORE:
		return standing.group_scores.get(tie_break.group, 0.0)
	if tie_break.rule == DEDUCTION_POINTS:
		return -standing.deduction
	if tie_break.rule == BONUS_POINTS:
		return standing.bonus
	if tie_break.rule == BASE_SCORE:
		return standing.base
	raise ScoringError("unknown_tie_break", rule=tie_break.rule)


def _sort_key(standing: Standing, tie_breaks: Sequence[TieBreak]) -> tuple:
	return (
		standing.disqualified,
		-_points(standing.final),
		*(-_points(_tie_value(standing, tie_break)) for tie_break in tie_breaks),
	)


def _deciding_rule(first: Standing, second: Standing, tie_breaks: Sequence[TieBreak]) -> TieBreak | None:
	for tie_break in tie_breaks:
		if abs(_tie_value(first, tie_break) - _tie_value(second, tie_break)) > _EPSILON:
			return tie_break
	return None


def rank(standings: Sequence[Standing], tie_breaks: Sequence[TieBreak] = ()) -> list[Placement]:
	"""Rank units: final score, then each tie-break in order; disqualified units last.

	Units equal on every key share a rank (1, 2, 2, 4) and the meeting settles the tie.
	"""
	ordered = sorted(standings, key=lambda standing: (_sort_key(standing, tie_breaks), standing.key))
	keys = [_sort_key(standing, tie_breaks) for standing in ordered]
	placements: list[Placement] = []
	for position, standing in enumerate(ordered):
		if position and keys[position] == keys[position - 1]:
			place = placements[-1].rank
		else:
			place = position + 1
		above = below = None
		if position and _same_final(standing, ordered[position - 1]):
			neighbour = ordered[position - 1]
			above = (neighbour.key, _deciding_rule(standing, neighbour, tie_breaks))
		if position + 1 < len(ordered) and _same_final(standing, ordered[position + 1]):
			neighbour = ordered[position + 1]
			below = (neighbour.key, _deciding_rule(standing, neighbour, tie_breaks))
		placements.append(Placement(standing.key, place, standing.disqualified, above, below))
	return placements


def _same_final(first: Standing, second: Standing) -> bool:
	return first.disqualified == second.disqualified and abs(first.final - second.final) <= _EPSILON


def check_target_result(indicator_kind: str, achieved: float) -> None:
	if indicator_kind not in INDICATOR_KINDS:
		raise ScoringError("unknown_indicator", kind=indicator_kind)
	if achieved < 0:
		raise ScoringError("negative_achieved")
	if indicator_kind == PERCENT and achieved > 100 + _EPSILON:
		raise ScoringError("percent_above_100", value=_points(achieved))
	if indicator_kind == YES_NO and achieved not in (0, 1):
		raise ScoringError("yes_no_value", value=_points(achieved))


def target_met(indicator_kind: str, committed: float, achieved: float) -> bool:
	"""A target is met when the achieved value reaches the committed one (Yes/No: achieved = 1)."""
	check_target_result(indicator_kind, achieved)
	if indicator_kind == YES_NO:
		return achieved == 1
	return achieved + _EPSILON >= committed
