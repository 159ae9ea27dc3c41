"""The eligibility rules of both regimes, site-free: exact verdicts, the deciding condition and the
numbers behind it, streaks across gaps, revoked and extraordinary awards and discipline, and the
CSTĐCS quota with its rounding."""

from dataclasses import replace
from datetime import date

import pytest

from thi_dua_app.rules.eligibility import (
	BK_TINH,
	CSTDCS,
	CSTDT,
	HTNV,
	HTTNV,
	HTXSNV,
	KHTNV,
	LDTT,
	MANUAL,
	NOT_QUALIFIED,
	PROVINCE_SCOPE,
	QUALIFIED,
	TTLDXS,
	UNIT_SCOPE,
	Award,
	Collective,
	CollectiveYear,
	Discipline,
	EligibilityError,
	Initiative,
	Person,
	PersonYear,
	Rules,
	award_streak,
	bk_collective,
	bk_individual,
	check_cstdcs_quota,
	cstdcs,
	cstdcs_quota,
	cstdt,
	ldtt,
	rating_streak,
	repeated_next_year,
	rules_from_parameters,
	share_reaches,
	ttldtt,
	ttldxs,
)

# Law 2003/2013 with Decree 91/2017: an initiative is required for CSTĐCS, at most 15 % of the LĐTT,
# TTLĐTT with more than half LĐTT and no member cautioned; no Bằng khen for two CSTĐCS.
RULES_2017 = Rules(
	ldtt_min_months=10,
	cstdcs_needs_initiative=True,
	cstdcs_max_share=0.15,
	cstdt_cstdcs_years=3,
	cstdt_min_scope=PROVINCE_SCOPE,
	bk_cstdcs_years=None,
	bk_excellent_years=2,
	bk_initiatives=2,
	bk_collective_years=2,
	ttldtt_min_share=0.5,
	ttldtt_share_strict=True,
	ttldtt_all_complete=False,
	ttldxs_min_share=0.7,
	ttldxs_min_cstdcs=1,
	collective_no_warning=True,
)
# Law 2022 (Decree 98/2023, 152/2025): an excellent rating alone makes a CSTĐCS, no quota, two
# CSTĐCS in a row make a Bằng khen.
RULES_2022 = replace(
	RULES_2017,
	cstdcs_needs_initiative=False,
	cstdcs_max_share=None,
	bk_cstdcs_years=2,
	ttldtt_share_strict=False,
	ttldtt_all_complete=True,
	collective_no_warning=False,
)
# Bắc Ninh, QĐ 86/2025: TTLĐTT needs 70 % LĐTT and no member cautioned.
RULES_BAC_NINH = replace(RULES_2022, ttldtt_min_share=0.7, collective_no_warning=True)


def person(*years: PersonYear, initiatives=(), awards=(), disciplines=()) -> Person:
	return Person(
		"Nguyễn Văn A",
		{year.year: year for year in years},
		tuple(initiatives),
		tuple(awards),
		tuple(disciplines),
	)


def good(year: int, rating: str = HTTNV, **values) -> PersonYear:
	return PersonYear(year, rating=rating, months_worked=12, attitude_ok=True, **values)


def deciding(verdict):
	condition = verdict.deciding
	return None if condition is None else (condition.code, condition.params)


# ---------------------------------------------------------------- Lao động tiên tiến


def test_ldtt_qualifies_a_good_rating_for_the_whole_year():
	verdict = ldtt(person(good(2024)), 2024, RULES_2022)
	assert (verdict.title, verdict.status, verdict.deciding) == (LDTT, QUALIFIED, None)


@pytest.mark.parametrize(
	("year", "expected"),
	[
		(good(2024, HTNV), ("rating_at_least", {"rating": HTNV, "minimum": HTTNV})),
		(good(2024, KHTNV), ("rating_at_least", {"rating": KHTNV, "minimum": HTTNV})),
		(replace(good(2024), months_worked=9.5), ("months_worked", {"months": 9.5, "minimum": 10})),
		(replace(good(2024), attitude_ok=False), ("attitude", {})),
		(good(2024, under_review=True), ("not_under_review", {})),
	],
)
def test_ldtt_refusals_name_their_condition(year, expected):
	verdict = ldtt(person(year), 2024, RULES_2022)
	assert (verdict.status, deciding(verdict)) == (NOT_QUALIFIED, expected)


