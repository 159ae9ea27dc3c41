from datetime import date

import pytest

from thi_dua_app.rules.reminders import (
	SELF_ASSESSMENT,
	VERIFICATION,
	Reminder,
	days_left,
	reminders_for_pledge,
)

EDIT = ("Draft", "Returned")


def remind(today, states, days_before=3, sa_due=date(2017, 11, 30), v_due=date(2017, 12, 10)):
	return reminders_for_pledge(
		today=today,
		days_before=days_before,
		self_assessment_due=sa_due,
		verification_due=v_due,
		signatories=["A", "B", "C", "D"],
		leaders=["A", "D"],
		states=states,
		unit_edit_states=EDIT,
		waiting_state="Self-assessed",
	)


def test_days_left():
	assert days_left(date(2017, 11, 30), date(2017, 11, 27)) == 3
	assert days_left(None, date(2017, 11, 27)) is None
	assert days_left(date(2017, 11, 26), date(2017, 11, 27)) == -1


def test_self_assessment_reminder_goes_to_units_not_finished_and_units_without_an_evaluation():
	states = {"A": "Draft", "B": "Self-assessed", "C": "Returned"}  # D has none yet
	assert remind(date(2017, 11, 27), states) == [
		Reminder(SELF_ASSESSMENT, date(2017, 11, 30), ("A", "C", "D"))
	]


def test_only_on_the_day_n_days_before():
	states = {"A": "Draft"}
	assert remind(date(2017, 11, 26), states) == []
	assert remind(date(2017, 11, 28), states) == []
	assert remind(date(2017, 11, 30), states, days_before=0)[0].step == SELF_ASSESSMENT


def test_nobody_left_no_reminder():
	states = dict.fromkeys("ABCD", "Verified")
	assert remind(date(2017, 11, 27), states) == []
	assert remind(date(2017, 12, 7), states) == []


def test_verification_reminder_goes_to_head_and_deputy_while_evaluations_wait():
	states = {"A": "Verified", "B": "Self-assessed", "C": "Self-assessed", "D": "Draft"}
	assert remind(date(2017, 12, 7), states) == [Reminder(VERIFICATION, date(2017, 12, 10), ("A", "D"), 2)]


def test_no_due_date_no_reminder_and_negative_days_refused():
	assert remind(date(2017, 11, 27), {}, sa_due=None, v_due=None) == []
	with pytest.raises(ValueError):
		remind(date(2017, 11, 27), {}, days_before=-1)
