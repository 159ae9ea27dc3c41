"""Registration (đăng ký thi đua), site-free: the lines a unit may register, the titles a registration
covers, and what the verdicts make of an unregistered person or division under either setting of
the regime's "Unregistered still considered"."""

from dataclasses import replace

import pytest
from test_eligibility import RULES_2017, RULES_2022, deciding, shipped

from thi_dua_app.rules.eligibility import (
	BK_TINH,
	CSTDCS,
	CSTDT,
	HTXSNV,
	LDTT,
	NOT_QUALIFIED,
	PROVINCE_SCOPE,
	QUALIFIED,
	TTLDTT,
	TTLDXS,
	Award,
	Collective,
	CollectiveYear,
	EligibilityError,
	Initiative,
	Person,
	PersonYear,
	bk_individual,
	cstdcs,
	cstdt,
	ldtt,
	rules_from_parameters,
	ttldtt,
	ttldxs,
	unregistered,
)
from thi_dua_app.rules.registration import (
	COLLECTIVE,
	DIVISION,
	INDIVIDUAL,
	MAX_COUNT,
	PERSON,
	STAFF_COUNT,
	UNIT,
	Line,
	RegistrationError,
	check_lines,
	covered,
	division_titles,
	person_titles,
)

STAFF = {"NV-1", "NV-2"}
DIVISIONS = {"PB-1"}
STRICT = replace(RULES_2022, unregistered_considered=False)


def line(row=1, kind=PERSON, title=LDTT, subject="NV-1", count=None, form_subject=INDIVIDUAL, **values):
	return Line(row, kind, title, subject, count, form_subject=form_subject, **values)


def refusal(*lines) -> tuple[str, dict]:
	with pytest.raises(RegistrationError) as refused:
		check_lines(lines, STAFF, DIVISIONS)
	return refused.value.code, refused.value.params


def test_a_full_registration_passes():
	check_lines(
		[
			line(1, PERSON, CSTDCS, "NV-1"),
			line(2, PERSON, LDTT, "NV-2"),
			line(3, STAFF_COUNT, LDTT, None, 45),
			line(4, DIVISION, TTLDXS, "PB-1", form_subject=COLLECTIVE),
			line(5, UNIT, "CO_TINH", None, form_subject=COLLECTIVE),
		],
		STAFF,
		DIVISIONS,
	)


def test_each_wrong_line_is_refused_with_its_row():
	assert refusal(line(kind="Somebody")) == ("unknown_kind", {"row": 1, "kind": "Somebody"})
	assert refusal(line(title="")) == ("no_title", {"row": 1})
	assert refusal(line(title="BK_TINH", form_kind="Commendation form")) == (
		"not_a_title",
		{"row": 1, "title": "BK_TINH"},
	)
	# A collective title for a person, an individual one for a division.
	assert refusal(line(title=TTLDXS, form_subject=COLLECTIVE)) == (
		"title_subject",
		{"row": 1, "title": TTLDXS, "kind": PERSON},
	)
	assert refusal(line(kind=DIVISION, subject="PB-1")) == (
		"title_subject",
		{"row": 1, "title": LDTT, "kind": DIVISION},
	)
	# Another unit's person or division, or none.
	assert refusal(line(subject="NV-9")) == ("not_our_person", {"row": 1, "subject": "NV-9"})
	assert refusal(line(subject=None)) == ("not_our_person", {"row": 1, "subject": None})
	assert refusal(line(kind=DIVISION, title=TTLDTT, subject="PB-9", form_subject=COLLECTIVE)) == (
		"not_our_division",
		{"row": 1, "subject": "PB-9"},
	)


@pytest.mark.parametrize("count", [None, 0, -3, MAX_COUNT + 1])
def test_a_staff_count_is_a_whole_number_in_range(count):
	assert refusal(line(kind=STAFF_COUNT, subject=None, count=count)) == (
		"bad_count",
		{"row": 1, "count": count, "maximum": MAX_COUNT},
	)


def test_a_line_may_not_repeat_another():
	assert refusal(line(1), line(2, title=CSTDCS), line(3)) == (
		"repeated_line",
		{"row": 3, "first": 1, "title": LDTT},
	)


def test_a_title_covers_those_it_is_built_on():
	assert covered([CSTDT]) == {CSTDT, CSTDCS, LDTT}
	assert covered([CSTDCS]) == {CSTDCS, LDTT}
	assert covered([TTLDXS]) == {TTLDXS, TTLDTT}
	assert covered([LDTT, TTLDTT]) == {LDTT, TTLDTT}
	assert covered([]) == frozenset()


def test_whom_a_registration_covers():
	lines = [
		line(1, PERSON, CSTDCS, "NV-1"),
		line(2, STAFF_COUNT, LDTT, None, 30),
		line(3, DIVISION, TTLDXS, "PB-1", form_subject=COLLECTIVE),
	]
	assert person_titles(lines, "NV-1") == {CSTDCS, LDTT}
	# A count covers every person of the unit for its title, named or not.
	assert person_titles(lines, "NV-2") == {LDTT}
	assert person_titles(lines[:1], "NV-2") == frozenset()
	assert division_titles(lines, "PB-1") == {TTLDXS, TTLDTT}
	assert division_titles(lines, "PB-2") == frozenset()


