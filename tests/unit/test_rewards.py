"""Reward money, site-free: exact amounts with the arithmetic in a comment."""

from datetime import date
from decimal import Decimal

import pytest

from thi_dua_app.rules.rewards import (
	NEAREST,
	NO_ROUNDING,
	UP,
	RegimeSpan,
	RewardError,
	amount_in_words,
	rate_on,
	regime_for,
	reward_amount,
	round_amount,
	year_end,
)


def error_code(call, *args, **kwargs):
	with pytest.raises(RewardError) as caught:
		call(*args, **kwargs)
	return caught.value.code, caught.value.params


class TestRewardAmount:
	@pytest.mark.parametrize(
		("coefficient", "base_salary", "expected"),
		[
			(8.0, 1_300_000, 10_400_000),
			(2.0, 1_300_000, 2_600_000),
			(8.0, 2_340_000, 18_720_000),
			(0.3, 2_340_000, 710_000),  # 702,000 up to 710,000
			(0.8, 2_340_000, 1_880_000),  # 1,872,000 up
			(0.6, 2_340_000, 1_410_000),  # 1,404,000 up
			(1.5, 2_340_000, 3_510_000),
			(0.3, 2_530_000, 760_000),  # 759,000 up
			(0.8, 2_530_000, 2_030_000),  # 2,024,000 up
			(8.0, 2_530_000, 20_240_000),
		],
	)
	def test_coefficient_times_base_salary_rounded_up(self, coefficient, base_salary, expected):
		assert reward_amount(coefficient, base_salary) == expected

	def test_other_rounding_rules(self):
		# 0.3 × 2,340,000 = 702,000: nearest 10,000 is 700,000; unrounded it stays 702,000.
		assert reward_amount(0.3, 2_340_000, NEAREST) == 700_000
		assert reward_amount(0.3, 2_340_000, NO_ROUNDING) == 702_000

	def test_decimal_inputs(self):
		assert reward_amount(Decimal("0.3"), 2_340_000) == 710_000
		assert reward_amount(Decimal("0.3"), Decimal("2340000"), step=1_000) == 702_000

	def test_negative_inputs_are_refused(self):
		assert error_code(reward_amount, -1.0, 2_340_000) == (
			"negative",
			{"field": "coefficient", "value": -1.0},
		)
		assert error_code(reward_amount, 0.3, -5) == ("negative", {"field": "base_salary", "value": -5})


class TestRoundAmount:
	def test_up(self):
		assert round_amount(710_000, UP, 10_000) == 710_000
		assert round_amount(700_001, UP, 10_000) == 710_000
		assert round_amount(Decimal("0.5"), UP, 10_000) == 10_000
		assert round_amount(0, UP, 10_000) == 0

	def test_nearest_is_half_up(self):
		assert round_amount(705_000, NEAREST, 10_000) == 710_000
		assert round_amount(704_999, NEAREST, 10_000) == 700_000
		assert round_amount(Decimal("704999.5"), NEAREST, 1) == 705_000

	def test_no_rounding_keeps_whole_dong_half_up(self):
		# Through str: the float 1234.5 is 1234.5, half up 1235 (round() would give 1234).
		assert round_amount(1234.5, NO_ROUNDING, 10_000) == 1235
		assert round_amount(Decimal("1234.49"), NO_ROUNDING, 10_000) == 1234

	@pytest.mark.parametrize("step", [0, -10_000, 2.5, True])
	def test_step_must_be_a_positive_int(self, step):
		assert error_code(round_amount, 702_000, UP, step) == ("bad_step", {"step": step})

	def test_unknown_rule(self):
		assert error_code(round_amount, 702_000, "Down", 10_000) == ("unknown_rounding", {"rule": "Down"})


class TestAmountInWords:
	@pytest.mark.parametrize(
		("amount", "words"),
		[
			(0, "Không đồng"),
			(10_400_000, "Mười triệu bốn trăm nghìn đồng"),
			(20_240_000, "Hai mươi triệu hai trăm bốn mươi nghìn đồng"),
			(760_000, "Bảy trăm sáu mươi nghìn đồng"),
			(2_030_000, "Hai triệu không trăm ba mươi nghìn đồng"),
			(15, "Mười lăm đồng"),
			(21, "Hai mươi mốt đồng"),
			(25, "Hai mươi lăm đồng"),
			(11, "Mười một đồng"),
			(105, "Một trăm linh năm đồng"),
			(1_005, "Một nghìn không trăm linh năm đồng"),
			(1_000_000_000, "Một tỷ đồng"),
			(24, "Hai mươi bốn đồng"),
			(1_000_000, "Một triệu đồng"),
			(1_005_000_000, "Một tỷ không trăm linh năm triệu đồng"),
			(1_000_000_000_000, "Một nghìn tỷ đồng"),
			(10, "Mười đồng"),
			(5, "Năm đồng"),
			(1_000_010, "Một triệu không trăm mười đồng"),
			(18_720_000, "Mười tám triệu bảy trăm hai mươi nghìn đồng"),
		],
	)
	def test_words(self, amount, words):
		assert amount_in_words(amount) == words

	@pytest.mark.parametrize("amount", [-1, 1.5, True, "5", Decimal(5)])
	def test_only_a_non_negative_int(self, amount):
		assert error_code(amount_in_words, amount) == ("bad_amount", {"value": amount})