def test_ldtt_counts_maternity_leave_as_months_worked_and_asks_when_it_cannot_tell():
	# Ten months worked, two of them on maternity leave, are ten months.
	assert ldtt(person(replace(good(2024), months_worked=10)), 2024, RULES_2022).status == QUALIFIED
	unknown = ldtt(person(PersonYear(2024, rating=HTXSNV, months_worked=12)), 2024, RULES_2022)
	assert (unknown.status, deciding(unknown)) == (MANUAL, ("attitude", {}))
	missing = ldtt(person(), 2024, RULES_2022)
	assert (missing.status, deciding(missing)) == (
		MANUAL,
		("rating_at_least", {"rating": None, "minimum": HTTNV}),
	)


def test_a_discipline_in_the_year_refuses_ldtt():
	disciplined = person(good(2024), disciplines=[Discipline(date(2024, 3, 1), date(2024, 9, 1))])
	verdict = ldtt(disciplined, 2024, RULES_2022)
	assert deciding(verdict) == ("no_discipline", {"year": 2024})
	assert ldtt(disciplined, 2025, RULES_2022).status == MANUAL  # no data for 2025 yet


# ---------------------------------------------------------------- Chiến sĩ thi đua cơ sở


def test_cstdcs_in_2022_an_excellent_rating_is_enough():
	excellent = person(good(2024, HTXSNV))
	assert cstdcs(excellent, 2024, RULES_2022).status == QUALIFIED
	verdict = cstdcs(excellent, 2024, RULES_2017)
	assert (verdict.status, deciding(verdict)) == (
		NOT_QUALIFIED,
		("initiative_in_year", {"count": 0, "year": 2024}),
	)


def test_cstdcs_with_an_initiative_under_both_regimes():
	inventive = person(good(2017), initiatives=[Initiative(2017, UNIT_SCOPE)])
	assert cstdcs(inventive, 2017, RULES_2017).status == QUALIFIED
	assert cstdcs(inventive, 2017, RULES_2022).status == QUALIFIED
	# Last year's initiative does not make this year's CSTĐCS.
	late = person(good(2018), initiatives=[Initiative(2017, UNIT_SCOPE)])
	assert deciding(cstdcs(late, 2018, RULES_2022)) == (
		"excellent_or_initiative",
		{"count": 0, "rating": HTTNV, "year": 2018},
	)


def test_cstdcs_needs_ldtt_first():
	verdict = cstdcs(person(good(2024, HTXSNV, under_review=True)), 2024, RULES_2022)
	assert (verdict.status, deciding(verdict)) == (NOT_QUALIFIED, ("has_ldtt", {"status": NOT_QUALIFIED}))


def test_cstdcs_quota_is_15_percent_of_ldtt_rounded_down_in_2017_and_none_in_2022():
	assert [cstdcs_quota(count, RULES_2017) for count in (6, 7, 13, 20, 100)] == [0, 1, 1, 3, 15]
	assert cstdcs_quota(100, RULES_2022) is None
	check_cstdcs_quota(3, 20, RULES_2017)
	with pytest.raises(EligibilityError) as refused:
		check_cstdcs_quota(4, 20, RULES_2017)
	assert (refused.value.code, refused.value.params) == (
		"above_quota",
		{"named": 4, "quota": 3, "ldtt": 20, "share": 0.15},
	)
	check_cstdcs_quota(50, 20, RULES_2022)


# ---------------------------------------------------------------- streaks


def test_streaks_skip_nothing_gaps_end_them():
	awards = [Award(year, CSTDCS) for year in (2019, 2021, 2022)]
	assert award_streak(awards, CSTDCS, 2022) == 2
	assert award_streak(awards, CSTDCS, 2023, this_year=True) == 3
	assert award_streak(awards, CSTDCS, 2023, this_year=False) == 0
	assert award_streak(awards, CSTDCS, 2023) is None  # this year not known yet
	assert award_streak(awards, CSTDCS, 2020, this_year=True) == 2


