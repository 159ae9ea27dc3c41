"""The titles of people, from their records: each person's year records, initiatives, discipline and
awards read in a fixed number of queries (whatever the number of people), handed to the pure
rules of thi_dua_app.rules.eligibility under the regime in force that year, and every verdict said in
Vietnamese with the condition that decides it and the numbers behind it.

Only the year's records the user may read are evaluated (``frappe.get_list`` applies the row
rules); the history behind them — earlier years, initiatives, the ledger — is read for those
people only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import frappe
from frappe import _
from frappe.utils import cint, getdate

from thi_dua_app.rules import eligibility as rules_of
from thi_dua_app.rules import registration
from thi_dua_app.thi_dua.doctype.emulation_registration.emulation_registration import registration_lines
from thi_dua_app.thi_dua.legal import Regime, provinces_of, regime_for_year

YEAR_RECORD = "Staff Year Record"
# Disciplinary measures from a caution (cảnh cáo) up: they bar the collective titles of a unit
# whose regime says so.
WARNING_OR_WORSE = ("Caution", "Salary reduction", "Demotion", "Removal from post", "Dismissal")
CONDUCT = {"Good": True, "Not good": False}
YES_NO = {"Yes": True, "No": False}
# The individual titles, in the order the rules build on each other; then a collective's.
PERSON_TITLES = (rules_of.LDTT, rules_of.CSTDCS, rules_of.CSTDT, rules_of.BK_TINH)
COLLECTIVE_TITLES = (rules_of.TTLDTT, rules_of.TTLDXS, rules_of.BK_TINH)


@dataclass(frozen=True)
class PersonVerdicts:
	staff_member: str
	full_name: str
	member_unit: str
	record: str
	rating: str | None
	verdicts: dict[str, rules_of.Verdict]
	division: str | None = None
	# Under a caution or heavier measure at some time in the year.
	warned: bool = False
	# Titles not reached this year that one more year like this one would reach.
	next_year: tuple[str, ...] = ()
	# Titles reached without a registration (a warning where the regime still considers them).
	unregistered: tuple[str, ...] = ()


@dataclass(frozen=True)
class CollectiveVerdicts:
	division: str
	division_name: str
	member_unit: str
	record: str
	rating: str | None
	verdicts: dict[str, rules_of.Verdict]
	unregistered: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitSummary:
	"""What a unit's verdicts add up to: the people qualified for LĐTT and the CSTĐCS the regime's
	quota allows among them (None: no quota)."""

	member_unit: str
	ldtt: int
	cstdcs_qualified: int
	cstdcs_quota: int | None


@dataclass(frozen=True)
class Rulebook:
	"""The eligibility rules of a year for each unit: its province's profile where one is in
	force, else the national rules (``default``)."""

	default: rules_of.Rules
	by_unit: dict[str, rules_of.Rules]

	def of(self, unit: str | None) -> rules_of.Rules:
		return self.by_unit.get(unit or "", self.default)


def rulebook(year: int, units: list[str]) -> Rulebook:
	"""One query for the units' provinces, one regime per province."""
	by_province = {"": Regime(regime_for_year(year)).eligibility_rules()}
	by_unit = {}
	for unit, province in provinces_of(units, year).items():
		if province not in by_province:
			by_province[province] = Regime(regime_for_year(year, province)).eligibility_rules()
		by_unit[unit] = by_province[province]
	return Rulebook(by_province[""], by_unit)


def person_verdicts(year: int, member_unit: str | None = None) -> tuple[list[PersonVerdicts], Rulebook]:
	"""Every readable person's verdicts for the year (of one unit, or of all the user reads), each
	under the rules of their unit's province."""
	filters = {"year": year}
	if member_unit:
		filters["member_unit"] = member_unit
	records = frappe.get_list(
		YEAR_RECORD,
		filters=filters,
		fields=["name", "staff_member", "full_name", "member_unit", "division", "rating"],
		order_by="member_unit asc, full_name asc, name asc",
		limit_page_length=0,
	)
	people = load_people([record.staff_member for record in records], year)
	lines = registration_lines(year, [record.member_unit for record in records])
	book = rulebook(year, [member_unit] if member_unit else [record.member_unit for record in records])
	results = []
	for record in records:
		rules = book.of(record.member_unit)
		registered = registration.person_titles(lines.get(record.member_unit, ()), record.staff_member)
		person = registered_for(people[record.staff_member], year, registered)
		verdicts = verdicts_of(person, year, rules)
		results.append(
			PersonVerdicts(
				staff_member=record.staff_member,
				full_name=record.full_name,
				member_unit=record.member_unit,
				record=record.name,
				rating=record.rating or None,
				verdicts=verdicts,
				division=record.division or None,
				warned=any(
					measure.warning_or_worse and measure.touches(year) for measure in person.disciplines
				),
				next_year=next_year_titles(person, year, rules, verdicts),
				unregistered=rules_of.unregistered(verdicts, registered),
			)
		)
	return results, book