class TestRateOn:
	RATES = [(date(2024, 7, 1), 2_340_000), (date(2023, 7, 1), 1_800_000), (date(2026, 1, 1), 2_530_000)]

	def test_latest_row_on_or_before_the_date(self):
		assert rate_on(self.RATES, date(2024, 6, 30)) == 1_800_000
		assert rate_on(self.RATES, date(2024, 7, 1)) == 2_340_000
		assert rate_on(self.RATES, date(2025, 12, 31)) == 2_340_000
		assert rate_on(self.RATES, date(2030, 1, 1)) == 2_530_000

	def test_before_the_first_row_or_without_rows(self):
		on = date(2023, 6, 30)
		assert error_code(rate_on, self.RATES, on) == ("no_rate", {"on": on, "first": date(2023, 7, 1)})
		assert error_code(rate_on, [], on) == ("no_rate", {"on": on, "first": None})


class TestRegimeFor:
	REGIMES = [
		RegimeSpan("ND91", date(2017, 7, 31), date(2025, 6, 30)),
		RegimeSpan("ND152", date(2025, 7, 1)),
		RegimeSpan("BN_2025", date(2025, 7, 1), province="Bắc Ninh"),
		RegimeSpan("HN_2020", date(2020, 1, 1), province="Hà Nội"),
	]

	def test_national_by_date_with_inclusive_end(self):
		assert regime_for(self.REGIMES, date(2025, 6, 30)) == "ND91"
		assert regime_for(self.REGIMES, date(2025, 7, 1)) == "ND152"

	def test_the_province_profile_wins_over_national(self):
		assert regime_for(self.REGIMES, date(2025, 12, 31), " bắc ninh ") == "BN_2025"
		# Before its profile starts, the province follows the national regime.
		assert regime_for(self.REGIMES, date(2024, 12, 31), "Bắc Ninh") == "ND91"

	def test_another_province_profile_never_applies(self):
		assert regime_for(self.REGIMES, date(2024, 12, 31), "Hà Nội") == "HN_2020"
		assert regime_for(self.REGIMES, date(2024, 12, 31), "Đà Nẵng") == "ND91"
		assert regime_for(self.REGIMES, date(2024, 12, 31)) == "ND91"

	def test_nothing_in_force(self):
		on = date(2017, 7, 30)
		assert error_code(regime_for, self.REGIMES, on, "Bắc Ninh") == (
			"no_regime",
			{"on": on, "province": "Bắc Ninh"},
		)
		provincial_only = [RegimeSpan("HN_2020", date(2020, 1, 1), province="Hà Nội")]
		assert error_code(regime_for, provincial_only, on.replace(year=2024)) == (
			"no_regime",
			{"on": date(2024, 7, 30), "province": ""},
		)

	def test_several_equally_specific(self):
		on = date(2025, 12, 31)
		overlapping = [*self.REGIMES, RegimeSpan("BN_BIS", date(2025, 1, 1), province="BẮC NINH")]
		assert error_code(regime_for, overlapping, on, "Bắc Ninh") == (
			"several_regimes",
			{"on": on, "codes": ["BN_2025", "BN_BIS"]},
		)
		national = [*self.REGIMES, RegimeSpan("ND_X", date(2025, 12, 1), date(2025, 12, 31))]
		assert error_code(regime_for, national, on) == (
			"several_regimes",
			{"on": on, "codes": ["ND152", "ND_X"]},
		)

	def test_a_bloc_year_is_judged_at_its_end(self):
		assert year_end(2025) == date(2025, 12, 31)
		assert regime_for(self.REGIMES, year_end(2025), "Bắc Ninh") == "BN_2025"


def test_only_regular_and_movement_awards_not_revoked_count_towards_streaks():
	from thi_dua_app.rules.rewards import counts_for_streaks

	assert [
		counts_for_streaks(kind, False) for kind in ("Regular", "Movement", "Extraordinary", "Thematic")
	] == [
		1,
		1,
		0,
		0,
	]
	assert counts_for_streaks("Regular", True) == 0
