"""The history of the units a person served in, as the province corrects it (thi_dua_app.rules.assignments):
postings in order, none overlapping, the last open while the person serves."""

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thi_dua_app.rules.assignments import MAX_POSTINGS, HistoryError, Posting, check_history, current_unit

D = date


def code_of(postings, left_on=None):
	with pytest.raises(HistoryError) as refused:
		check_history(postings, left_on)
	return refused.value.code, refused.value.params


def test_a_good_history_comes_back_in_order():
	history = [Posting("B", D(2018, 1, 1)), Posting("A", D(2010, 3, 1), D(2017, 12, 31))]
	assert check_history(history) == [history[1], history[0]]
	assert current_unit(history) == "B"


def test_what_a_history_cannot_be():
	assert code_of([])[0] == "empty"
	assert code_of([Posting("A", D(2010, 1, 1))] * (MAX_POSTINGS + 1))[0] == "too_many"
	assert code_of([Posting("", D(2010, 1, 1))]) == ("no_unit", {"row": 1})
	assert code_of([Posting("A", None)]) == ("no_start", {"row": 1})
	assert code_of([Posting("A", D(2010, 1, 1), D(2009, 1, 1))])[0] == "ends_before_start"
	# Two postings at once, or a later one while the earlier is still open.
	assert (
		code_of([Posting("A", D(2010, 1, 1), D(2015, 6, 30)), Posting("B", D(2015, 6, 30))])[0] == "overlap"
	)
	assert code_of([Posting("A", D(2010, 1, 1)), Posting("B", D(2015, 7, 1))])[0] == "overlap"
	# Still serving: the last posting is open; left: it is closed, on or before the day they left.
	assert code_of([Posting("A", D(2010, 1, 1), D(2015, 6, 30))])[0] == "closed"
	assert code_of([Posting("A", D(2010, 1, 1))], left_on=D(2020, 1, 1))[0] == "after_leaving"
	assert code_of([Posting("A", D(2010, 1, 1), D(2020, 2, 1))], left_on=D(2020, 1, 1))[0] == "after_leaving"
	assert check_history([Posting("A", D(2010, 1, 1), D(2020, 1, 1))], left_on=D(2020, 1, 1))


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))


@given(st.lists(st.tuples(st.sampled_from("ABC"), days, st.one_of(st.none(), days)), min_size=1, max_size=6))
def test_an_accepted_history_never_has_two_postings_on_one_day(rows):
	postings = [Posting(unit, start, end) for unit, start, end in rows]
	try:
		ordered = check_history(postings)
	except HistoryError:
		return
	for earlier, later in itertools.pairwise(ordered):
		assert earlier.end is not None and earlier.end < later.start
	assert ordered[-1].end is None
