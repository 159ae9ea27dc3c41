from datetime import date

import pytest

from thi_dua_app.rules.membership import (
	Membership,
	MembershipError,
	check_memberships,
	members_in_year,
	reformed,
)


def test_overlapping_periods_of_one_unit_are_refused():
	with pytest.raises(MembershipError) as caught:
		check_memberships(
			[Membership("A", date(2017, 1, 1), date(2018, 12, 31)), Membership("A", date(2018, 6, 1), None)]
		)
	assert (caught.value.code, caught.value.params) == ("overlapping_membership", {"unit": "A"})


def test_consecutive_periods_and_other_units_are_fine():
	check_memberships(
		[
			Membership("A", date(2017, 1, 1), date(2017, 12, 31)),
			Membership("A", date(2018, 1, 1), None),
			Membership("B", None, None),
		]
	)


def test_an_open_period_overlaps_everything_after_it():
	with pytest.raises(MembershipError):
		check_memberships([Membership("A", None, None), Membership("A", date(2030, 1, 1), None)])


def test_reversed_period_is_refused():
	with pytest.raises(MembershipError) as caught:
		check_memberships([Membership("A", date(2018, 1, 1), date(2017, 1, 1))])
	assert caught.value.code == "period_reversed"


def test_members_in_year_keeps_order_and_drops_units_outside_the_year():
	memberships = [
		Membership("A", date(2015, 1, 1), None),
		Membership("Left", date(2010, 1, 1), date(2016, 12, 31)),
		Membership("Joined", date(2017, 11, 1), None),
		Membership("Later", date(2018, 1, 1), None),
	]
	assert members_in_year(memberships, 2017) == ["A", "Joined"]


# ---------------------------------------------------------------- re-formed after mergers


def test_a_merger_closes_the_merged_units_and_brings_in_the_successor():
	d = date
	bloc = [
		Membership("TNMT", d(2017, 1, 1)),
		Membership("NNPTNT", d(2017, 1, 1)),
		Membership("TC", d(2017, 1, 1)),
	]
	merged = {"TNMT": ("NNMT", d(2025, 3, 1)), "NNPTNT": ("NNMT", d(2025, 3, 1))}
	assert reformed(bloc, merged) == [
		Membership("TNMT", d(2017, 1, 1), d(2025, 2, 28)),
		Membership("NNPTNT", d(2017, 1, 1), d(2025, 2, 28)),
		Membership("TC", d(2017, 1, 1)),
		Membership("NNMT", d(2025, 3, 1)),
	]
	assert members_in_year(reformed(bloc, merged), 2026) == ["TC", "NNMT"]
	assert members_in_year(reformed(bloc, merged), 2025) == ["TNMT", "NNPTNT", "TC", "NNMT"]


def test_re_forming_twice_changes_nothing_more_and_chains_are_followed():
	d = date
	bloc = [Membership("A", d(2017, 1, 1))]
	links = {"A": ("B", d(2020, 1, 1)), "B": ("C", d(2023, 1, 1))}
	once = reformed(bloc, links)
	assert once == [
		Membership("A", d(2017, 1, 1), d(2019, 12, 31)),
		Membership("B", d(2020, 1, 1), d(2022, 12, 31)),
		Membership("C", d(2023, 1, 1)),
	]
	assert reformed(once, links) == once
	check_memberships(once)


def test_a_membership_over_before_the_merger_or_a_successor_already_there_is_left_alone():
	d = date
	bloc = [Membership("A", d(2017, 1, 1), d(2018, 12, 31)), Membership("B", d(2017, 1, 1))]
	assert reformed(bloc, {"A": ("B", d(2025, 1, 1))}) == bloc
	bloc = [Membership("A", d(2017, 1, 1)), Membership("B", d(2017, 1, 1))]
	assert reformed(bloc, {"A": ("B", d(2025, 1, 1))}) == [
		Membership("A", d(2017, 1, 1), d(2024, 12, 31)),
		Membership("B", d(2017, 1, 1)),
	]
