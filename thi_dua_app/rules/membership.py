"""Bloc membership over time: who belongs to a bloc in a given year. Pure Python, no frappe."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Membership:
	unit: str
	from_date: date | None = None
	to_date: date | None = None

	def overlaps(self, start: date | None, end: date | None) -> bool:
		"""Open ends (None) stretch without limit."""
		return (self.from_date is None or end is None or self.from_date <= end) and (
			self.to_date is None or start is None or start <= self.to_date
		)


class MembershipError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


def check_memberships(memberships: Iterable[Membership]) -> None:
	"""A period must not end before it starts; a unit may not be listed twice for overlapping dates."""
	seen: dict[str, list[Membership]] = {}
	for membership in memberships:
		if membership.from_date and membership.to_date and membership.to_date < membership.from_date:
			raise MembershipError("period_reversed", unit=membership.unit)
		for earlier in seen.get(membership.unit, []):
			if earlier.overlaps(membership.from_date, membership.to_date):
				raise MembershipError("overlapping_membership", unit=membership.unit)
		seen.setdefault(membership.unit, []).append(membership)


def members_in_year(memberships: Iterable[Membership], year: int) -> list[str]:
	"""Units that belong to the bloc at some time during the year, in order of first listing."""
	start, end = date(year, 1, 1), date(year, 12, 31)
	units: list[str] = []
	for membership in memberships:
		if membership.overlaps(start, end) and membership.unit not in units:
			units.append(membership.unit)
	return units


def reformed(memberships: list[Membership], successors: dict[str, tuple[str, date]]) -> list[Membership]:
	"""The bloc re-formed after mergers: a merged unit's membership closes the day before its
	successor takes over, and the successor is a member from that day to the end of the merged
	unit's membership — unless it is already a member then. ``successors`` maps a unit to its
	successor and the day of the succession; chains are followed. The memberships keep their
	order; new ones come after."""
	result = list(memberships)
	changed = True
	while changed:
		changed = False
		for index, membership in enumerate(result):
			link = successors.get(membership.unit)
			if not link or link[1] is None:
				continue
			successor, on = link
			starts_after = membership.from_date is not None and membership.from_date >= on
			ended_before = membership.to_date is not None and membership.to_date < on
			if starts_after or ended_before:
				continue
			result[index] = Membership(membership.unit, membership.from_date, on - timedelta(days=1))
			if not any(
				other.unit == successor and other.overlaps(on, membership.to_date) for other in result
			):
				result.append(Membership(successor, on, membership.to_date))
			changed = True
	return result