def test_extraordinary_thematic_and_revoked_awards_do_not_count():
	awards = [Award(2021, CSTDCS), Award(2022, CSTDCS, counts=False), Award(2023, CSTDCS)]
	assert award_streak(awards, CSTDCS, 2023) == 1
	assert award_streak(awards, CSTDCS, 2024, this_year=True) == 2


def test_a_discipline_breaks_the_streak_and_the_count_starts_again_after_it():
	awards = [Award(year, CSTDCS) for year in (2020, 2021, 2022, 2023)]
	caution = Discipline(date(2021, 6, 1), date(2022, 5, 31), warning_or_worse=True)
	assert award_streak(awards, CSTDCS, 2023, [caution]) == 1
	assert award_streak(awards, CSTDCS, 2024, [caution], this_year=True) == 2
	open_case = Discipline(date(2024, 2, 1))
	assert award_streak(awards, CSTDCS, 2024, [open_case], this_year=True) == 0
	ratings = {2021: HTXSNV, 2022: HTXSNV, 2023: HTXSNV}
	assert rating_streak(ratings, HTXSNV, 2023) == 3
	assert rating_streak(ratings, HTXSNV, 2023, [caution]) == 1
	assert rating_streak({**ratings, 2022: HTTNV}, HTXSNV, 2023) == 1


# ---------------------------------------------------------------- Chiến sĩ thi đua cấp tỉnh


def test_cstdt_needs_three_cstdcs_in_a_row_and_a_provincial_initiative():
	awards = [Award(2022, CSTDCS), Award(2023, CSTDCS)]
	inventive = person(good(2024, HTXSNV), awards=awards, initiatives=[Initiative(2023, PROVINCE_SCOPE)])
	assert cstdt(inventive, 2024, RULES_2022).status == QUALIFIED
	local = replace(inventive, initiatives=(Initiative(2023, UNIT_SCOPE),))
	assert deciding(cstdt(local, 2024, RULES_2022)) == (
		"initiative_scope",
		{"count": 0, "scope": PROVINCE_SCOPE, "first": 2022, "last": 2024},
	)
	short = replace(inventive, awards=(Award(2023, CSTDCS),))
	verdict = cstdt(short, 2024, RULES_2022)
	assert (verdict.title, deciding(verdict)) == (CSTDT, ("cstdcs_streak", {"years": 2, "minimum": 3}))
	# In 2017 the third CSTĐCS itself needs an initiative of the year.
	assert deciding(cstdt(inventive, 2024, RULES_2017)) == (
		"cstdcs_streak",
		{"years": 0, "minimum": 3},
	)


def test_cstdt_is_a_manual_check_while_this_years_cstdcs_is():
	awards = [Award(2022, CSTDCS), Award(2023, CSTDCS)]
	unknown = person(
		PersonYear(2024, rating=HTXSNV, months_worked=12),
		awards=awards,
		initiatives=[Initiative(2024, PROVINCE_SCOPE)],
	)
	verdict = cstdt(unknown, 2024, RULES_2022)
	assert (verdict.status, deciding(verdict)) == (MANUAL, ("cstdcs_streak", {"years": None, "minimum": 3}))


# ---------------------------------------------------------------- Bằng khen


def test_bk_for_two_cstdcs_in_a_row_only_under_the_2022_law():
	someone = person(good(2024, HTXSNV), awards=[Award(2023, CSTDCS)])
	verdict = bk_individual(someone, 2024, RULES_2022)
	assert (verdict.title, verdict.status) == (BK_TINH, QUALIFIED)
	refused = bk_individual(someone, 2024, RULES_2017)
	assert (refused.status, deciding(refused)) == (
		NOT_QUALIFIED,
		("excellent_streak", {"years": 1, "minimum": 2}),
	)