def registered_for(person: rules_of.Person, year: int, titles: frozenset[str]) -> rules_of.Person:
	"""The person with the titles registered for them in the year."""
	data = person.years.get(year) or rules_of.PersonYear(year)
	return replace(person, years={**person.years, year: replace(data, registered=titles)})


def next_year_titles(
	person: rules_of.Person, year: int, rules: rules_of.Rules, verdicts: dict[str, rules_of.Verdict]
) -> tuple[str, ...]:
	"""The consecutive-year titles (CSTĐ cấp tỉnh, Bằng khen) the person misses this year and would
	reach next year if it repeats this one, under this year's rules."""
	reached = [title for title, verdict in verdicts.items() if verdict.status == rules_of.QUALIFIED]
	following = verdicts_of(rules_of.repeated_next_year(person, year, reached), year + 1, rules)
	return tuple(
		title
		for title in (rules_of.CSTDT, rules_of.BK_TINH)
		if verdicts[title].status != rules_of.QUALIFIED and following[title].status == rules_of.QUALIFIED
	)


def collective_verdicts(
	year: int, results: list[PersonVerdicts], book: Rulebook, member_unit: str | None = None
) -> list[CollectiveVerdicts]:
	"""Every readable division's verdicts for the year: its own record and earlier ratings, its
	ledger, and the counts of its people's verdicts (``results``, from person_verdicts), in three
	queries."""
	filters = {"year": year}
	if member_unit:
		filters["member_unit"] = member_unit
	records = frappe.get_list(
		"Division Year Record",
		filters=filters,
		fields=[
			"name",
			"division",
			"division_name",
			"member_unit",
			"rating",
			"active_in_movements",
			"united",
		],
		order_by="member_unit asc, division_name asc, name asc",
		limit_page_length=0,
	)
	awards = defaultdict(list)
	for row in frappe.get_all(
		"Award Record",
		filters={"division": ("in", [record.division for record in records] or [""]), "year": ("<=", year)},
		fields=["division", "year", "award_form", "counts_for_streaks", "revoked"],
		limit_page_length=0,
	):
		counts = bool(cint(row.counts_for_streaks)) and not cint(row.revoked)
		awards[row.division].append(rules_of.Award(cint(row.year), row.award_form, counts))
	# Earlier years' own ratings: rated excellent counts towards the collective Bằng khen.
	earlier = defaultdict(dict)
	for row in frappe.get_all(
		"Division Year Record",
		filters={"division": ("in", [record.division for record in records] or [""]), "year": ("<", year)},
		fields=["division", "year", "rating"],
		limit_page_length=0,
	):
		earlier[row.division][cint(row.year)] = rules_of.CollectiveYear(
			year=cint(row.year), rating=row.rating or None
		)
	lines = registration_lines(year, [record.member_unit for record in records])
	members = defaultdict(list)
	for result in results:
		if result.division:
			members[result.division].append(result)
	verdicts = []
	for record in records:
		rules = book.of(record.member_unit)
		people_of = members[record.division]
		registered = registration.division_titles(lines.get(record.member_unit, ()), record.division)
		collective = rules_of.Collective(
			key=record.division,
			years={
				**earlier[record.division],
				year: rules_of.CollectiveYear(
					year=year,
					rating=record.rating or None,
					members=len(people_of),
					members_completed=sum(
						1 for person in people_of if rules_of.rating_at_least(person.rating, rules_of.HTNV)
					),
					members_ldtt=sum(1 for person in people_of if _qualified(person, rules_of.LDTT)),
					members_cstdcs=sum(1 for person in people_of if _qualified(person, rules_of.CSTDCS)),
					members_warned=sum(1 for person in people_of if person.warned),
					active_in_movements=YES_NO.get(record.active_in_movements or ""),
					unity_ok=YES_NO.get(record.united or ""),
					registered=registered,
				),
			},
			awards=tuple(awards[record.division]),
		)
		ttldxs = rules_of.ttldxs(collective, year, rules)
		found = {
			rules_of.TTLDTT: rules_of.ttldtt(collective, year, rules),
			rules_of.TTLDXS: ttldxs,
			rules_of.BK_TINH: rules_of.bk_collective(collective, year, rules, ttldxs),
		}
		verdicts.append(
			CollectiveVerdicts(
				division=record.division,
				division_name=record.division_name,
				member_unit=record.member_unit,
				record=record.name,
				rating=record.rating or None,
				verdicts=found,
				unregistered=rules_of.unregistered(found, registered),
			)
		)
	return verdicts


