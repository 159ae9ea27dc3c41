"""What a legal regime's values must look like before the app relies on them.

A regime is data an administrator edits (thi_dua_app.legal_data seeds it); this module says which
scalar parameters exist, what kind of value each takes, and which rows may not repeat. A broken
rule is reported as ``RegimeError(code, **params)``; the controller turns it into a translated
message. Pure Python, no frappe import.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from thi_dua_app.rules.rewards import ROUNDING_RULES

BLOC_MEETING_QUORUM = "Bloc meeting quorum"
COUNCIL_QUORUM = "Provincial council quorum"
REWARD_ROUNDING = "Reward rounding"
ROUNDING_STEP = "Rounding step"
DOSSIER_DEADLINE = "Dossier deadline"
# The province forwards its Government emulation flag candidates by this day of the next year.
GOVERNMENT_FLAG_DEADLINE = "Government flag deadline"

# What the titles of people and sub-units ask (thi_dua_app.rules.eligibility.Rules).
LDTT_MIN_MONTHS = "LDTT minimum months worked"
CSTDCS_NEEDS_INITIATIVE = "CSTDCS needs an initiative"
CSTDCS_SHARE = "CSTDCS share of LDTT"
CSTDT_CSTDCS_YEARS = "CSTDT consecutive CSTDCS"
CSTDT_SCOPE = "CSTDT initiative scope"
BK_CSTDCS_YEARS = "Individual Bang khen consecutive CSTDCS"
BK_EXCELLENT_YEARS = "Individual Bang khen excellent years"
BK_INITIATIVES = "Individual Bang khen initiatives"
BK_COLLECTIVE_YEARS = "Collective Bang khen excellent years"
TTLDTT_SHARE = "TTLDTT share of LDTT"
TTLDTT_SHARE_STRICT = "TTLDTT share strictly above"
TTLDTT_ALL_COMPLETE = "TTLDTT all members complete duties"
TTLDXS_SHARE = "TTLDXS share of LDTT"
TTLDXS_CSTDCS = "TTLDXS CSTDCS members"
NO_CAUTIONED_MEMBER = "Collective titles bar a cautioned member"
# Whether a unit formed by a merger counts its predecessors' years of a collective award.
SUCCESSOR_INHERITS_STREAKS = "Successor inherits collective streaks"
# Whether a person or division the unit did not register for a title is still considered for it.
UNREGISTERED_CONSIDERED = "Unregistered still considered"

PERCENT = "percent"
POSITIVE_WHOLE = "positive whole number"
ROUNDING = "rounding rule"
DAY_MONTH = "day/month"
YES_NO = "yes (1) or no (0)"
SCOPE = "scope"
SCOPES = ("Unit", "Province", "National")
PARAMETERS = {
	BLOC_MEETING_QUORUM: PERCENT,
	COUNCIL_QUORUM: PERCENT,
	REWARD_ROUNDING: ROUNDING,
	ROUNDING_STEP: POSITIVE_WHOLE,
	DOSSIER_DEADLINE: DAY_MONTH,
	GOVERNMENT_FLAG_DEADLINE: DAY_MONTH,
	LDTT_MIN_MONTHS: POSITIVE_WHOLE,
	CSTDCS_NEEDS_INITIATIVE: YES_NO,
	CSTDCS_SHARE: PERCENT,
	CSTDT_CSTDCS_YEARS: POSITIVE_WHOLE,
	CSTDT_SCOPE: SCOPE,
	BK_CSTDCS_YEARS: POSITIVE_WHOLE,
	BK_EXCELLENT_YEARS: POSITIVE_WHOLE,
	BK_INITIATIVES: POSITIVE_WHOLE,
	BK_COLLECTIVE_YEARS: POSITIVE_WHOLE,
	TTLDTT_SHARE: PERCENT,
	TTLDTT_SHARE_STRICT: YES_NO,
	TTLDTT_ALL_COMPLETE: YES_NO,
	TTLDXS_SHARE: PERCENT,
	TTLDXS_CSTDCS: POSITIVE_WHOLE,
	NO_CAUTIONED_MEMBER: YES_NO,
	SUCCESSOR_INHERITS_STREAKS: YES_NO,
	UNREGISTERED_CONSIDERED: YES_NO,
}

BLOC_MEETING = "Bloc meeting"
COUNCIL = "Provincial council"
UNIT_COUNCIL = "Unit council"
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
	if kind == YES_NO and value not in (0, 1):
		raise RegimeError("bad_yes_no", parameter=parameter, value=value)
	if kind == SCOPE and text not in SCOPES:
		raise RegimeError("bad_scope", parameter=parameter, value=text, scopes=", ".join(SCOPES))


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