def test_bk_for_two_excellent_years_with_two_initiatives():
	years = (good(2016, HTXSNV), good(2017, HTXSNV))
	two = person(*years, initiatives=[Initiative(2016, UNIT_SCOPE), Initiative(2017, UNIT_SCOPE)])
	assert bk_individual(two, 2017, RULES_2017).status == QUALIFIED
	one = person(*years, initiatives=[Initiative(2015, UNIT_SCOPE), Initiative(2017, UNIT_SCOPE)])
	assert deciding(bk_individual(one, 2017, RULES_2017)) == (
		"initiatives_in_streak",
		{"count": 1, "minimum": 2, "first": 2016, "last": 2017},
	)


def test_bk_gives_every_ground_when_none_holds():
	verdict = bk_individual(person(good(2024)), 2024, RULES_2022)
	assert verdict.status == NOT_QUALIFIED
	assert [condition.code for condition in verdict.conditions] == [
		"cstdcs_streak",
		"excellent_streak",
		"initiatives_in_streak",
	]


# ---------------------------------------------------------------- collectives


def department(rating=HTXSNV, members=20, completed=20, ldtt=14, cstdcs=1, warned=0, **values):
	return Collective(
		"Phòng Tổng hợp",
		{
			2024: CollectiveYear(
				2024,
				rating=rating,
				members=members,
				members_completed=completed,
				members_ldtt=ldtt,
				members_cstdcs=cstdcs,
				members_warned=warned,
				active_in_movements=True,
				unity_ok=True,
				**values,
			)
		},
	)


def test_ttldxs_with_its_numbers():
	assert ttldxs(department(), 2024, RULES_2022).status == QUALIFIED
	few = ttldxs(department(ldtt=13), 2024, RULES_2022)
	assert (few.title, deciding(few)) == (
		TTLDXS,
		("ldtt_share", {"ldtt": 13, "members": 20, "minimum": 0.7, "strict": False}),
	)
	assert deciding(ttldxs(department(completed=19), 2024, RULES_2022)) == (
		"all_members_complete",
		{"completed": 19, "members": 20},
	)
	assert deciding(ttldxs(department(cstdcs=0), 2024, RULES_2022)) == (
		"cstdcs_members",
		{"count": 0, "minimum": 1},
	)
	assert deciding(ttldxs(department(rating=HTTNV), 2024, RULES_2022)) == (
		"collective_rating",
		{"rating": HTTNV, "minimum": HTXSNV},
	)
	# A member cautioned bars the title in 2017 and in Bắc Ninh, not under the national 2022 rules.
	assert ttldxs(department(warned=1), 2024, RULES_2022).status == QUALIFIED
	assert deciding(ttldxs(department(warned=1), 2024, RULES_BAC_NINH)) == ("no_member_warned", {"warned": 1})


def test_ttldtt_share_is_more_than_half_in_2017_and_seventy_percent_in_bac_ninh():
	half = department(rating=HTTNV, ldtt=10, cstdcs=0)
	assert deciding(ttldtt(half, 2024, RULES_2017)) == (
		"ldtt_share",
		{"ldtt": 10, "members": 20, "minimum": 0.5, "strict": True},
	)
	assert ttldtt(half, 2024, RULES_2022).status == QUALIFIED
	assert deciding(ttldtt(half, 2024, RULES_BAC_NINH)) == (
		"ldtt_share",
		{"ldtt": 10, "members": 20, "minimum": 0.7, "strict": False},
	)
	assert ttldtt(department(rating=HTTNV, ldtt=14), 2024, RULES_BAC_NINH).status == QUALIFIED
	# Not every member completing their duties matters from 2022 only.
	incomplete = department(rating=HTTNV, completed=19, ldtt=11)
	assert ttldtt(incomplete, 2024, RULES_2017).status == QUALIFIED
	assert deciding(ttldtt(incomplete, 2024, RULES_2022))[0] == "all_members_complete"


def test_a_collective_without_members_or_judgments_is_not_guessed():
	empty = ttldtt(department(members=0, completed=0, ldtt=0), 2024, RULES_2022)
	assert deciding(empty) == ("members_known", {"members": 0})
	open_question = Collective(
		"Phòng Tổng hợp",
		{
			2024: CollectiveYear(
				2024, rating=HTXSNV, members=20, members_completed=20, members_ldtt=14, members_cstdcs=1
			)
		},
	)
	verdict = ttldxs(open_question, 2024, RULES_2022)
	assert (verdict.status, deciding(verdict)) == (MANUAL, ("active_in_movements", {}))


