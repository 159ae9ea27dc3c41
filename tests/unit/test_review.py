"""A unit's own review (bình xét tại đơn vị), site-free: what its council may propose — qualified or
confirmed lines only, the council's votes against the regime's threshold, one achievement one form,
a title with those it is built on, the CSTĐCS quota with its numbers — and where each line goes."""

from dataclasses import replace

import pytest
from test_eligibility import RULES_2017, RULES_2022

from thi_dua_app.rules.ballot import MEMBERS_PRESENT, Threshold
from thi_dua_app.rules.eligibility import (
	BK_TINH,
	CSTDCS,
	CSTDT,
	LDTT,
	MANUAL,
	NOT_QUALIFIED,
	QUALIFIED,
	TTLDTT,
	TTLDXS,
)
from thi_dua_app.rules.review import (
	COLLECTIVE,
	INDIVIDUAL,
	Line,
	ReviewError,
	check_line,
	check_review,
	split,
)

# NĐ 98/2023 Điều 30.7: CSTĐCS at least 80 % of all the council's members.
THRESHOLDS = {CSTDCS: Threshold(0.8)}


def line(row, recipient, title, status=QUALIFIED, votes=None, kind=INDIVIDUAL, **values):
	return Line(row, recipient, kind, title, status, votes, **values)


def refusal(lines, members=9, thresholds=THRESHOLDS, rules=RULES_2022):
	with pytest.raises(ReviewError) as refused:
		check_review(lines, members, thresholds, rules)
	return refused.value.code, refused.value.params


def ldtt_for(count: int, start: int = 1) -> list[Line]:
	return [line(start + index, f"NV-{index}", LDTT) for index in range(count)]


def test_a_sound_review_passes():
	check_review(
		[
			*ldtt_for(3),
			line(4, "NV-0", CSTDCS, votes=8),
			line(5, "PB-1", TTLDTT, kind=COLLECTIVE),
			line(6, "PB-1", TTLDXS, kind=COLLECTIVE, level="Province"),
			line(7, "NV-0", BK_TINH, level="Province"),
			line(8, "NV-2", "GK", status=None),
		],
		9,
		THRESHOLDS,
		RULES_2022,
	)


def test_only_the_qualified_or_a_confirmed_manual_check_are_proposed():
	assert refusal([line(1, "NV-1", LDTT, NOT_QUALIFIED)]) == ("not_qualified", {"row": 1, "title": LDTT})
	assert refusal([line(1, "NV-1", LDTT, MANUAL)]) == ("manual_unconfirmed", {"row": 1, "title": LDTT})
	check_review([line(1, "NV-1", LDTT, MANUAL, manual_confirmed=True)], 9, THRESHOLDS, RULES_2022)


def test_a_title_fits_its_recipient():
	assert refusal([line(1, "NV-1", TTLDTT, form_subject=COLLECTIVE)]) == (
		"title_subject",
		{"row": 1, "title": TTLDTT, "kind": INDIVIDUAL},
	)
	assert refusal([line(1, "NV-1", LDTT, kind="Household")]) == (
		"unknown_kind",
		{"row": 1, "kind": "Household"},
	)


def test_the_council_s_votes_reach_the_threshold_on_all_its_members():
	# 8 of 10 is 80 %: enough; 7 of 9 is 77.8 %: short, with the numbers.
	check_review([*ldtt_for(1), line(2, "NV-0", CSTDCS, votes=8)], 10, THRESHOLDS, RULES_2022)
	code, params = refusal([*ldtt_for(1), line(2, "NV-0", CSTDCS, votes=7)], members=9)
	assert code == "votes_short"
	assert params == {
		"row": 2,
		"title": CSTDCS,
		"votes": 7,
		"members": 9,
		"percent": pytest.approx(77.78, abs=0.01),
		"threshold": pytest.approx(80),
		"strict": False,
	}
	# A strict majority: 5 of 10 is not more than half.
	majority = {CSTDCS: Threshold(0.5, MEMBERS_PRESENT, strict=True)}
	assert refusal([*ldtt_for(1), line(2, "NV-0", CSTDCS, votes=5)], 10, majority)[0] == "votes_short"


@pytest.mark.parametrize("votes", [None, -1, 10])
def test_votes_are_counted_within_the_council(votes):
	assert refusal([*ldtt_for(1), line(2, "NV-0", CSTDCS, votes=votes)]) == (
		"bad_votes",
		{"row": 2, "votes": votes, "members": 9},
	)


def test_a_form_without_a_threshold_needs_no_vote_and_a_council_is_needed_for_one_that_has():
	check_line(line(1, "NV-1", LDTT), 0, THRESHOLDS)
	assert refusal(ldtt_for(1), members=0) == ("no_council", {"members": 0})
	check_review(ldtt_for(1), 0, {}, RULES_2022)


def test_no_recipient_twice_for_a_form_nor_for_both_forms_of_one_achievement():
	assert refusal([*ldtt_for(2), line(3, "NV-1", LDTT)]) == (
		"repeated",
		{"row": 3, "first": 2, "title": LDTT},
	)
	lines = [
		*ldtt_for(1),
		line(2, "NV-0", CSTDCS, votes=9),
		line(3, "NV-0", CSTDT, level="Province"),
		line(4, "NV-0", BK_TINH, level="Province"),
	]
	assert refusal(lines) == ("one_achievement", {"row": 4, "first": 3, "title": BK_TINH, "other": CSTDT})


def test_a_title_comes_with_those_it_is_built_on():
	assert refusal([line(1, "NV-1", CSTDCS, votes=9)]) == (
		"needs_lower_title",
		{"row": 1, "title": CSTDCS, "needed": LDTT},
	)
	assert refusal([line(1, "PB-1", TTLDXS, kind=COLLECTIVE)]) == (
		"needs_lower_title",
		{"row": 1, "title": TTLDXS, "needed": TTLDTT},
	)
	assert refusal([*ldtt_for(1), line(2, "NV-0", CSTDT, level="Province")]) == (
		"needs_lower_title",
		{"row": 2, "title": CSTDT, "needed": CSTDCS},
	)


def test_the_cstdcs_quota_counts_the_ldtt_proposed_and_rounds_down():
	# 2017: 15 % of 13 LĐTT is 1.95, so one CSTĐCS; a second is refused with the numbers.
	one = [*ldtt_for(13), line(14, "NV-0", CSTDCS, votes=9)]
	check_review(one, 9, THRESHOLDS, RULES_2017)
	two = [*one, line(15, "NV-1", CSTDCS, votes=9)]
	assert refusal(two, rules=RULES_2017) == (
		"above_quota",
		{"named": 2, "quota": 1, "ldtt": 13, "share": 0.15},
	)
	# Law 2022 sets no quota.
	check_review(two, 9, THRESHOLDS, RULES_2022)
	assert refusal(two, rules=replace(RULES_2022, cstdcs_max_share=0.1))[1]["quota"] == 1


def test_lines_go_where_their_form_is_decided():
	lines = [
		line(1, "NV-0", LDTT),
		line(2, "NV-0", BK_TINH, level="Province"),
		line(3, "PB-1", TTLDXS, kind=COLLECTIVE, level="Province"),
		line(4, "PB-1", TTLDTT, kind=COLLECTIVE),
	]
	unit, province = split(lines)
	assert [found.row for found in unit] == [1, 4]
	assert [found.row for found in province] == [2, 3]
