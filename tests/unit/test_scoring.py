"""The scoring rules, site-free: exact numbers with the arithmetic in a comment."""

import pytest

from thi_dua_app.rules.scoring import (
	BASE,
	BONUS,
	DEDUCTION,
	DEDUCTION_POINTS,
	DISQUALIFIER,
	GROUP_SCORE,
	NUMBER,
	PERCENT,
	YES_NO,
	Band,
	Criterion,
	Entry,
	GroupSubtotal,
	ScoringError,
	Standing,
	TieBreak,
	check_bands,
	check_scoring_table,
	classify,
	compute_totals,
	group_subtotals,
	rank,
	target_met,
)

GROUPS = ["I", "II", "V", "VI", "VII"]
CRITERIA = [
	Criterion("I.1", "I", BASE, 30),
	Criterion("I.2", "I", BASE, 20),
	Criterion("II.1", "II", BASE, 50),
	Criterion("V.1", "V", BONUS, max_points=4, points_per_occurrence=2),
	Criterion("V.2", "V", BONUS, max_points=3, points_per_occurrence=3),
	Criterion("VI.1", "VI", DEDUCTION, points_per_occurrence=0.5),
	Criterion("VII.1", "VII", DISQUALIFIER),
]
BANDS = [Band("Xuất sắc", 90, 105), Band("Tốt", 70, 90), Band("Đạt", 50, 70), Band("Chưa đạt", 0, 50)]


def error_code(call, *args, **kwargs):
	with pytest.raises(ScoringError) as caught:
		call(*args, **kwargs)
	return caught.value.code, caught.value.params


class TestScoringTable:
	def test_a_sound_table_passes(self):
		check_scoring_table(GROUPS, CRITERIA, 100, 5, BANDS, [TieBreak(GROUP_SCORE, "I")])

	def test_base_maxima_must_add_up_to_the_scale(self):
		short = [c for c in CRITERIA if c.code != "I.2"]
		assert error_code(check_scoring_table, GROUPS, short, 100, 5) == (
			"base_total_mismatch",
			{"total": 80.0, "scale": 100},
		)

	def test_a_thousand_point_scale_is_allowed_and_fifty_is_not(self):
		tenfold = [
			Criterion(c.code, c.group, c.kind, c.max_points * 10, c.points_per_occurrence * 10)
			for c in CRITERIA
		]
		check_scoring_table(GROUPS, tenfold, 1000, 50)
		assert error_code(check_scoring_table, GROUPS, CRITERIA, 50, 5)[0] == "scale_invalid"

	def test_negative_maximum_is_refused(self):
		bad = [*CRITERIA[:2], Criterion("II.1", "II", BASE, -50), *CRITERIA[3:]]
		assert error_code(check_scoring_table, GROUPS, bad, 100, 5) == ("negative_points", {"code": "II.1"})

	def test_bonus_items_need_a_table_cap_and_their_own(self):
		assert error_code(check_scoring_table, GROUPS, CRITERIA, 100, 0) == ("bonus_cap_missing", {})
		uncapped = [*CRITERIA[:3], Criterion("V.1", "V", BONUS, 0, 2)]
		assert error_code(check_scoring_table, GROUPS, uncapped, 100, 5)[0] == "bonus_item_uncapped"

	def test_codes_are_unique_and_groups_known(self):
		assert (
			error_code(check_scoring_table, GROUPS, [*CRITERIA, CRITERIA[0]], 100, 5)[0]
			== "duplicate_criterion"
		)
		stray = [*CRITERIA, Criterion("IX.1", "IX", DEDUCTION, 0, 1)]
		assert error_code(check_scoring_table, GROUPS, stray, 100, 5) == (
			"unknown_group",
			{"code": "IX.1", "group": "IX"},
		)

	def test_tie_break_must_name_a_known_group(self):
		assert error_code(
			check_scoring_table, GROUPS, CRITERIA, 100, 5, (), [TieBreak(GROUP_SCORE, "X")]
		) == (
			"tie_break_unknown_group",
			{"group": "X"},
		)