def test_collective_bk_for_two_excellent_years_or_ttldxs():
	second = replace(department(), awards=(Award(2023, TTLDXS),))
	assert bk_collective(second, 2024, RULES_BAC_NINH).status == QUALIFIED
	first = bk_collective(department(), 2024, RULES_BAC_NINH)
	assert deciding(first) == ("collective_streak", {"years": 1, "minimum": 2})
	revoked = replace(department(), awards=(Award(2023, TTLDXS, counts=False),))
	assert bk_collective(revoked, 2024, RULES_BAC_NINH).status == NOT_QUALIFIED


# ---------------------------------------------------------------- arithmetic and bad input


def test_shares_compare_exactly():
	assert share_reaches(7, 10, 0.7)
	assert not share_reaches(7, 10, 0.7, strict=True)
	assert share_reaches(11, 20, 0.5, strict=True)
	assert not share_reaches(0, 0, 0.5)


def test_unknown_values_are_refused():
	with pytest.raises(EligibilityError) as bad_rating:
		ldtt(person(good(2024, "Tốt")), 2024, RULES_2022)
	assert (bad_rating.value.code, bad_rating.value.params) == ("unknown_rating", {"rating": "Tốt"})
	with pytest.raises(EligibilityError) as bad_scope:
		replace(RULES_2022, cstdt_min_scope="Huyện")
	assert bad_scope.value.code == "unknown_scope"


# ---------------------------------------------------------------- the shipped regimes


def shipped(code: str) -> Rules:
	from thi_dua_app.legal_data import legal_regimes

	regime = next(values for values in legal_regimes() if values["regime_code"] == code)
	return rules_from_parameters(
		{row["parameter"]: (row.get("value"), row.get("text_value")) for row in regime["parameters"]}
	)


def test_the_shipped_regimes_carry_these_rules():
	assert shipped("LTDKT2013-ND91") == RULES_2017
	assert shipped("LTDKT2022-ND98") == RULES_2022
	assert shipped("LTDKT2022-ND152") == RULES_2022
	assert shipped("LTDKT2022-ND152-BN") == RULES_BAC_NINH


def test_a_regime_without_a_required_parameter_is_refused():
	with pytest.raises(EligibilityError) as missing:
		rules_from_parameters({})
	assert (missing.value.code, missing.value.params) == (
		"missing_parameter",
		{"parameter": "LDTT minimum months worked"},
	)


def test_a_year_like_this_one_again_is_what_a_nearly_eligible_person_lacks():
	"""CSTĐCS in 2016 and 2017 with a provincial initiative in 2017: CSTĐ cấp tỉnh needs a third
	year; repeated, 2018 reaches it (2013 law). Under the 2022 law, the two CSTĐCS already make the
	Bằng khen this year."""
	person = Person(
		"p",
		years={2016: PersonYear(2016, HTXSNV, 12, True), 2017: PersonYear(2017, HTXSNV, 12, True)},
		initiatives=(Initiative(2016, UNIT_SCOPE), Initiative(2017, PROVINCE_SCOPE)),
		awards=(Award(2016, CSTDCS),),
	)
	assert cstdt(person, 2017, RULES_2017).status == NOT_QUALIFIED
	projected = repeated_next_year(person, 2017, [LDTT, CSTDCS])
	assert projected.years[2018] == PersonYear(2018, HTXSNV, 12, True)
	assert Initiative(2018, PROVINCE_SCOPE) in projected.initiatives
	assert Award(2017, CSTDCS) in projected.awards
	assert cstdt(projected, 2018, RULES_2017).status == QUALIFIED
	assert bk_individual(person, 2017, RULES_2022).status == QUALIFIED
	# A discipline that runs into next year still bars it.
	barred = replace(person, disciplines=(Discipline(date(2017, 12, 1), date(2018, 6, 30)),))
	assert cstdt(repeated_next_year(barred, 2017, [LDTT, CSTDCS]), 2018, RULES_2017).status == NOT_QUALIFIED
