from datetime import date

import pytest

from thi_dua_app.formatting import vn_long_date, vn_number, vn_short_date


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
