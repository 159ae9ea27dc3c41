"""The ballot arithmetic, site-free: exact numbers with the arithmetic in a comment."""

import pytest

from thi_dua_app.rules.ballot import (
	ALL_MEMBERS,
	MEMBERS_PRESENT,
	NOT_PASSED,
	OTHER_FORM,
	OVER_QUOTA,
	BallotError,
	Ballots,
	Candidate,
	Outcome,
	Quota,
	RankedUnit,
	Threshold,
	check_ballot,
	meets,
	percent,
	propose_candidates,
	quorum_met,
	quota_size,
	tally,
	vote_base,
)

CO = "CO_TINH"
BK = "BK_TINH"
FORM_ORDER = [CO, BK]
# Cờ: at least 80 % of all member units; Bằng khen: more than 50 % of all member units.
THRESHOLDS = {CO: Threshold(0.8), BK: Threshold(0.5, strict=True)}
QUOTAS = {CO: Quota(max_count=1), BK: Quota(max_count=2)}
# 11 member units, 10 present, every ballot returned and valid.
BALLOTS = Ballots(issued=10, returned=10, valid=10, invalid=0)


def error_code(call, *args, **kwargs):
	with pytest.raises(BallotError) as caught:
		call(*args, **kwargs)
	return caught.value.code, caught.value.params


def codes(problems):
	return [(problem.code, problem.params) for problem in problems]


def run_tally(candidates, thresholds=THRESHOLDS, quotas=QUOTAS, present=10, ballots=BALLOTS):
	return tally(candidates, ballots, 11, present, thresholds, quotas, FORM_ORDER)


class TestQuotaSize:
	def test_share_is_rounded_down(self):
		# 0.2 × 10 = 2; 0.2 × 9 = 1.8 → 1.
		assert quota_size(Quota(max_share=0.2), 10) == 2
		assert quota_size(Quota(max_share=0.2), 9) == 1

	def test_share_survives_float_error(self):
		# In floats 0.57 × 100 = 56.99999999999999 and 0.29 × 100 = 28.999999999999996.
		assert quota_size(Quota(max_share=0.57), 100) == 57
		assert quota_size(Quota(max_share=0.29), 100) == 29

	def test_the_smaller_limit_applies(self):
		# 0.2 × 10 = 2 < 3; 1 < 0.5 × 10 = 5.
		assert quota_size(Quota(max_count=3, max_share=0.2), 10) == 2
		assert quota_size(Quota(max_count=1, max_share=0.5), 10) == 1

	def test_count_alone_and_no_limit(self):
		assert quota_size(Quota(max_count=4), 10) == 4
		assert quota_size(Quota(), 10) is None


class TestThresholds:
	def test_at_least_passes_on_the_boundary(self):
		# 0.8 × 5 = 4: 4 passes, 3 does not.
		assert meets(4, 5, Threshold(0.8)) is True
		assert meets(3, 5, Threshold(0.8)) is False

	def test_strict_needs_more_than_the_boundary(self):
		# 0.5 × 4 = 2: "more than half" needs 3; "at least half" takes 2.
		assert meets(2, 4, Threshold(0.5, strict=True)) is False
		assert meets(3, 4, Threshold(0.5, strict=True)) is True
		assert meets(2, 4, Threshold(0.5)) is True
		assert meets(4, 5, Threshold(0.8, strict=True)) is False

	def test_comparison_is_exact_not_float(self):
		# Floats give 0.28 × 25 = 7.000000000000001 (7 would fail) and 0.57 × 100 = 56.99999999999999
		# (57 would be "more than 57 %"); exactly they are 7 and 57.
		assert meets(7, 25, Threshold(0.28)) is True
		assert meets(57, 100, Threshold(0.57, strict=True)) is False
		assert meets(58, 100, Threshold(0.57, strict=True)) is True

	def test_a_base_of_zero_never_passes(self):
		assert meets(0, 0, Threshold(0.5)) is False

	def test_quorum_two_thirds_of_eleven(self):
		# 2/3 × 11 = 22/3 = 7.33…: 8 present is enough, 7 is not.
		quorum = Threshold(2 / 3)
		assert quorum_met(11, 8, quorum) is True
		assert quorum_met(11, 7, quorum) is False

	def test_strict_quorum_two_thirds_of_nine(self):
		# 2/3 × 9 = 6 exactly, although 2/3 as a float is 0.6666666666666666 (× 9 = 5.99…):
		# "more than two thirds" needs 7, "at least" takes 6.
		assert quorum_met(9, 6, Threshold(2 / 3, strict=True)) is False
		assert quorum_met(9, 7, Threshold(2 / 3, strict=True)) is True
		assert quorum_met(9, 6, Threshold(2 / 3)) is True

	def test_quorum_ignores_the_threshold_base(self):
		# Counted on all 10 members: 0.5 × 10 = 5 > 4.
		assert quorum_met(10, 4, Threshold(0.5, base=MEMBERS_PRESENT)) is False

	def test_vote_base(self):
		assert vote_base(Threshold(0.5, base=ALL_MEMBERS), 11, 8) == 11
		assert vote_base(Threshold(0.5, base=MEMBERS_PRESENT), 11, 8) == 8
		assert error_code(vote_base, Threshold(0.5, base="Voters"), 11, 8) == (
			"unknown_base",
			{"base": "Voters"},
		)

	def test_percent(self):
		# 8/11 = 72.727… → 72.73; 1/32 = 3.125 → 3.13 (half up); 4/5 = 80.
		assert percent(8, 11) == 72.73
		assert percent(1, 32) == 3.13
		assert percent(4, 5) == 80.0
		assert percent(3, 0) == 0.0


