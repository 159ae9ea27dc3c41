"""Who qualifies for which emulation title, and when not, which condition fails and on what numbers.

The rules of Law 2003/2013 with Decree 91/2017 and of Law 2022 with Decrees 98/2023 and 152/2025
(DOMAIN §3.2–3.4) for the titles a unit reviews or proposes: Lao động tiên tiến (LDTT), Chiến sĩ
thi đua cơ sở (CSTDCS), Chiến sĩ thi đua cấp tỉnh (CSTDT), Tập thể lao động tiên tiến (TTLDTT) and
xuất sắc (TTLDXS), and the Chairman's Bằng khen (BK_TINH) to a person or a collective. The numbers
and switches that differ between regimes and provinces are a ``Rules`` built from the Legal
Regime's parameters; nothing legal is a constant here.

Every rule answers a ``Verdict``: qualified, not qualified, or needs a manual check (a fact the
records cannot tell, such as a person's attitude), with every condition it weighed. A condition is
``met`` True, False, or None (not known); its ``code`` and ``params`` let the caller say it in
Vietnamese. The Bằng khen rules decide the regular ground (consecutive achievements); the other
grounds (an outstanding or extraordinary achievement) are proposals an officer makes by hand.

Streaks count consecutive years ending with the year under review. A year counts only with a
counting award (extraordinary and thematic awards and revoked records do not count, NĐ 152/2025
Điều 4.3); a year touched by a discipline breaks the count, which starts again after it (Điều 4.4).
Pure Python, no frappe import.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from thi_dua_app.rules import regime

# Quality ratings of a person (and "hoàn thành …" of a collective), best last.
KHTNV, HTNV, HTTNV, HTXSNV = "KHTNV", "HTNV", "HTTNV", "HTXSNV"
RATINGS = (KHTNV, HTNV, HTTNV, HTXSNV)
# Recognised scope of an initiative or research, widest last.
UNIT_SCOPE, PROVINCE_SCOPE, NATIONAL_SCOPE = regime.SCOPES
SCOPES = regime.SCOPES

LDTT, CSTDCS, CSTDT, TTLDTT, TTLDXS, BK_TINH = "LDTT", "CSTDCS", "CSTDT", "TTLDTT", "TTLDXS", "BK_TINH"

# The emulation titles a unit registers for (a Bằng khen is a commendation, not registered).
REGISTRABLE = (LDTT, CSTDCS, CSTDT, TTLDTT, TTLDXS)

QUALIFIED, NOT_QUALIFIED, MANUAL = "Qualified", "Not qualified", "Needs a manual check"

_EPSILON = 1e-9


class EligibilityError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


# ---------------------------------------------------------------- what the records say


@dataclass(frozen=True)
class Initiative:
	"""An initiative (sáng kiến) or accepted research (đề tài, đề án) and its recognised scope."""

	year: int
	scope: str


@dataclass(frozen=True)
class Discipline:
	"""A disciplinary measure in force from ``start`` to ``end`` (open while None); ``warning_or_worse``
	when it is a caution (cảnh cáo) or heavier."""

	start: date
	end: date | None = None
	warning_or_worse: bool = False

	def touches(self, year: int) -> bool:
		return self.start <= date(year, 12, 31) and (self.end is None or self.end >= date(year, 1, 1))


@dataclass(frozen=True)
class Award:
	"""A title or award of the ledger; ``counts`` False for extraordinary, thematic or revoked ones."""

	year: int
	form: str
	counts: bool = True


@dataclass(frozen=True)
class PersonYear:
	"""One person's year: the quality rating, the months worked (maternity leave counted as worked),
	the unit's view of their attitude (None until someone says), and whether a discipline case is
	open against them."""

	year: int
	rating: str | None = None
	months_worked: float | None = None
	attitude_ok: bool | None = None
	under_review: bool = False
	# The titles the person's unit registered them for (thi_dua_app.rules.registration.covered).
	registered: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Person:
	key: str
	years: dict[int, PersonYear] = field(default_factory=dict)
	initiatives: tuple[Initiative, ...] = ()
	awards: tuple[Award, ...] = ()
	disciplines: tuple[Discipline, ...] = ()


@dataclass(frozen=True)
class CollectiveYear:
	"""A collective's year: its own rating, the counts of its members, and the judgments of its
	movement and unity (None until someone says)."""

	year: int
	rating: str | None = None
	members: int = 0
	members_completed: int = 0
	members_ldtt: int = 0
	members_cstdcs: int = 0
	members_warned: int = 0
	active_in_movements: bool | None = None
	unity_ok: bool | None = None
	registered: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Collective:
	key: str
	years: dict[int, CollectiveYear] = field(default_factory=dict)
	awards: tuple[Award, ...] = ()


@dataclass(frozen=True)
class Rules:
	"""The regime's parameters for these titles (Legal Regime Parameters; see thi_dua_app.rules.regime)."""

	ldtt_min_months: int
	cstdcs_needs_initiative: bool
	cstdcs_max_share: float | None
	cstdt_cstdcs_years: int
	cstdt_min_scope: str
	bk_cstdcs_years: int | None
	bk_excellent_years: int
	bk_initiatives: int
	bk_collective_years: int
	ttldtt_min_share: float
	ttldtt_share_strict: bool
	ttldtt_all_complete: bool
	ttldxs_min_share: float
	ttldxs_min_cstdcs: int
	collective_no_warning: bool
	# False: a person or division not registered for a title is not considered for it.
	unregistered_considered: bool = True

	def __post_init__(self):
		if self.cstdt_min_scope not in SCOPES:
			raise EligibilityError("unknown_scope", scope=self.cstdt_min_scope)


