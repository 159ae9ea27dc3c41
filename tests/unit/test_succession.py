"""Units that merge: predecessors through several successions, circular chains refused, and
consecutive years across a succession only when the successor inherits them."""

from datetime import date

import pytest

from thi_dua_app.rules.succession import (
	Succession,
	SuccessionError,
	check_succession,
	predecessors,
	streak,
	years_with_award,
)

MERGER = date(2025, 7, 1)
LINKS = [
	Succession("STNMT", "SNNMT", MERGER),
	Succession("SNNPTNT", "SNNMT", MERGER),
	Succession("Chi cục A", "STNMT", date(2019, 1, 1)),
]


def test_predecessors_are_found_through_every_succession_nearest_first():
	assert [link.predecessor for link in predecessors("SNNMT", LINKS)] == ["SNNPTNT", "STNMT", "Chi cục A"]
	assert predecessors("Chi cục A", LINKS) == []


def test_cyclic_links_end():
	cyclic = [Succession("A", "B"), Succession("B", "A")]
	assert [link.predecessor for link in predecessors("A", cyclic)] == ["B"]


def test_a_unit_is_not_its_own_successor_nor_reached_again():
	with pytest.raises(SuccessionError) as error:
		check_succession("STNMT", "STNMT", LINKS)
	assert error.value.code == "own_successor"
	with pytest.raises(SuccessionError) as error:
		check_succession("SNNMT", "Chi cục A", LINKS)
	assert error.value.code == "circular_succession"
	check_succession("SNNMT", "Sở mới", LINKS)
	check_succession("STNMT", None, LINKS)
	# Changing a unit's own successor is judged without its stored link.
	check_succession("STNMT", "SNNPTNT", LINKS)


def test_a_successor_counts_its_predecessors_years_only_when_it_inherits_them():
	years_of = {"STNMT": {2022, 2023, 2024, 2025}, "SNNMT": {2025}}
	assert years_with_award("SNNMT", years_of, LINKS, inherit=False) == {2025}
	# The predecessor's 2025 ended after the merger: the successor's year, not the predecessor's.
	assert years_with_award("SNNMT", years_of, LINKS, inherit=True) == {2022, 2023, 2024, 2025}
	assert streak(years_with_award("SNNMT", years_of, LINKS, inherit=True), 2025) == 4
	assert streak(years_with_award("SNNMT", years_of, LINKS, inherit=False), 2025) == 1


def test_a_merger_on_the_first_of_january_takes_the_whole_previous_year():
	links = [Succession("P", "S", date(2025, 1, 1))]
	assert years_with_award("S", {"P": {2024, 2025}}, links, inherit=True) == {2024}


def test_streak_counts_back_from_the_year_and_stops_at_a_gap():
	assert streak({2020, 2021, 2023, 2024}, 2024) == 2
	assert streak({2020}, 2024) == 0