class TestCheckBallot:
	def test_a_consistent_record_has_no_problem(self):
		candidates = [Candidate("A", CO, 1, 9, 1), Candidate("A", BK, 1, 10, 0)]
		assert check_ballot(11, 10, BALLOTS, candidates) == []

	def test_every_negative_number_is_reported(self):
		problems = check_ballot(-1, -2, Ballots(-3, -4, -5, -6), [Candidate("A", CO, 1, -7, -8)])
		assert codes(problems) == [
			("negative", {"field": "members_total", "value": -1}),
			("negative", {"field": "members_present", "value": -2}),
			("negative", {"field": "issued", "value": -3}),
			("negative", {"field": "returned", "value": -4}),
			("negative", {"field": "valid", "value": -5}),
			("negative", {"field": "invalid", "value": -6}),
			("negative", {"field": "votes_for", "unit": "A", "form": CO, "value": -7}),
			("negative", {"field": "votes_against", "unit": "A", "form": CO, "value": -8}),
			# -5 + -6 = -11 ≠ -4
			("valid_plus_invalid", {"valid": -5, "invalid": -6, "returned": -4}),
		]

	def test_every_inconsistency_is_reported_in_order(self):
		candidates = [
			Candidate("A", CO, 1, 6, 4),
			Candidate("A", CO, 1, 5, 0),
			Candidate("A", CO, 1, 5, 0),
			Candidate("B", BK, 2, 3, 3),
		]
		# 11 present of 10; 12 issued to 11 present; 13 returned of 12; 9 + 3 = 12 ≠ 13;
		# A listed three times for the Cờ (reported once); 6 + 4 = 10 > 9 valid.
		problems = check_ballot(10, 11, Ballots(issued=12, returned=13, valid=9, invalid=3), candidates)
		assert codes(problems) == [
			("present_above_total", {"present": 11, "total": 10}),
			("issued_above_present", {"issued": 12, "present": 11}),
			("returned_above_issued", {"returned": 13, "issued": 12}),
			("valid_plus_invalid", {"valid": 9, "invalid": 3, "returned": 13}),
			("duplicate_candidate", {"unit": "A", "form": CO}),
			("votes_above_valid", {"unit": "A", "form": CO, "votes_for": 6, "votes_against": 4, "valid": 9}),
		]

	def test_the_same_unit_for_two_forms_is_no_duplicate(self):
		assert check_ballot(11, 10, BALLOTS, [Candidate("A", CO, 1, 1, 0), Candidate("A", BK, 1, 1, 0)]) == []