def rules_from_parameters(values: dict[str, tuple[float | None, str | None]]) -> Rules:
	"""The Rules of a regime from its parameters (name → (value, text)). Every parameter is required
	but the CSTĐCS quota and the Bằng khen for consecutive CSTĐCS, which a regime may not have."""

	def value(name: str, optional: bool = False):
		if name not in values:
			if optional:
				return None
			raise EligibilityError("missing_parameter", parameter=name)
		number, text = values[name]
		return text if regime.PARAMETERS[name] == regime.SCOPE else number

	def whole(name: str, optional: bool = False):
		found = value(name, optional)
		return None if found is None else int(found)

	def share(name: str, optional: bool = False):
		found = value(name, optional)
		return None if found is None else found / 100

	return Rules(
		ldtt_min_months=whole(regime.LDTT_MIN_MONTHS),
		cstdcs_needs_initiative=bool(value(regime.CSTDCS_NEEDS_INITIATIVE)),
		cstdcs_max_share=share(regime.CSTDCS_SHARE, optional=True),
		cstdt_cstdcs_years=whole(regime.CSTDT_CSTDCS_YEARS),
		cstdt_min_scope=value(regime.CSTDT_SCOPE),
		bk_cstdcs_years=whole(regime.BK_CSTDCS_YEARS, optional=True),
		bk_excellent_years=whole(regime.BK_EXCELLENT_YEARS),
		bk_initiatives=whole(regime.BK_INITIATIVES),
		bk_collective_years=whole(regime.BK_COLLECTIVE_YEARS),
		ttldtt_min_share=share(regime.TTLDTT_SHARE),
		ttldtt_share_strict=bool(value(regime.TTLDTT_SHARE_STRICT)),
		ttldtt_all_complete=bool(value(regime.TTLDTT_ALL_COMPLETE)),
		ttldxs_min_share=share(regime.TTLDXS_SHARE),
		ttldxs_min_cstdcs=whole(regime.TTLDXS_CSTDCS),
		collective_no_warning=bool(value(regime.NO_CAUTIONED_MEMBER)),
		unregistered_considered=bool(value(regime.UNREGISTERED_CONSIDERED)),
	)


