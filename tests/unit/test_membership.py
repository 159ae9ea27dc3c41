from datetime import date

import pytest

from thi_dua_app.membership import Membership, MembershipError, check_memberships, members_in_year


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
