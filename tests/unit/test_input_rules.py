"""What a client may send for each kind of field: refused, never coerced."""

import datetime
import decimal

import pytest

from thi_dua_app.rules.input_rules import (
	CHECK,
	DATE,
	DATETIME,
	NUMBER,
	OUT_OF_RANGE,
	ROWS,
	TEXT,
	TIME,
	TOO_LONG,
	WHOLE_NUMBER,
	check_rows,
	check_value,
)


@pytest.mark.parametrize(
	"fieldtype, value, why",
	[
		("Float", "abc", NUMBER),
		("Float", "9,5", NUMBER),  # a decimal comma is not read as 95
		("Float", "1,000", NUMBER),
		("Float", float("nan"), NUMBER),
		("Float", "NaN", NUMBER),
		("Float", float("inf"), NUMBER),
		("Float", "-Infinity", NUMBER),
		("Float", {"a": 1}, NUMBER),
		("Float", [1], NUMBER),
		("Int", 2.7, WHOLE_NUMBER),
		("Int", "2.7", WHOLE_NUMBER),
		("Check", 0.5, WHOLE_NUMBER),
		("Check", 2, CHECK),
		("Int", 2**31, OUT_OF_RANGE),
		("Int", -(2**31) - 1, OUT_OF_RANGE),
		("Float", 10**12, OUT_OF_RANGE),
		("Float", "-1e15", OUT_OF_RANGE),
		("Date", "2017-13-45", DATE),
		("Date", "07/03/2017", DATE),
		("Date", 20170307, DATE),
		("Datetime", "2017-02-30 10:00:00", DATETIME),
		("Time", "soon", TIME),
		("Link", ["x"], TEXT),
		("Link", {"a": 1}, TEXT),
		("Select", True, TEXT),
		("Small Text", 1, TEXT),
		("Data", 2.5, TEXT),
		("Data", "x" * 141, TOO_LONG),
		("Small Text", "ư" * 40000, TOO_LONG),
		("Attach", ["/private/files/x"], TEXT),
		("Attach", "/private/files/" + "x" * 70000, TOO_LONG),
	],
)
def test_refused(fieldtype, value, why):
	assert check_value(fieldtype, value) == why


@pytest.mark.parametrize(
	"fieldtype, value",
	[
		("Float", 9.5),
		("Float", "9.5"),
		("Float", decimal.Decimal("9.5")),
		("Float", None),
		("Float", ""),
		("Int", 2),
		("Int", 2.0),
		("Int", "3"),
		("Int", 2**31 - 1),
		("Float", 999999999999.5),
		("Check", True),
		("Date", "2017-03-07"),
		("Date", datetime.date(2017, 3, 7)),
		("Datetime", "2017-03-07 10:00:00.123456"),
		("Datetime", datetime.datetime(2017, 3, 7, 10)),
		("Time", datetime.timedelta(hours=3)),
		("Time", "10:30:00"),
		("Link", "Sở Xây dựng"),
		("Data", "x" * 140),
		("Small Text", "ư" * 20000),
		("Long Text", "x" * 200000),
		("Text Editor", "x" * 200000),
		("Attach", "/private/files/" + "x" * 500),
	],
)
def test_accepted(fieldtype, value):
	assert check_value(fieldtype, value) is None


def test_a_varchar_field_of_its_own_length():
	assert check_value("Data", "x" * 200, length=255) is None
	assert check_value("Data", "x" * 256, length=255) == TOO_LONG


def test_rows():
	assert check_rows("notalist") == ROWS
	assert check_rows({"a": 1}) == ROWS
	assert check_rows([{"a": 1}]) is None
	assert check_rows(None) is None


def test_json_nesting_is_counted_without_parsing():
	from thi_dua_app.rules.input_rules import JSON_NESTING_LIMIT, json_nesting

	assert json_nesting('{"a": [1, 2, {"b": []}]}') == 4
	assert json_nesting('["[[[[", "{{{"]') == 1  # brackets inside strings do not count
	assert json_nesting('["a\\"[[[", 1]') == 1  # nor after an escaped quote
	assert json_nesting("plain text") == 0
	deep = "[" * 100_000 + "]" * 100_000  # would exhaust Python's JSON reader
	assert json_nesting(deep) == 100_000 > JSON_NESTING_LIMIT