def _qualified(result: PersonVerdicts, title: str) -> bool:
	return result.verdicts[title].status == rules_of.QUALIFIED


def verdicts_of(person: rules_of.Person, year: int, rules: rules_of.Rules) -> dict[str, rules_of.Verdict]:
	ldtt = rules_of.ldtt(person, year, rules)
	cstdcs = rules_of.cstdcs(person, year, rules, ldtt)
	return {
		rules_of.LDTT: ldtt,
		rules_of.CSTDCS: cstdcs,
		rules_of.CSTDT: rules_of.cstdt(person, year, rules, cstdcs),
		rules_of.BK_TINH: rules_of.bk_individual(person, year, rules, cstdcs),
	}


def unit_summaries(results: list[PersonVerdicts], book: Rulebook) -> list[UnitSummary]:
	counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
	for result in results:
		count = counts[result.member_unit]
		count[0] += result.verdicts[rules_of.LDTT].status == rules_of.QUALIFIED
		count[1] += result.verdicts[rules_of.CSTDCS].status == rules_of.QUALIFIED
	return [
		UnitSummary(unit, ldtt, cstdcs, rules_of.cstdcs_quota(ldtt, book.of(unit)))
		for unit, (ldtt, cstdcs) in sorted(counts.items())
	]


def load_people(staff: list[str], year: int) -> dict[str, rules_of.Person]:
	"""The records of these people up to the year, as the rules read them: four queries in all."""
	staff = sorted(set(staff))
	if not staff:
		return {}
	years = frappe.get_all(
		YEAR_RECORD,
		filters={"staff_member": ("in", staff), "year": ("<=", year)},
		fields=[
			"name",
			"staff_member",
			"year",
			"rating",
			"months_worked",
			"conduct",
			"under_review",
			"discipline_form",
			"discipline_from",
			"discipline_to",
		],
		limit_page_length=0,
	)
	initiatives = frappe.get_all(
		"Staff Initiative",
		filters={"parenttype": YEAR_RECORD, "parent": ("in", [row.name for row in years] or [""])},
		fields=["parent", "scope"],
		limit_page_length=0,
	)
	awards = frappe.get_all(
		"Award Record",
		filters={"staff_member": ("in", staff), "year": ("<=", year)},
		fields=["staff_member", "year", "award_form", "counts_for_streaks", "revoked"],
		limit_page_length=0,
	)
	year_of = {row.name: (row.staff_member, cint(row.year)) for row in years}
	person_years = defaultdict(dict)
	disciplines = defaultdict(list)
	for row in years:
		person_years[row.staff_member][cint(row.year)] = rules_of.PersonYear(
			year=cint(row.year),
			rating=row.rating or None,
			months_worked=None if row.months_worked is None else float(row.months_worked),
			attitude_ok=CONDUCT.get(row.conduct or ""),
			under_review=bool(cint(row.under_review)),
		)
		if row.discipline_form and row.discipline_from:
			disciplines[row.staff_member].append(
				rules_of.Discipline(
					start=getdate(row.discipline_from),
					end=getdate(row.discipline_to) if row.discipline_to else None,
					warning_or_worse=row.discipline_form in WARNING_OR_WORSE,
				)
			)
	person_initiatives = defaultdict(list)
	for row in initiatives:
		member, initiative_year = year_of[row.parent]
		person_initiatives[member].append(rules_of.Initiative(initiative_year, row.scope))
	person_awards = defaultdict(list)
	for row in awards:
		person_awards[row.staff_member].append(
			rules_of.Award(
				cint(row.year), row.award_form, bool(cint(row.counts_for_streaks)) and not cint(row.revoked)
			)
		)
	return {
		member: rules_of.Person(
			key=member,
			years=person_years[member],
			initiatives=tuple(person_initiatives[member]),
			awards=tuple(person_awards[member]),
			disciplines=tuple(disciplines[member]),
		)
		for member in staff
	}


