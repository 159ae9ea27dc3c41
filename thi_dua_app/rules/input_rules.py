"""What a value sent by a client must look like for each kind of field, before anything reads it.

Pure Python: no frappe import. Each check returns None when the value is acceptable, else the
reason in English (``WHY``), which the caller translates. Values the database hands back (dates,
times, decimals) are acceptable as they are; only what cannot be stored as the field's kind is
refused — never coerced ("abc" is not a score of 0, 2.7 occurrences are not 2).
"""

from __future__ import annotations

import datetime
import decimal
import math
import re

NUMBER = "must be a number"
WHOLE_NUMBER = "must be a whole number"
DATE = "must be a date (YYYY-MM-DD)"
DATETIME = "must be a date and time (YYYY-MM-DD HH:MM:SS)"
TIME = "must be a time (HH:MM:SS)"
TEXT = "must be text"
TOO_LONG = "is too long"
OUT_OF_RANGE = "is out of range"
CHECK = "must be 0 or 1"
ROWS = "must be a list of rows"
ROW = "must be a row (an object of fields)"
WHY = (NUMBER, WHOLE_NUMBER, DATE, DATETIME, TIME, TEXT, TOO_LONG, OUT_OF_RANGE, CHECK, ROWS, ROW)

NUMERIC = frozenset({"Int", "Float", "Currency", "Percent", "Check", "Rating", "Duration"})
INTEGRAL = frozenset({"Int", "Check"})
# What the columns hold (Frappe 15 on MariaDB): Int is a signed 32-bit int, the decimal kinds are
# decimal(21,9) — under 10^12 — and Rating is decimal(3,2).
INT_RANGE = (-(2**31), 2**31 - 1)
DECIMAL_LIMIT = 10**12
RATING_LIMIT = 10
TEXTUAL = frozenset(
	{
		"Data",
		"Link",
		"Dynamic Link",
		"Select",
		"Small Text",
		"Text",
		"Long Text",
		"Text Editor",
		"HTML Editor",
		"Markdown Editor",
		"Code",
		"Attach",
		"Attach Image",
		"Read Only",
		"Phone",
		"Autocomplete",
		"Color",
		"Barcode",
		"Signature",
		"Password",
		"JSON",
		"Geolocation",
		"Icon",
	}
)
# What the columns hold (Frappe 15 on MariaDB): `text` 65,535 bytes; varchar its length in
# characters (140 unless the field says); longtext and json are not limited here.
TEXT_BYTES = frozenset({"Small Text", "Text", "Password", "Attach", "Attach Image"})
VARCHAR_DEFAULT = 140
VARCHAR_KINDS = frozenset(
	{"Data", "Link", "Dynamic Link", "Select", "Read Only", "Color", "Icon", "Phone", "Autocomplete"}
)
TEXT_COLUMN_BYTES = 65535

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")
_TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")


def _number(value) -> float | None:
	if isinstance(value, bool):
		return float(value)
	if isinstance(value, int | float | decimal.Decimal):
		number = float(value)
	elif isinstance(value, str):
		try:
			number = float(value.strip())
		except ValueError:
			return None
	else:
		return None
	return number if math.isfinite(number) else None


def check_value(fieldtype: str, value, length: int | None = None) -> str | None:
	"""Why ``value`` cannot be stored in a field of ``fieldtype`` (None: it can)."""
	if value is None or value == "":
		return None
	if fieldtype in NUMERIC:
		number = _number(value)
		if number is None:
			return NUMBER
		if fieldtype in INTEGRAL and number != int(number):
			return WHOLE_NUMBER
		if fieldtype == "Check":
			return None if number in (0, 1) else CHECK
		if fieldtype == "Int":
			return None if INT_RANGE[0] <= number <= INT_RANGE[1] else OUT_OF_RANGE
		limit = RATING_LIMIT if fieldtype == "Rating" else DECIMAL_LIMIT
		return None if abs(number) < limit else OUT_OF_RANGE
	if fieldtype == "Date":
		if isinstance(value, datetime.date):
			return None
		return _parses(value, _DATE, lambda text: datetime.datetime.strptime(text, "%Y-%m-%d"), DATE)
	if fieldtype == "Datetime":
		if isinstance(value, datetime.datetime | datetime.date):
			return None
		return _parses(
			value, _DATETIME, lambda text: datetime.datetime.fromisoformat(text.replace("T", " ")), DATETIME
		)
	if fieldtype == "Time":
		if isinstance(value, datetime.time | datetime.timedelta):
			return None
		return None if isinstance(value, str) and _TIME.match(value) else TIME
	if fieldtype in TEXTUAL:
		if not isinstance(value, str):
			return TEXT
		text = value
		if fieldtype in VARCHAR_KINDS and len(text) > (length or VARCHAR_DEFAULT):
			return TOO_LONG
		if fieldtype in TEXT_BYTES and len(text.encode("utf-8")) > TEXT_COLUMN_BYTES:
			return TOO_LONG
	return None