class TestBands:
	def test_bands_cover_zero_to_scale_plus_bonus(self):
		check_bands(BANDS, 105)
		assert error_code(check_bands, BANDS, 110) == ("bands_do_not_cover", {"end": 105.0, "top": 110.0})

	def test_gap_and_overlap_are_refused(self):
		gap = [Band("A", 0, 40), Band("B", 50, 105)]
		assert error_code(check_bands, gap, 105) == ("band_gap", {"start": 40.0, "end": 50.0})
		overlap = [Band("A", 0, 60), Band("B", 50, 105)]
		assert error_code(check_bands, overlap, 105)[0] == "band_overlap"

	def test_classification_at_the_edges(self):
		assert classify(90, BANDS) == "Xuất sắc"
		assert classify(89.99, BANDS) == "Tốt"
		assert classify(105, BANDS) == "Xuất sắc"  # the top band is closed
		assert classify(-3, BANDS) == "Chưa đạt"  # below every band: the lowest
		assert classify(50, []) == ""


class TestTotals:
	def test_final_score_formula(self):
		entries = {
			"I.1": Entry(28.5),
			"I.2": Entry(20),
			"II.1": Entry(45),
			"V.1": Entry(occurrences=3),  # 3 × 2 = 6, item cap 4
			"V.2": Entry(occurrences=1),  # 1 × 3 = 3
			"VI.1": Entry(occurrences=3),  # 3 × 0.5 = 1.5
		}
		totals = compute_totals(CRITERIA, entries, bonus_cap=5)
		# base 28.5 + 20 + 45 = 93.5; bonus min(4 + 3, 5) = 5; final 93.5 + 5 − 1.5 = 97
		assert (totals.base, totals.bonus, totals.deduction, totals.final) == (93.5, 5.0, 1.5, 97.0)
		assert totals.group_scores == {"I": 48.5, "II": 45.0}
		assert not totals.disqualified

	def test_nothing_entered_is_zero(self):
		totals = compute_totals(CRITERIA, {}, bonus_cap=5)
		assert (totals.base, totals.bonus, totals.deduction, totals.final) == (0, 0, 0, 0)

	def test_deductions_can_take_the_score_below_the_base(self):
		totals = compute_totals(CRITERIA, {"I.1": Entry(1), "VI.1": Entry(occurrences=5)}, bonus_cap=5)
		assert totals.final == -1.5  # 1 − 5 × 0.5

	def test_a_disqualifying_condition_marks_the_unit(self):
		totals = compute_totals(CRITERIA, {"VII.1": Entry(occurrences=1)}, bonus_cap=5)
		assert totals.disqualified_by == ("VII.1",)

	@pytest.mark.parametrize(
		("entry", "code"),
		[
			(Entry(30.5), "score_above_maximum"),
			(Entry(-1), "negative_score"),
		],
	)
	def test_impossible_base_scores(self, entry, code):
		assert error_code(compute_totals, CRITERIA, {"I.1": entry}, 5)[0] == code

	def test_score_above_maximum_names_the_numbers(self):
		assert error_code(compute_totals, CRITERIA, {"I.1": Entry(31)}, 5) == (
			"score_above_maximum",
			{"code": "I.1", "score": 31.0, "maximum": 30.0},
		)

	def test_impossible_occurrences(self):
		assert (
			error_code(compute_totals, CRITERIA, {"VI.1": Entry(occurrences=-1)}, 5)[0]
			== "negative_occurrences"
		)
		assert (
			error_code(compute_totals, CRITERIA, {"VII.1": Entry(occurrences=2)}, 5)[0]
			== "disqualifier_is_yes_no"
		)


def standing(key, final, group_i=0.0, deduction=0.0, disqualified=False):
	return Standing(key, final, group_scores={"I": group_i}, deduction=deduction, disqualified=disqualified)


TIE_BREAKS = [TieBreak(GROUP_SCORE, "I"), TieBreak(DEDUCTION_POINTS)]