# ---------------------------------------------------------------- in Vietnamese


def status_label(status: str) -> str:
	return {
		rules_of.QUALIFIED: _("Qualified"),
		rules_of.NOT_QUALIFIED: _("Not qualified"),
		rules_of.MANUAL: _("Needs a manual check"),
	}[status]


def scope_words(scope: str) -> str:
	return {
		rules_of.UNIT_SCOPE: _("unit (grassroots) level"),
		rules_of.PROVINCE_SCOPE: _("provincial level"),
		rules_of.NATIONAL_SCOPE: _("national level"),
	}.get(scope, scope)


def rating_words(rating: str | None) -> str:
	return {
		rules_of.HTXSNV: _("completed duties excellently (HTXSNV)"),
		rules_of.HTTNV: _("completed duties well (HTTNV)"),
		rules_of.HTNV: _("completed duties (HTNV)"),
		rules_of.KHTNV: _("did not complete duties (KHTNV)"),
	}.get(rating or "", rating or "")


def title_words(title: str) -> str:
	"""The title's own name, as its Award Form record holds it."""
	return frappe.get_cached_value("Award Form", title, "form_name") or title


def reason(verdict: rules_of.Verdict) -> str:
	"""The deciding condition of a refusal or a manual check, or all conditions of a qualification."""
	if verdict.status == rules_of.QUALIFIED:
		return " ".join(describe(condition) for condition in verdict.conditions if condition.met)
	return describe(verdict.deciding)


def describe(condition: rules_of.Condition) -> str:
	"""One condition in a Vietnamese sentence, with its numbers."""
	p, met = condition.params, condition.met
	code = condition.code
	if code == "registered":
		if met:
			return _("Registered for {0} in {1}.").format(title_words(p["title"]), p["year"])
		return _("Not registered for {0} in {1}; the regime considers only those registered.").format(
			title_words(p["title"]), p["year"]
		)
	if code == "rating_at_least":
		if met is None:
			return _("The year's quality rating is not recorded.")
		if met:
			return _("Rated: {0}.").format(rating_words(p["rating"]))
		return _("Rated: {0}; the title needs {1} or better.").format(
			rating_words(p["rating"]), rating_words(p["minimum"])
		)
	if code == "months_worked":
		if met is None:
			return _("The months worked are not recorded.")
		if met:
			return _("Worked {0} months (at least {1}).").format(number(p["months"]), p["minimum"])
		return _("Worked {0} months; at least {1} are needed.").format(number(p["months"]), p["minimum"])
	if code == "attitude":
		if met is None:
			return _("The unit has not yet judged the person's conduct and attitude.")
		return (
			_("Conduct and attitude: good.")
			if met
			else _("The unit judged the person's conduct and attitude not good.")
		)
	if code == "not_under_review":
		return (
			_("No disciplinary case is open.") if met else _("A disciplinary case or investigation is open.")
		)
	if code == "no_discipline":
		return (
			_("No disciplinary measure in {0}.") if met else _("Under a disciplinary measure in {0}.")
		).format(p["year"])
	if code == "has_ldtt":
		if met is None:
			return _("Lao động tiên tiến of the year still needs a manual check.")
		return _("Lao động tiên tiến of the year.") if met else _("Not Lao động tiên tiến of the year.")
	if code == "initiative_in_year":
		if met:
			return _("{0} initiative(s) or research recognised in {1}.").format(p["count"], p["year"])
		return _("No initiative or research recognised in {0}.").format(p["year"])
	if code == "excellent_or_initiative":
		if p["count"]:
			return _("{0} initiative(s) or research recognised in {1}.").format(p["count"], p["year"])
		if met:
			return _("Rated: {0}.").format(rating_words(p["rating"]))
		if met is None:
			return _("No initiative recognised in {0}, and the year's rating is not recorded.").format(
				p["year"]
			)
		return _("Not rated HTXSNV, and no initiative or research recognised in {0}.").format(p["year"])
	if code == "cstdcs_streak":
		if met is None:
			return _("Chiến sĩ thi đua cơ sở of the year is not settled yet.")
		if met:
			return _("{0} consecutive years of Chiến sĩ thi đua cơ sở (at least {1}).").format(
				p["years"], p["minimum"]
			)
		if not p["years"]:
			return _("Not Chiến sĩ thi đua cơ sở this year; {0} consecutive years are needed.").format(
				p["minimum"]
			)
		return _("Only {0} consecutive year(s) of Chiến sĩ thi đua cơ sở; {1} are needed.").format(
			p["years"], p["minimum"]
		)
	if code == "initiative_scope":
		if met:
			return _("{0} initiative(s) or research recognised at {1} or wider in {2}–{3}.").format(
				p["count"], scope_words(p["scope"]), p["first"], p["last"]
			)
		return _("No initiative or research recognised at {0} or wider in {1}–{2}.").format(
			scope_words(p["scope"]), p["first"], p["last"]
		)
	if code == "excellent_streak":
		if met is None:
			return _("The year's quality rating is not recorded.")
		if met:
			return _("{0} consecutive years rated HTXSNV (at least {1}).").format(p["years"], p["minimum"])
		if not p["years"]:
			return _("Not rated HTXSNV this year; {0} consecutive years are needed.").format(p["minimum"])
		return _("Only {0} consecutive year(s) rated HTXSNV; {1} are needed.").format(
			p["years"], p["minimum"]
		)
	if code == "initiatives_in_streak":
		if met:
			return _("{0} initiative(s) or research in {1}–{2} (at least {3}).").format(
				p["count"], p["first"], p["last"], p["minimum"]
			)
		return _("Only {0} initiative(s) or research in {1}–{2}; {3} are needed.").format(
			p["count"], p["first"], p["last"], p["minimum"]
		)
	return describe_collective(condition)