# ---------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class Condition:
	code: str
	met: bool | None
	params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
	title: str
	status: str
	conditions: tuple[Condition, ...]

	@property
	def deciding(self) -> Condition | None:
		"""The condition that decides a refusal or a manual check: the first unmet, else the first
		unknown; None when qualified."""
		if self.status == QUALIFIED:
			return None
		wanted = False if self.status == NOT_QUALIFIED else None
		return next(condition for condition in self.conditions if condition.met is wanted)


def all_of(title: str, conditions: Iterable[Condition]) -> Verdict:
	conditions = tuple(conditions)
	if any(condition.met is False for condition in conditions):
		status = NOT_QUALIFIED
	elif any(condition.met is None for condition in conditions):
		status = MANUAL
	else:
		status = QUALIFIED
	return Verdict(title, status, conditions)


def any_of(title: str, grounds: Iterable[Verdict]) -> Verdict:
	"""Qualified on any ground; else a manual check if a ground is unknown; else not qualified.
	The conditions are every ground's, in order."""
	grounds = tuple(grounds)
	conditions = tuple(condition for ground in grounds for condition in ground.conditions)
	statuses = {ground.status for ground in grounds}
	status = QUALIFIED if QUALIFIED in statuses else (MANUAL if MANUAL in statuses else NOT_QUALIFIED)
	if status == NOT_QUALIFIED:
		# The deciding condition is the first unmet one; put the unknown ones after it.
		conditions = tuple(sorted(conditions, key=lambda condition: condition.met is None))
	return Verdict(title, status, conditions)


def _known(value, test) -> bool | None:
	return None if value is None else bool(test(value))


def registration(title: str, registered: frozenset[str], year: int, rules: Rules) -> list[Condition]:
	"""Where the regime considers only registered ones, the condition that the title was registered
	for (none otherwise: an unregistered one is then a warning, see ``unregistered``)."""
	if rules.unregistered_considered:
		return []
	return [Condition("registered", title in registered, {"title": title, "year": year})]


def unregistered(verdicts: dict[str, Verdict], registered: frozenset[str]) -> tuple[str, ...]:
	"""The registrable titles reached without a registration (a warning where the regime still
	considers them)."""
	return tuple(
		title
		for title, verdict in verdicts.items()
		if title in REGISTRABLE and verdict.status == QUALIFIED and title not in registered
	)


def rating_at_least(rating: str | None, minimum: str) -> bool | None:
	if rating is None:
		return None
	if rating not in RATINGS:
		raise EligibilityError("unknown_rating", rating=rating)
	return RATINGS.index(rating) >= RATINGS.index(minimum)


def scope_at_least(scope: str, minimum: str) -> bool:
	if scope not in SCOPES:
		raise EligibilityError("unknown_scope", scope=scope)
	return SCOPES.index(scope) >= SCOPES.index(minimum)


def share_reaches(part: int, whole: int, minimum: float, strict: bool = False) -> bool:
	"""part / whole ≥ minimum (> when strict), compared without rounding surprises."""
	if whole <= 0:
		return False
	value = part / whole
	return value > minimum + _EPSILON if strict else value >= minimum - _EPSILON


# ---------------------------------------------------------------- streaks


def broken_years(disciplines: Iterable[Discipline], years: Iterable[int]) -> set[int]:
	return {year for year in years for measure in disciplines if measure.touches(year)}


def consecutive(years_with: set[int], ending: int, broken: set[int] = frozenset()) -> int:
	"""How many years in a row, ending with ``ending``, are in ``years_with`` and not broken."""
	count, year = 0, ending
	while year in years_with and year not in broken:
		count += 1
		year -= 1
	return count


def award_streak(
	awards: Iterable[Award],
	form: str,
	ending: int,
	disciplines: Iterable[Discipline] = (),
	this_year: bool | None = None,
) -> int | None:
	"""Consecutive years of ``form`` ending with ``ending``. ``this_year`` is the verdict of the year
	under review, which the ledger cannot hold yet: True counts it, False ends the streak at 0, None
	leaves it to the ledger — and the streak is not known (None) if the ledger lacks that year."""
	years = {award.year for award in awards if award.form == form and award.counts}
	if this_year is True:
		years.add(ending)
	elif this_year is False:
		years.discard(ending)
	elif ending not in years:
		return None
	return consecutive(years, ending, broken_years(tuple(disciplines), years))


