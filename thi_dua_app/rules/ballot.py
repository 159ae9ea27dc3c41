"""The arithmetic of a bloc meeting's secret ballot: quorum, ballot consistency, tally and selection.

Pure Python: nothing here imports frappe. A broken rule is reported as ``BallotError(code, **params)``;
the caller turns the code into a translated message, so ``params`` carry every number it quotes.

A meeting is held when enough member units are present (the quorum). One ballot is issued per unit
present; the ballots returned are valid or invalid. A candidate (a unit proposed for an award form)
passes when its votes for reach the form's threshold, counted on every member unit of the bloc or on
those present. Forms are filled highest first, each up to its quota; a unit receives at most one form,
so a unit selected for a higher form is not counted against the quota of a lower one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ALL_MEMBERS = "All members"
MEMBERS_PRESENT = "Members present"
VOTE_BASES = (ALL_MEMBERS, MEMBERS_PRESENT)

NOT_PASSED = "not passed"
OVER_QUOTA = "over quota"
OTHER_FORM = "selected for another form"

# 0.2 × 10 is 2.0000000000000004 or 1.9999999999999998 depending on the float route; the quota is 2.
_EPSILON = 1e-9
# A ratio typed as 0.6666666666666666 means two thirds; snapping to the simplest fraction with a
# denominator up to a million keeps "more than 2/3" of 9 from passing at exactly 6, and leaves any
# ratio written with six decimals or fewer untouched.
_MAX_DENOMINATOR = 1_000_000


class BallotError(ValueError):
	"""A ballot rule was broken. ``code`` names the rule, ``params`` fill its message."""

	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class Threshold:
	ratio: float
	base: str = ALL_MEMBERS
	# True: the share must be more than the ratio ("> 50 %"); False: at least the ratio.
	strict: bool = False


@dataclass(frozen=True)
class Quota:
	"""How many units of a bloc may receive a form. Both limits given: the smaller; neither: no limit."""

	max_count: int | None = None
	max_share: float | None = None


@dataclass(frozen=True)
class Ballots:
	issued: int
	returned: int
	valid: int
	invalid: int


@dataclass(frozen=True)
class Candidate:
	unit: str
	form: str
	# The unit's place in the adopted ranking (1 = first); 0 = unranked.
	rank: int
	votes_for: int
	votes_against: int


@dataclass(frozen=True)
class Outcome:
	unit: str
	form: str
	percent: float
	passed: bool
	selected: bool
	reason: str
	other_form: str = ""


@dataclass(frozen=True)
class RankedUnit:
	unit: str
	rank: int
	disqualified: bool = False


def quota_size(quota: Quota, members_total: int) -> int | None:
	"""How many units the quota allows in a bloc of ``members_total`` units; None = unlimited."""
	limits = []
	if quota.max_count is not None:
		limits.append(quota.max_count)
	if quota.max_share is not None:
		limits.append(math.floor(quota.max_share * members_total + _EPSILON))
	return min(limits) if limits else None


def _ratio(ratio: float) -> Fraction:
	return Fraction(str(ratio)).limit_denominator(_MAX_DENOMINATOR)


def meets(votes_for: int, base: int, threshold: Threshold) -> bool:
	"""Whether ``votes_for`` of ``base`` reach the threshold, compared exactly. A base of 0 never passes."""
	if base <= 0:
		return False
	needed = _ratio(threshold.ratio) * base
	if threshold.strict:
		return votes_for > needed
	return votes_for >= needed


def quorum_met(members_total: int, members_present: int, quorum: Threshold) -> bool:
	"""Whether enough member units are present; the quorum is always counted on every member unit."""
	return meets(members_present, members_total, Threshold(quorum.ratio, ALL_MEMBERS, quorum.strict))


def vote_base(threshold: Threshold, members_total: int, members_present: int) -> int:
	"""The number of units a threshold's percentage is counted on."""
	if threshold.base == ALL_MEMBERS:
		return members_total
	if threshold.base == MEMBERS_PRESENT:
		return members_present
	raise BallotError("unknown_base", base=threshold.base)


