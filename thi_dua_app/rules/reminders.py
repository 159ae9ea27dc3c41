"""Reminders before a pledge's due dates: when one is due, and who has not finished. Pure Python,
no frappe (thi_dua_app.thi_dua.notifications sends them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

SELF_ASSESSMENT = "self_assessment"
VERIFICATION = "verification"


@dataclass(frozen=True)
class Reminder:
	"""One reminder of one pledge: which step is due, on which day, to which units, and how many
	evaluations wait (for the verification step)."""

	step: str
	due: date
	units: tuple[str, ...]
	waiting: int = 0


def days_left(due: date | None, today: date) -> int | None:
	return None if due is None else (due - today).days


def reminders_for_pledge(
	*,
	today: date,
	days_before: int,
	self_assessment_due: date | None,
	verification_due: date | None,
	signatories: Iterable[str],
	leaders: Iterable[str],
	states: Mapping[str, str],
	unit_edit_states: Iterable[str],
	waiting_state: str,
) -> list[Reminder]:
	"""The reminders of a pledge on ``today``, when a due date is exactly ``days_before`` days
	away: the self-assessment to every signatory whose evaluation is missing or still in the unit's
	hands (``states``: unit → workflow state); the verification to the head and deputy
	(``leaders``) while some evaluation waits in ``waiting_state``. Nobody left: no reminder."""
	if days_before < 0:
		raise ValueError("days_before cannot be negative")
	reminders = []
	edit_states = set(unit_edit_states)
	if days_left(self_assessment_due, today) == days_before:
		late = tuple(
			sorted({unit for unit in signatories if unit not in states or states[unit] in edit_states})
		)
		if late:
			reminders.append(Reminder(SELF_ASSESSMENT, self_assessment_due, late))
	if days_left(verification_due, today) == days_before:
		waiting = sum(1 for state in states.values() if state == waiting_state)
		heads = tuple(sorted({unit for unit in leaders if unit}))
		if waiting and heads:
			reminders.append(Reminder(VERIFICATION, verification_due, heads, waiting))
	return reminders