def rating_streak(
	ratings: dict[int, str | None], minimum: str, ending: int, disciplines: Iterable[Discipline] = ()
) -> int:
	years = {year for year, rating in ratings.items() if rating_at_least(rating, minimum)}
	return consecutive(years, ending, broken_years(tuple(disciplines), years))


# ---------------------------------------------------------------- individual titles


def ldtt(person: Person, year: int, rules: Rules) -> Verdict:
	"""Lao động tiên tiến: a good rating or better, the months worked, a good attitude, no open
	discipline case and no discipline in the year."""
	data = person.years.get(year) or PersonYear(year)
	return all_of(
		LDTT,
		(
			*registration(LDTT, data.registered, year, rules),
			Condition(
				"rating_at_least",
				rating_at_least(data.rating, HTTNV),
				{"rating": data.rating, "minimum": HTTNV},
			),
			Condition(
				"months_worked",
				_known(data.months_worked, lambda months: months >= rules.ldtt_min_months),
				{"months": data.months_worked, "minimum": rules.ldtt_min_months},
			),
			Condition("attitude", data.attitude_ok, {}),
			Condition("not_under_review", not data.under_review, {}),
			Condition("no_discipline", not broken_years(person.disciplines, [year]), {"year": year}),
		),
	)


def initiatives_in(person: Person, first: int, last: int, minimum: str = UNIT_SCOPE) -> int:
	return sum(
		1
		for initiative in person.initiatives
		if first <= initiative.year <= last and scope_at_least(initiative.scope, minimum)
	)


def cstdcs(person: Person, year: int, rules: Rules, ldtt_verdict: Verdict | None = None) -> Verdict:
	"""Chiến sĩ thi đua cơ sở: Lao động tiên tiến of the year and an initiative or research
	recognised at least by the unit — or, where the regime allows (Law 2022), an excellent rating."""
	ldtt_verdict = ldtt_verdict or ldtt(person, year, rules)
	has_ldtt = {QUALIFIED: True, NOT_QUALIFIED: False}.get(ldtt_verdict.status)
	count = initiatives_in(person, year, year)
	data = person.years.get(year) or PersonYear(year)
	if rules.cstdcs_needs_initiative:
		achievement = Condition("initiative_in_year", count >= 1, {"count": count, "year": year})
	else:
		excellent = rating_at_least(data.rating, HTXSNV)
		achievement = Condition(
			"excellent_or_initiative",
			True if count >= 1 or excellent else (None if excellent is None else False),
			{"count": count, "rating": data.rating, "year": year},
		)
	return all_of(
		CSTDCS,
		(
			*registration(CSTDCS, data.registered, year, rules),
			Condition("has_ldtt", has_ldtt, {"status": ldtt_verdict.status}),
			achievement,
		),
	)


def _this_year(verdict: Verdict | None) -> bool | None:
	return None if verdict is None else {QUALIFIED: True, NOT_QUALIFIED: False}.get(verdict.status)


def cstdt(person: Person, year: int, rules: Rules, cstdcs_verdict: Verdict | None = None) -> Verdict:
	"""Chiến sĩ thi đua cấp tỉnh: the set number of consecutive CSTĐCS ending this year, and an
	initiative or research in those years recognised at the set scope (the province)."""
	cstdcs_verdict = cstdcs_verdict or cstdcs(person, year, rules)
	streak = award_streak(person.awards, CSTDCS, year, person.disciplines, _this_year(cstdcs_verdict))
	first = year - rules.cstdt_cstdcs_years + 1
	wide = initiatives_in(person, first, year, rules.cstdt_min_scope)
	data = person.years.get(year) or PersonYear(year)
	return all_of(
		CSTDT,
		(
			*registration(CSTDT, data.registered, year, rules),
			Condition(
				"cstdcs_streak",
				None if streak is None else streak >= rules.cstdt_cstdcs_years,
				{"years": streak, "minimum": rules.cstdt_cstdcs_years},
			),
			Condition(
				"initiative_scope",
				wide >= 1,
				{"count": wide, "scope": rules.cstdt_min_scope, "first": first, "last": year},
			),
		),
	)


