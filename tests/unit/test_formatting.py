from datetime import date

import pytest

from thi_dua_app.rules.formatting import paginate_rows, printed_lines, vn_long_date, vn_number, vn_short_date


@pytest.mark.parametrize(
	("value", "text"),
	[
		(92.5, "92,5"),
		(100, "100"),
		(86.25, "86,25"),
		(0.125, "0,13"),  # half up
		(10400000, "10.400.000"),
		(-1.5, "-1,5"),
		(0, "0"),
		(None, ""),
	],
)
def test_vn_number(value, text):
	assert vn_number(value) == text


def test_vn_number_keeps_zeros_when_asked():
	assert vn_number(92, keep_zeros=True) == "92,00"


@pytest.mark.parametrize(
	("value", "text"),
	[
		(date(2017, 3, 7), "Bắc Ninh, ngày 07 tháng 3 năm 2017"),
		("2018-01-05", "Bắc Ninh, ngày 05 tháng 01 năm 2018"),  # months 1 and 2 take a zero
		("2017-12-20", "Bắc Ninh, ngày 20 tháng 12 năm 2017"),
	],
)
def test_vn_long_date(value, text):
	assert vn_long_date(value, "Bắc Ninh") == text


def test_vn_long_date_without_date_leaves_blanks():
	assert vn_long_date(None, "Bắc Ninh") == "Bắc Ninh, ngày … tháng … năm …"


def test_vn_short_date():
	assert vn_short_date("2017-03-07") == "07/03/2017"


def test_paginate_fills_the_first_page_less():
	rows = [{"weight": 1} for _ in range(10)]
	assert [len(page) for page in paginate_rows(rows, first=3, rest=4)] == [3, 4, 3]


def test_paginate_moves_a_tall_row_to_the_next_page():
	rows = [{"weight": 2}, {"weight": 2}, {"weight": 3}]
	assert [[row["weight"] for row in page] for page in paginate_rows(rows, first=5, rest=5)] == [[2, 2], [3]]


def test_paginate_keeps_an_oversized_row_on_its_own_page():
	assert [len(page) for page in paginate_rows([{"weight": 9}, {"weight": 1}], first=4, rest=4)] == [1, 1]


def test_printed_lines_is_the_tallest_cell():
	assert printed_lines("x" * 100, "short", width=48) == 3
	assert printed_lines("", None) == 1


def test_times_of_day_as_minutes_write_them():
	from datetime import timedelta

	from thi_dua_app.rules.formatting import vn_time

	assert vn_time("08:00:00") == "08 giờ 00"
	assert vn_time(timedelta(hours=14, minutes=5)) == "14 giờ 05"
	assert vn_time("7:30") == "07 giờ 30"
	assert vn_time(None) == "" and vn_time("") == "" and vn_time("noon") == ""