# ---------------------------------------------------------------- in the verdicts


def excellent(registered=frozenset()) -> Person:
	return Person(
		"p",
		years={
			2024: PersonYear(2024, HTXSNV, 12, True, registered=frozenset(registered)),
		},
		initiatives=(Initiative(2024, PROVINCE_SCOPE),),
		awards=(Award(2022, CSTDCS), Award(2023, CSTDCS)),
	)


def test_where_only_the_registered_are_considered_the_unregistered_title_is_refused_first():
	nobody = excellent()
	refused = ldtt(nobody, 2024, STRICT)
	assert (refused.status, deciding(refused)) == (
		NOT_QUALIFIED,
		("registered", {"title": LDTT, "year": 2024}),
	)
	assert deciding(cstdcs(nobody, 2024, STRICT)) == ("registered", {"title": CSTDCS, "year": 2024})
	assert deciding(cstdt(nobody, 2024, STRICT)) == ("registered", {"title": CSTDT, "year": 2024})
	# Registered for CSTĐCS: LĐTT and CSTĐCS are reached, CSTĐ cấp tỉnh was not registered for.
	some = excellent(covered([CSTDCS]))
	assert ldtt(some, 2024, STRICT).status == QUALIFIED
	assert cstdcs(some, 2024, STRICT).status == QUALIFIED
	assert deciding(cstdt(some, 2024, STRICT)) == ("registered", {"title": CSTDT, "year": 2024})
	assert cstdt(excellent(covered([CSTDT])), 2024, STRICT).status == QUALIFIED
	# A Bằng khen is a commendation, not a registered title: two CSTĐCS in a row still make it.
	assert bk_individual(some, 2024, STRICT).status == QUALIFIED


def test_where_the_unregistered_are_still_considered_they_are_only_flagged():
	nobody = excellent()
	verdicts = {
		LDTT: ldtt(nobody, 2024, RULES_2022),
		CSTDCS: cstdcs(nobody, 2024, RULES_2022),
		CSTDT: cstdt(nobody, 2024, RULES_2022),
		BK_TINH: bk_individual(nobody, 2024, RULES_2022),
	}
	assert all(verdict.status == QUALIFIED for verdict in verdicts.values())
	assert all(condition.code != "registered" for v in verdicts.values() for condition in v.conditions)
	assert unregistered(verdicts, frozenset()) == (LDTT, CSTDCS, CSTDT)
	assert unregistered(verdicts, covered([CSTDCS])) == (CSTDT,)
	assert unregistered(verdicts, covered([CSTDT])) == ()
	assert unregistered({LDTT: ldtt(excellent(), 2017, RULES_2017)}, frozenset()) == ()


def test_a_division_s_titles_under_registration():
	def division(registered):
		return Collective(
			"PB-1",
			{
				2024: CollectiveYear(
					2024,
					rating=HTXSNV,
					members=10,
					members_completed=10,
					members_ldtt=8,
					members_cstdcs=1,
					active_in_movements=True,
					unity_ok=True,
					registered=frozenset(registered),
				)
			},
		)

	assert deciding(ttldxs(division(()), 2024, STRICT)) == ("registered", {"title": TTLDXS, "year": 2024})
	assert deciding(ttldtt(division(()), 2024, STRICT)) == ("registered", {"title": TTLDTT, "year": 2024})
	assert ttldxs(division(covered([TTLDXS])), 2024, STRICT).status == QUALIFIED
	assert ttldtt(division(covered([TTLDXS])), 2024, STRICT).status == QUALIFIED
	assert ttldxs(division(()), 2024, RULES_2022).status == QUALIFIED


def test_the_setting_is_read_from_the_regime():
	assert shipped("LTDKT2022-ND152-BN").unregistered_considered is True
	values = {
		"LDTT minimum months worked": (10, None),
		"CSTDCS needs an initiative": (0, None),
		"CSTDT consecutive CSTDCS": (3, None),
		"CSTDT initiative scope": (None, PROVINCE_SCOPE),
		"Individual Bang khen excellent years": (2, None),
		"Individual Bang khen initiatives": (2, None),
		"Collective Bang khen excellent years": (2, None),
		"TTLDTT share of LDTT": (50, None),
		"TTLDTT share strictly above": (1, None),
		"TTLDTT all members complete duties": (0, None),
		"TTLDXS share of LDTT": (70, None),
		"TTLDXS CSTDCS members": (1, None),
		"Collective titles bar a cautioned member": (1, None),
	}
	with pytest.raises(EligibilityError) as missing:
		rules_from_parameters(values)
	assert missing.value.params == {"parameter": "Unregistered still considered"}
	values["Unregistered still considered"] = (0, None)
	assert rules_from_parameters(values).unregistered_considered is False