def bk_individual(person: Person, year: int, rules: Rules, cstdcs_verdict: Verdict | None = None) -> Verdict:
	"""The Chairman's Bằng khen to a person on the regular ground: consecutive CSTĐCS (Law 2022;
	no such ground when the regime sets no number), or consecutive excellent ratings with the set
	number of initiatives in those years."""
	cstdcs_verdict = cstdcs_verdict or cstdcs(person, year, rules)
	grounds = []
	if rules.bk_cstdcs_years is not None:
		grounds.append(_bk_by_titles(person, year, rules, cstdcs_verdict))
	grounds.append(_bk_by_ratings(person, year, rules))
	return any_of(BK_TINH, grounds)


def _bk_by_titles(person: Person, year: int, rules: Rules, cstdcs_verdict: Verdict) -> Verdict:
	streak = award_streak(person.awards, CSTDCS, year, person.disciplines, _this_year(cstdcs_verdict))
	return all_of(
		BK_TINH,
		(
			Condition(
				"cstdcs_streak",
				None if streak is None else streak >= rules.bk_cstdcs_years,
				{"years": streak, "minimum": rules.bk_cstdcs_years},
			),
		),
	)


def _bk_by_ratings(person: Person, year: int, rules: Rules) -> Verdict:
	ratings = {known: data.rating for known, data in person.years.items()}
	excellent = rating_streak(ratings, HTXSNV, year, person.disciplines)
	first = year - max(excellent, 1) + 1
	count = initiatives_in(person, first, year)
	return all_of(
		BK_TINH,
		(
			Condition(
				"excellent_streak",
				None if ratings.get(year) is None else excellent >= rules.bk_excellent_years,
				{"years": excellent, "minimum": rules.bk_excellent_years},
			),
			Condition(
				"initiatives_in_streak",
				count >= rules.bk_initiatives,
				{"count": count, "minimum": rules.bk_initiatives, "first": first, "last": year},
			),
		),
	)


def repeated_next_year(person: Person, year: int, titles: Iterable[str]) -> Person:
	"""The person as they would stand a year on if that year repeats this one: the same rating,
	months and conduct, the year's initiatives recognised again at the same scope, and the titles
	they qualify for this year (``titles``) in the ledger. What a "nearly eligible" person lacks is
	then one more such year."""
	following = year + 1
	data = person.years.get(year) or PersonYear(year)
	return Person(
		key=person.key,
		years={**person.years, following: replace(data, year=following)},
		initiatives=(
			*person.initiatives,
			*(Initiative(following, found.scope) for found in person.initiatives if found.year == year),
		),
		awards=(*person.awards, *(Award(year, title) for title in titles)),
		disciplines=person.disciplines,
	)


def cstdcs_quota(ldtt_count: int, rules: Rules) -> int | None:
	"""How many CSTĐCS a unit may name for its LĐTT count (rounded down); None when the regime sets
	no quota."""
	if rules.cstdcs_max_share is None:
		return None
	return math.floor(rules.cstdcs_max_share * ldtt_count + _EPSILON)


def check_cstdcs_quota(named: int, ldtt_count: int, rules: Rules) -> None:
	quota = cstdcs_quota(ldtt_count, rules)
	if quota is not None and named > quota:
		raise EligibilityError(
			"above_quota", named=named, quota=quota, ldtt=ldtt_count, share=rules.cstdcs_max_share
		)


# ---------------------------------------------------------------- collective titles


def _collective_conditions(data: CollectiveYear, rules: Rules, minimum_rating: str) -> list[Condition]:
	return [
		Condition(
			"collective_rating",
			rating_at_least(data.rating, minimum_rating),
			{"rating": data.rating, "minimum": minimum_rating},
		),
		Condition("active_in_movements", data.active_in_movements, {}),
		Condition("unity", data.unity_ok, {}),
	]


