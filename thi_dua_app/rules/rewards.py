"""Reward money: the amount of an award, rounded, written in Vietnamese words, and the rows in force on a date.

Pure Python: nothing here imports frappe. A broken rule is reported as ``RewardError(code, **params)``;
the caller turns the code into a translated message.

    amount = coefficient × base salary (mức lương cơ sở), rounded up to the step (10,000 đ by default)

The coefficients come from the award regime (e.g. Nghị định 152/2025/NĐ-CP, Điều 49). The base salary
and the regime change over time; the row in force on the relevant date applies, and a bloc year is
judged by the rules in force on its last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

UP = "Up"
NEAREST = "Nearest"
NO_ROUNDING = "None"
ROUNDING_RULES = (UP, NEAREST, NO_ROUNDING)

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000


class RewardError(ValueError):
	"""A reward rule was broken. ``code`` names the rule, ``params`` fill its message."""

	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class RegimeSpan:
	code: str
	valid_from: date
	# Inclusive; None = still in force.
	valid_to: date | None = None
	# "" = national; else the province whose own profile this is (e.g. "Bắc Ninh").
	province: str = ""


def _decimal(value) -> Decimal:
	# Through str so that 0.3 is 0.3, not 0.299999999999999988897769753748...
	if isinstance(value, Decimal):
		return value
	if isinstance(value, int):
		return Decimal(value)
	return Decimal(str(value))


def round_amount(amount, rule: str, step: int) -> int:
	"""Round an amount in đồng: UP to the next multiple of ``step``, NEAREST (half up), or to the đồng."""
	if rule not in ROUNDING_RULES:
		raise RewardError("unknown_rounding", rule=rule)
	if isinstance(step, bool) or not isinstance(step, int) or step <= 0:
		raise RewardError("bad_step", step=step)
	value = _decimal(amount)
	if rule == NO_ROUNDING:
		return int(value.quantize(Decimal(1), ROUND_HALF_UP))
	mode = ROUND_CEILING if rule == UP else ROUND_HALF_UP
	return int((value / step).quantize(Decimal(1), mode)) * step


def reward_amount(coefficient, base_salary, rule: str = UP, step: int = 10_000) -> int:
	"""coefficient × base salary in đồng, rounded by ``rule`` to ``step``."""
	if _decimal(coefficient) < 0:
		raise RewardError("negative", field="coefficient", value=coefficient)
	if _decimal(base_salary) < 0:
		raise RewardError("negative", field="base_salary", value=base_salary)
	return round_amount(_decimal(coefficient) * _decimal(base_salary), rule, step)


def _group_words(number: int, full: bool) -> list[str]:
	"""Words for 1 … 999; ``full`` says the hundreds even when 0 (a group after a larger one)."""
	hundreds, rest = divmod(number, 100)
	tens, units = divmod(rest, 10)
	words: list[str] = []
	if full or hundreds:
		words += [_DIGITS[hundreds], "trăm"]
	if tens == 0:
		if units:
			words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
	elif tens == 1:
		words.append("mười")
		if units:
			words.append("lăm" if units == 5 else _DIGITS[units])
	else:
		words += [_DIGITS[tens], "mươi"]
		if units == 1:
			words.append("mốt")
		elif units == 5:
			words.append("lăm")
		elif units:
			words.append(_DIGITS[units])
	return words


def _below_billion_words(number: int, leading: bool) -> list[str]:
	words: list[str] = []
	full = not leading
	millions, rest = divmod(number, 1_000_000)
	thousands, units = divmod(rest, 1_000)
	for group, name in ((millions, "triệu"), (thousands, "nghìn"), (units, "")):
		if not group:
			continue
		words += _group_words(group, full)
		if name:
			words.append(name)
		full = True
	return words


def _words(number: int, leading: bool) -> list[str]:
	# Above a billion the count of billions is read on its own ("một nghìn tỷ"), then the rest.
	if number >= _BILLION:
		billions, rest = divmod(number, _BILLION)
		return [*_words(billions, leading), "tỷ", *_below_billion_words(rest, leading=False)]
	return _below_billion_words(number, leading)


def amount_in_words(amount: int) -> str:
	"""A whole number of đồng in Vietnamese words, capitalised, e.g. "Mười triệu bốn trăm nghìn đồng"."""
	if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
		raise RewardError("bad_amount", value=amount)
	text = " ".join(_words(amount, leading=True)) if amount else "không"
	return f"{text[0].upper()}{text[1:]} đồng"


def rate_on(rates: Sequence[tuple[date, int]], on: date) -> int:
	"""The amount of the row with the latest ``effective_from`` on or before ``on``; rows in any order."""
	if not rates:
		raise RewardError("no_rate", on=on, first=None)
	in_force = [row for row in rates if row[0] <= on]
	if not in_force:
		raise RewardError("no_rate", on=on, first=min(row[0] for row in rates))
	return max(in_force, key=lambda row: row[0])[1]


def _province_key(province: str) -> str:
	return province.strip().casefold()


def regime_for(regimes: Sequence[RegimeSpan], on: date, province: str = "") -> str:
	"""The code of the regime in force on ``on``: the province's own profile over a national one."""
	in_force = [
		span for span in regimes if span.valid_from <= on and (span.valid_to is None or on <= span.valid_to)
	]
	wanted = _province_key(province)
	national = [span for span in in_force if not _province_key(span.province)]
	provincial = [span for span in in_force if wanted and _province_key(span.province) == wanted]
	chosen = provincial or national
	if not chosen:
		raise RewardError("no_regime", on=on, province=province)
	if len(chosen) > 1:
		raise RewardError("several_regimes", on=on, codes=sorted(span.code for span in chosen))
	return chosen[0].code


def year_end(year: int) -> date:
	"""31 December of ``year``: a bloc year is judged by the rules in force at its end."""
	return date(year, 12, 31)


# Kinds of award whose records count towards consecutive years; extraordinary and thematic awards
# do not (NĐ 152/2025 Điều 4.3).
COUNTING_TYPES = ("Regular", "Movement")


def counts_for_streaks(award_type: str, revoked: bool) -> int:
	"""Whether an award record counts towards consecutive years: by its kind, and never once revoked."""
	return int(award_type in COUNTING_TYPES and not revoked)
