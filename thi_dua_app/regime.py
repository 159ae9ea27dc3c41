"""What a legal regime's values must look like before the app relies on them.

A regime is data an administrator edits (thi_dua_app.legal_data seeds it); this module says which
scalar parameters exist, what kind of value each takes, and which rows may not repeat. A broken
rule is reported as ``RegimeError(code, **params)``; the controller turns it into a translated
message. Pure Python, no frappe import.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from thi_dua_app.rewards import ROUNDING_RULES

BLOC_MEETING_QUORUM = "Bloc meeting quorum"
COUNCIL_QUORUM = "Provincial council quorum"
REWARD_ROUNDING = "Reward rounding"
ROUNDING_STEP = "Rounding step"
DOSSIER_DEADLINE = "Dossier deadline"
# The province forwards its Government emulation flag candidates by this day of the next year.
GOVERNMENT_FLAG_DEADLINE = "Government flag deadline"

PERCENT = "percent"
POSITIVE_WHOLE = "positive whole number"
ROUNDING = "rounding rule"
DAY_MONTH = "day/month"
PARAMETERS = {
	BLOC_MEETING_QUORUM: PERCENT,
	COUNCIL_QUORUM: PERCENT,
	REWARD_ROUNDING: ROUNDING,
	ROUNDING_STEP: POSITIVE_WHOLE,
	DOSSIER_DEADLINE: DAY_MONTH,
	GOVERNMENT_FLAG_DEADLINE: DAY_MONTH,
}

BLOC_MEETING = "Bloc meeting"
COUNCIL = "Provincial council"
PER_BLOC = "Per bloc"
PROVINCE = "Province"


class RegimeError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


def day_month(text: str) -> tuple[int, int]:
	"""``"10/12"`` → (10, 12); checked against a leap year, so 29/02 is a valid deadline."""
	try:
		day, month = (int(part) for part in str(text).strip().split("/"))
		date(2024, month, day)
	except (TypeError, ValueError) as error:
		raise RegimeError("bad_day_month", value=text) from error
	return day, month


def deadline_in(text: str, year: int) -> date:
	"""The deadline of a bloc year's dossier: the day and month, in that year (29/02 → 28/02 when
	the year has no 29 February)."""
	day, month = day_month(text)
	if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
		day = 28
	return date(year, month, day)


def check_parameter(parameter: str, value: float | None, text: str | None) -> None:
	kind = PARAMETERS.get(parameter)
	if kind is None:
		raise RegimeError("unknown_parameter", parameter=parameter)
	if kind == PERCENT and not (value is not None and 0 < value <= 100):
		raise RegimeError("bad_percent", parameter=parameter, value=value)
	if kind == POSITIVE_WHOLE and not (value is not None and value >= 1 and float(value).is_integer()):
		raise RegimeError("bad_whole", parameter=parameter, value=value)
	if kind == ROUNDING and text not in ROUNDING_RULES:
		raise RegimeError("bad_rounding", parameter=parameter, value=text, rules=", ".join(ROUNDING_RULES))
	if kind == DAY_MONTH:
		day_month(text or "")


def check_no_repeats(rows: Iterable[tuple], what: str) -> None:
	"""Each key (a form and the body that votes on it, a form and a scope, a form and a kind of
	recipient, a parameter) appears once: two rows would leave the answer to the order of rows."""
	seen = set()
	for row in rows:
		if row in seen:
			raise RegimeError("repeated", what=what, key=" / ".join(str(part) for part in row))
		seen.add(row)


def check_period(valid_from: date, valid_to: date | None) -> None:
	if valid_to is not None and valid_to < valid_from:
		raise RegimeError("period_reversed", valid_from=valid_from, valid_to=valid_to)


def overlaps(first: tuple[date, date | None], second: tuple[date, date | None]) -> bool:
	start = max(first[0], second[0])
	ends = [end for end in (first[1], second[1]) if end is not None]
	return not ends or start <= min(ends)