def describe_collective(condition: rules_of.Condition) -> str:
	p, met, code = condition.params, condition.met, condition.code
	if code == "collective_rating":
		if met is None:
			return _("The collective's rating for the year is not recorded.")
		if met:
			return _("The collective is rated: {0}.").format(rating_words(p["rating"]))
		return _("The collective is rated: {0}; the title needs {1} or better.").format(
			rating_words(p["rating"]), rating_words(p["minimum"])
		)
	if code == "active_in_movements":
		if met is None:
			return _("The unit has not yet judged the collective's part in the emulation movements.")
		return (
			_("Active in the emulation movements.")
			if met
			else _("Judged not active in the emulation movements.")
		)
	if code == "unity":
		if met is None:
			return _("The unit has not yet judged the collective's unity.")
		return _("United and internally clean.") if met else _("Judged not united.")
	if code == "members_known":
		if met:
			return _("{0} people of the collective have a record for the year.").format(p["members"])
		return _("No person of the collective has a record for the year.")
	if code == "ldtt_share":
		share = _percent(p["ldtt"] / p["members"]) if p["members"] else "0"
		minimum = _percent(p["minimum"])
		if met:
			return _("{0} of {1} people are Lao động tiên tiến ({2} %; at least {3} %).").format(
				p["ldtt"], p["members"], share, minimum
			)
		if p["strict"]:
			return _("{0} of {1} people are Lao động tiên tiến ({2} %); more than {3} % are needed.").format(
				p["ldtt"], p["members"], share, minimum
			)
		return _("{0} of {1} people are Lao động tiên tiến ({2} %); at least {3} % are needed.").format(
			p["ldtt"], p["members"], share, minimum
		)
	if code == "all_members_complete":
		if met:
			return _("Every member completed their duties.")
		return _("{0} of {1} members completed their duties; every member must.").format(
			p["completed"], p["members"]
		)
	if code == "no_member_warned":
		if met:
			return _("No member is under a caution or heavier measure.")
		return _("{0} member(s) under a caution or heavier measure.").format(p["warned"])
	if code == "cstdcs_members":
		if met:
			return _("{0} Chiến sĩ thi đua cơ sở among its people (at least {1}).").format(
				p["count"], p["minimum"]
			)
		return _("{0} Chiến sĩ thi đua cơ sở among its people; at least {1} are needed.").format(
			p["count"], p["minimum"]
		)
	if code == "collective_streak":
		if met is None:
			return _("The collective's result for the year is not settled yet.")
		if met:
			return _("{0} consecutive years excellent or Tập thể lao động xuất sắc (at least {1}).").format(
				p["years"], p["minimum"]
			)
		return _(
			"Only {0} consecutive year(s) excellent or Tập thể lao động xuất sắc; {1} are needed."
		).format(p["years"], p["minimum"])
	raise ValueError(f"No words for the condition {code}")


def _percent(share: float) -> str:
	return number(round(share * 100, 1))


def number(value) -> str:
	"""A number as Vietnamese write it: no trailing zeros, a decimal comma."""
	return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)