def check_rows(value) -> str | None:
	"""Why ``value`` cannot be the rows of a table field (None: it can)."""
	if value is None:
		return None
	if not isinstance(value, list | tuple):
		return ROWS
	return None


def _parses(value, pattern, parse, why: str) -> str | None:
	if not isinstance(value, str) or not pattern.match(value):
		return why
	try:
		parse(value)
	except ValueError:
		return why
	return None


FILTERS = "must be filters: an object of field: value, or a list of [field, operator, value]"
SCALAR = (str, int, float, decimal.Decimal, bool, type(None))


def _filter_value(value) -> bool:
	if isinstance(value, SCALAR):
		return not isinstance(value, float) or math.isfinite(value)
	return isinstance(value, list | tuple) and all(
		isinstance(item, SCALAR) and (not isinstance(item, float) or math.isfinite(item)) for item in value
	)


SCALAR_OPERATORS = frozenset({"=", "!=", "<", ">", "<=", ">=", "like", "not like", "timespan"})
LIST_OPERATORS = frozenset({"in", "not in"})
TREE_OPERATORS = frozenset({"descendants of", "ancestors of", "not descendants of", "not ancestors of"})


def _condition(operator, value) -> bool:
	"""Whether one filter's operator and value are of a shape Frappe can turn into SQL."""
	if not isinstance(operator, str):
		return False
	operator = operator.strip().lower()
	if operator in SCALAR_OPERATORS or operator in TREE_OPERATORS:
		return isinstance(value, SCALAR) and _filter_value(value)
	if operator in LIST_OPERATORS:
		return _filter_value(value)
	if operator == "between":
		return isinstance(value, list | tuple) and len(value) == 2 and _filter_value(value)
	if operator == "is":
		return value in ("set", "not set")
	return False


def check_filters(filters) -> str | None:
	"""Why ``filters`` (already parsed from JSON) are not list filters Frappe can turn into SQL."""
	if filters is None or filters == "":
		return None
	if isinstance(filters, dict):
		for field, value in filters.items():
			if not isinstance(field, str):
				return FILTERS
			if isinstance(value, list | tuple):
				if len(value) != 2 or not _condition(value[0], value[1]):
					return FILTERS
			elif not _filter_value(value):
				return FILTERS
		return None
	if isinstance(filters, list | tuple):
		for item in filters:
			if isinstance(item, dict):
				if check_filters(item):
					return FILTERS
				continue
			if not isinstance(item, list | tuple) or not 3 <= len(item) <= 4:
				return FILTERS
			if not all(isinstance(part, str) for part in item[:-1]) or not _condition(item[-2], item[-1]):
				return FILTERS
		return None
	return FILTERS


# How deep the lists and objects of a JSON argument may nest: the desk's deepest (filters inside a
# report's saved settings) stay under ten; Python's JSON reader fails at about a thousand.
JSON_NESTING_LIMIT = 64


def json_nesting(text: str) -> int:
	"""How deep the lists and objects of a JSON text nest (brackets inside strings do not count),
	read in one pass without parsing, so that no depth can exhaust the reader."""
	depth = deepest = 0
	in_string = escaped = False
	for char in text:
		if in_string:
			if escaped:
				escaped = False
			elif char == "\\":
				escaped = True
			elif char == '"':
				in_string = False
		elif char == '"':
			in_string = True
		elif char in "[{":
			depth += 1
			deepest = max(deepest, depth)
		elif char in "]}":
			depth -= 1
	return deepest