class TestRanking:
	def test_higher_final_score_ranks_first(self):
		placements = rank([standing("b", 80), standing("a", 95), standing("c", 88)], TIE_BREAKS)
		assert [(p.key, p.rank) for p in placements] == [("a", 1), ("c", 2), ("b", 3)]
		assert placements[0].above is None and placements[0].below is None

	def test_equal_final_broken_by_group_one_then_by_fewer_deductions(self):
		placements = rank(
			[
				standing("low_group", 90, group_i=44),
				standing("high_group", 90, group_i=45),
				standing("fewer_deductions", 85, group_i=40, deduction=0.5),
				standing("more_deductions", 85, group_i=40, deduction=1.0),
			],
			TIE_BREAKS,
		)
		assert [(p.key, p.rank) for p in placements] == [
			("high_group", 1),
			("low_group", 2),
			("fewer_deductions", 3),
			("more_deductions", 4),
		]
		assert placements[0].below == ("low_group", TIE_BREAKS[0])
		assert placements[1].above == ("high_group", TIE_BREAKS[0])
		assert placements[3].above == ("fewer_deductions", TIE_BREAKS[1])

	def test_equal_on_every_key_share_the_rank_and_the_next_is_skipped(self):
		placements = rank([standing("x", 90, 45), standing("y", 90, 45), standing("z", 70)], TIE_BREAKS)
		assert [p.rank for p in placements] == [1, 1, 3]
		assert placements[0].below == ("y", None)

	def test_disqualified_units_rank_last_whatever_their_score(self):
		placements = rank([standing("clean", 60), standing("barred", 99, disqualified=True)], TIE_BREAKS)
		assert [(p.key, p.rank, p.disqualified) for p in placements] == [
			("clean", 1, False),
			("barred", 2, True),
		]

	def test_without_tie_breaks_only_the_final_score_counts(self):
		placements = rank([standing("a", 90, 50), standing("b", 90, 40)])
		assert [p.rank for p in placements] == [1, 1]


class TestTargets:
	@pytest.mark.parametrize(
		("kind", "committed", "achieved", "met"),
		[
			(PERCENT, 100, 100, True),
			(PERCENT, 100, 99.5, False),
			(PERCENT, 15, 18, True),  # "at least 15% excellently"
			(NUMBER, 3, 2, False),
			(YES_NO, 1, 1, True),
			(YES_NO, 1, 0, False),
		],
	)
	def test_met(self, kind, committed, achieved, met):
		assert target_met(kind, committed, achieved) is met

	@pytest.mark.parametrize(
		("kind", "achieved", "code"),
		[
			(PERCENT, 101, "percent_above_100"),
			(YES_NO, 0.5, "yes_no_value"),
			(NUMBER, -1, "negative_achieved"),
		],
	)
	def test_impossible_results(self, kind, achieved, code):
		assert error_code(target_met, kind, 1, achieved)[0] == code


class TestGroupSubtotals:
	def test_each_group_gives_its_points_out_of_its_maximum(self):
		entries = {
			"I.1": Entry(score=28),
			"I.2": Entry(score=15.5),
			"II.1": Entry(score=40),
			"V.1": Entry(occurrences=3),  # 3 x 2 = 6, capped at the item's 4
			"V.2": Entry(occurrences=1),  # 3
			"VI.1": Entry(occurrences=3),  # -1.5
		}
		subtotals = group_subtotals(CRITERIA, entries, bonus_cap=5)
		assert list(subtotals) == ["I", "II", "V", "VI", "VII"]
		assert subtotals["I"] == GroupSubtotal("I", 43.5, 50)  # 28 + 15.5 of 30 + 20
		assert subtotals["II"] == GroupSubtotal("II", 40, 50)
		# 4 + 3 = 7, capped at 5 (the cap on all bonus points), the most the group can give
		assert subtotals["V"] == GroupSubtotal("V", 5, 5)
		assert subtotals["VI"] == GroupSubtotal("VI", -1.5, None)
		assert subtotals["VII"] == GroupSubtotal("VII", 0, None, disqualifies=False)
		# the groups add up to the total
		totals = compute_totals(CRITERIA, entries, bonus_cap=5)
		assert sum(subtotal.points for subtotal in subtotals.values()) == totals.final

	def test_a_disqualifying_item_marks_its_group(self):
		subtotals = group_subtotals(CRITERIA, {"VII.1": Entry(occurrences=1)}, bonus_cap=5)
		assert subtotals["VII"].disqualifies
		assert not subtotals["I"].disqualifies

	def test_an_impossible_entry_is_refused_as_in_the_totals(self):
		assert error_code(group_subtotals, CRITERIA, {"I.1": Entry(score=31)}, 5)[0] == "score_above_maximum"