def _members_known(data: CollectiveYear) -> Condition:
	return Condition("members_known", data.members > 0, {"members": data.members})


def ttldtt(collective: Collective, year: int, rules: Rules) -> Verdict:
	"""Tập thể lao động tiên tiến: rated good or better, active in the movements, united; the set
	share of its members LĐTT (more than half in 2017; 70 % in Bắc Ninh's profile); where the regime
	says so, every member completing their duties and none cautioned or worse."""
	data = collective.years.get(year) or CollectiveYear(year)
	conditions = [
		*registration(TTLDTT, data.registered, year, rules),
		*_collective_conditions(data, rules, HTTNV),
		_members_known(data),
	]
	conditions.append(
		Condition(
			"ldtt_share",
			share_reaches(data.members_ldtt, data.members, rules.ttldtt_min_share, rules.ttldtt_share_strict),
			{
				"ldtt": data.members_ldtt,
				"members": data.members,
				"minimum": rules.ttldtt_min_share,
				"strict": rules.ttldtt_share_strict,
			},
		)
	)
	if rules.ttldtt_all_complete:
		conditions.append(_all_complete(data))
	if rules.collective_no_warning:
		conditions.append(_no_warning(data))
	return all_of(TTLDTT, conditions)


def _all_complete(data: CollectiveYear) -> Condition:
	return Condition(
		"all_members_complete",
		data.members > 0 and data.members_completed >= data.members,
		{"completed": data.members_completed, "members": data.members},
	)


def _no_warning(data: CollectiveYear) -> Condition:
	return Condition("no_member_warned", data.members_warned == 0, {"warned": data.members_warned})


def ttldxs(collective: Collective, year: int, rules: Rules) -> Verdict:
	"""Tập thể lao động xuất sắc: rated excellent, active, united, every member completing their
	duties, the set share LĐTT (70 %), the set number of CSTĐCS (one), and — where the regime says
	so — no member cautioned or worse."""
	data = collective.years.get(year) or CollectiveYear(year)
	conditions = [
		*registration(TTLDXS, data.registered, year, rules),
		*_collective_conditions(data, rules, HTXSNV),
		_members_known(data),
		_all_complete(data),
	]
	conditions.append(
		Condition(
			"ldtt_share",
			share_reaches(data.members_ldtt, data.members, rules.ttldxs_min_share),
			{
				"ldtt": data.members_ldtt,
				"members": data.members,
				"minimum": rules.ttldxs_min_share,
				"strict": False,
			},
		)
	)
	conditions.append(
		Condition(
			"cstdcs_members",
			data.members_cstdcs >= rules.ttldxs_min_cstdcs,
			{"count": data.members_cstdcs, "minimum": rules.ttldxs_min_cstdcs},
		)
	)
	if rules.collective_no_warning:
		conditions.append(_no_warning(data))
	return all_of(TTLDXS, conditions)


def bk_collective(
	collective: Collective, year: int, rules: Rules, ttldxs_verdict: Verdict | None = None
) -> Verdict:
	"""The Chairman's Bằng khen to a collective on the regular ground: the set number of
	consecutive years rated excellent or Tập thể lao động xuất sắc, ending this year."""
	ttldxs_verdict = ttldxs_verdict or ttldxs(collective, year, rules)
	data = collective.years.get(year) or CollectiveYear(year)
	excellent = {
		known for known, other in collective.years.items() if rating_at_least(other.rating, HTXSNV)
	} | {award.year for award in collective.awards if award.form == TTLDXS and award.counts}
	title, rated = _this_year(ttldxs_verdict), rating_at_least(data.rating, HTXSNV)
	if title is True or rated is True:
		counts = True
	elif title is None and rated is None:
		counts = None
	else:
		counts = False
	if counts:
		excellent.add(year)
	else:
		excellent.discard(year)
	streak = consecutive(excellent, year)
	return all_of(
		BK_TINH,
		(
			Condition(
				"collective_streak",
				None if counts is None else streak >= rules.bk_collective_years,
				{"years": streak, "minimum": rules.bk_collective_years},
			),
		),
	)