def percent(votes_for: int, base: int) -> float:
	"""votes_for / base × 100, half up to 2 decimals (0.0 when base is 0); for display only."""
	if base <= 0:
		return 0.0
	return float((Decimal(votes_for * 100) / Decimal(base)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def check_ballot(
	members_total: int, members_present: int, ballots: Ballots, candidates: Sequence[Candidate]
) -> list[BallotError]:
	"""Every inconsistency of a ballot record, grouped by rule in a fixed order; empty = consistent."""
	problems: list[BallotError] = []
	counts = (
		("members_total", members_total),
		("members_present", members_present),
		("issued", ballots.issued),
		("returned", ballots.returned),
		("valid", ballots.valid),
		("invalid", ballots.invalid),
	)
	for name, value in counts:
		if value < 0:
			problems.append(BallotError("negative", field=name, value=value))
	for candidate in candidates:
		for name in ("votes_for", "votes_against"):
			value = getattr(candidate, name)
			if value < 0:
				problems.append(
					BallotError("negative", field=name, unit=candidate.unit, form=candidate.form, value=value)
				)
	if members_present > members_total:
		problems.append(BallotError("present_above_total", present=members_present, total=members_total))
	if ballots.issued > members_present:
		problems.append(BallotError("issued_above_present", issued=ballots.issued, present=members_present))
	if ballots.returned > ballots.issued:
		problems.append(
			BallotError("returned_above_issued", returned=ballots.returned, issued=ballots.issued)
		)
	if ballots.valid + ballots.invalid != ballots.returned:
		problems.append(
			BallotError(
				"valid_plus_invalid", valid=ballots.valid, invalid=ballots.invalid, returned=ballots.returned
			)
		)
	seen: set[tuple[str, str]] = set()
	reported: set[tuple[str, str]] = set()
	for candidate in candidates:
		key = (candidate.unit, candidate.form)
		if key in seen and key not in reported:
			problems.append(BallotError("duplicate_candidate", unit=candidate.unit, form=candidate.form))
			reported.add(key)
		seen.add(key)
	for candidate in candidates:
		if candidate.votes_for + candidate.votes_against > ballots.valid:
			problems.append(
				BallotError(
					"votes_above_valid",
					unit=candidate.unit,
					form=candidate.form,
					votes_for=candidate.votes_for,
					votes_against=candidate.votes_against,
					valid=ballots.valid,
				)
			)
	return problems


def _rank_key(rank: int) -> tuple[bool, int]:
	# Unranked (0) after every ranked unit.
	return (rank < 1, rank)


def tally(
	candidates: Sequence[Candidate],
	ballots: Ballots,
	members_total: int,
	members_present: int,
	thresholds: Mapping[str, Threshold],
	quotas: Mapping[str, Quota],
	form_order: Sequence[str],
) -> list[Outcome]:
	"""Count the ballot and select the units for each form; outcomes in the order of ``candidates``.

	Forms are filled in ``form_order`` (highest first). Within a form the passed candidates not already
	selected for a higher form are ordered by votes for (most first), then rank (unranked last), then
	unit name, and the first ones up to the quota are selected. A form without a quota is unlimited.
	"""
	problems = check_ballot(members_total, members_present, ballots, candidates)
	if problems:
		raise problems[0]
	passed: dict[tuple[str, str], bool] = {}
	percents: dict[tuple[str, str], float] = {}
	for candidate in candidates:
		threshold = thresholds.get(candidate.form)
		if threshold is None:
			raise BallotError("no_threshold", form=candidate.form)
		if candidate.form not in form_order:
			raise BallotError("unknown_form", form=candidate.form)
		base = vote_base(threshold, members_total, members_present)
		key = (candidate.unit, candidate.form)
		passed[key] = meets(candidate.votes_for, base, threshold)
		percents[key] = percent(candidate.votes_for, base)

	selected_for: dict[str, str] = {}
	verdicts: dict[tuple[str, str], tuple[bool, str, str]] = {}
	for form in form_order:
		in_form = [candidate for candidate in candidates if candidate.form == form]
		# Decided before this form selects anyone, so only a higher form can take a unit away.
		higher = dict(selected_for)
		eligible = sorted(
			(c for c in in_form if passed[(c.unit, form)] and c.unit not in higher),
			key=lambda c: (-c.votes_for, _rank_key(c.rank), c.unit),
		)
		size = quota_size(quotas.get(form, Quota()), members_total)
		chosen = eligible if size is None else eligible[: max(size, 0)]
		for candidate in chosen:
			selected_for[candidate.unit] = form
		chosen_units = {candidate.unit for candidate in chosen}
		for candidate in in_form:
			key = (candidate.unit, form)
			if not passed[key]:
				verdicts[key] = (False, NOT_PASSED, "")
			elif candidate.unit in higher:
				verdicts[key] = (False, OTHER_FORM, higher[candidate.unit])
			elif candidate.unit in chosen_units:
				verdicts[key] = (True, "", "")
			else:
				verdicts[key] = (False, OVER_QUOTA, "")

	outcomes = []
	for candidate in candidates:
		key = (candidate.unit, candidate.form)
		selected, reason, other_form = verdicts[key]
		outcomes.append(
			Outcome(
				unit=candidate.unit,
				form=candidate.form,
				percent=percents[key],
				passed=passed[key],
				selected=selected,
				reason=reason,
				other_form=other_form,
			)
		)
	return outcomes


def propose_candidates(
	ranking: Sequence[RankedUnit], quotas: Mapping[str, Quota], form_order: Sequence[str], members_total: int
) -> list[tuple[str, str]]:
	"""Pre-fill the ballot from the adopted ranking: the best units for the highest form, and so on.

	Disqualified units are skipped. A form without a quota, or with an unlimited one, gets no
	candidates and takes no units: the meeting adds them by hand.
	"""
	queue = [
		ranked.unit
		for ranked in sorted(ranking, key=lambda ranked: (_rank_key(ranked.rank), ranked.unit))
		if not ranked.disqualified
	]
	proposals: list[tuple[str, str]] = []
	position = 0
	for form in form_order:
		quota = quotas.get(form)
		size = quota_size(quota, members_total) if quota is not None else None
		if size is None or size <= 0:
			continue
		for unit in queue[position : position + size]:
			proposals.append((unit, form))
		position += size
	return proposals