class TestTally:
	def test_the_meeting_of_eleven(self):
		candidates = [
			Candidate("A", CO, 1, 10, 0),  # 10/11 = 90.91 % ≥ 80 %: the Cờ
			Candidate("B", CO, 2, 8, 2),  # 8/11 = 72.73 % < 80 % (needs 8.8, so 9)
			Candidate("A", BK, 1, 10, 0),  # passes too, but already has the Cờ
			Candidate("C", BK, 4, 8, 1),  # most votes for the Bằng khen, whatever its rank
			Candidate("D", BK, 3, 7, 2),  # 7 votes like E; rank 3 beats rank 5
			Candidate("E", BK, 5, 7, 3),  # passed, but the two places are taken
			Candidate("G", BK, 6, 5, 5),  # 5/11 = 45.45 %, not more than half (needs 6)
		]
		assert run_tally(candidates) == [
			Outcome("A", CO, 90.91, True, True, ""),
			Outcome("B", CO, 72.73, False, False, NOT_PASSED),
			Outcome("A", BK, 90.91, True, False, OTHER_FORM, other_form=CO),
			Outcome("C", BK, 72.73, True, True, ""),
			Outcome("D", BK, 63.64, True, True, ""),
			Outcome("E", BK, 63.64, True, False, OVER_QUOTA),
			Outcome("G", BK, 45.45, False, False, NOT_PASSED),
		]

	def test_over_quota_for_the_higher_form_still_competes_for_the_lower(self):
		# X and Y both pass the Cờ (10 and 9 of 11 ≥ 8.8); X has more votes despite rank 2.
		candidates = [
			Candidate("Y", CO, 1, 9, 1),
			Candidate("X", CO, 2, 10, 0),
			Candidate("Y", BK, 1, 9, 1),
		]
		assert run_tally(candidates) == [
			Outcome("Y", CO, 81.82, True, False, OVER_QUOTA),
			Outcome("X", CO, 90.91, True, True, ""),
			Outcome("Y", BK, 81.82, True, True, ""),
		]

	def test_unranked_go_last_then_by_name(self):
		# All three have 7 votes; R is ranked, then P before Q by name.
		candidates = [Candidate("Q", BK, 0, 7, 0), Candidate("P", BK, 0, 7, 0), Candidate("R", BK, 2, 7, 0)]
		assert [(o.unit, o.selected, o.reason) for o in run_tally(candidates)] == [
			("Q", False, OVER_QUOTA),
			("P", True, ""),
			("R", True, ""),
		]

	def test_threshold_on_members_present(self):
		# More than half of the 8 present: 5/8 = 62.5 % passes; on all 11 members 5 would not (needs 6).
		thresholds = {CO: THRESHOLDS[CO], BK: Threshold(0.5, base=MEMBERS_PRESENT, strict=True)}
		ballots = Ballots(8, 8, 8, 0)
		outcomes = run_tally([Candidate("A", BK, 1, 5, 3)], thresholds=thresholds, present=8, ballots=ballots)
		assert outcomes == [Outcome("A", BK, 62.5, True, True, "")]
		outcomes = run_tally([Candidate("A", BK, 1, 5, 3)], present=8, ballots=ballots)
		assert outcomes == [Outcome("A", BK, 45.45, False, False, NOT_PASSED)]

	def test_share_quota_and_missing_quota(self):
		# 0.2 × 11 = 2.2 → 2 Bằng khen; the Cờ has no quota row, so no limit.
		quotas = {BK: Quota(max_share=0.2)}
		candidates = [
			Candidate("A", CO, 1, 9, 0),
			Candidate("B", CO, 2, 9, 0),
			Candidate("C", BK, 3, 8, 0),
			Candidate("D", BK, 4, 7, 0),
			Candidate("E", BK, 5, 6, 0),
		]
		assert [(o.unit, o.selected) for o in run_tally(candidates, quotas=quotas)] == [
			("A", True),
			("B", True),
			("C", True),
			("D", True),
			("E", False),
		]

	def test_an_inconsistent_ballot_is_refused_with_its_first_problem(self):
		ballots = Ballots(issued=10, returned=10, valid=9, invalid=0)
		assert error_code(run_tally, [Candidate("A", CO, 1, 10, 0)], ballots=ballots) == (
			"valid_plus_invalid",
			{"valid": 9, "invalid": 0, "returned": 10},
		)

	def test_a_form_needs_a_threshold_and_a_place_in_the_order(self):
		assert error_code(run_tally, [Candidate("A", "LD", 1, 9, 0)]) == ("no_threshold", {"form": "LD"})
		thresholds = {**THRESHOLDS, "LD": Threshold(0.5)}
		assert error_code(run_tally, [Candidate("A", "LD", 1, 9, 0)], thresholds=thresholds) == (
			"unknown_form",
			{"form": "LD"},
		)


class TestProposeCandidates:
	RANKING = [
		RankedUnit("U4", 4),
		RankedUnit("U6", 0),
		RankedUnit("U1", 1),
		RankedUnit("U3", 3),
		RankedUnit("U2", 2, disqualified=True),
		RankedUnit("U5", 5),
	]

	def test_best_units_fill_the_highest_form_first(self):
		# Cờ: 1; "KHEN" unlimited: left to the meeting; BK: 0.2 × 11 = 2.2 → 2. U2 is disqualified.
		quotas = {CO: Quota(max_count=1), "KHEN": Quota(), BK: Quota(max_share=0.2)}
		assert propose_candidates(self.RANKING, quotas, [CO, "KHEN", BK], 11) == [
			("U1", CO),
			("U3", BK),
			("U4", BK),
		]

	def test_a_form_without_quota_gets_none_and_unranked_come_last(self):
		quotas = {BK: Quota(max_count=10)}
		assert propose_candidates(self.RANKING, quotas, [CO, BK], 11) == [
			("U1", BK),
			("U3", BK),
			("U4", BK),
			("U5", BK),
			("U6", BK),
		]
