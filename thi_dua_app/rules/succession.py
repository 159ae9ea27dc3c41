"""Units that merge: which units a unit succeeds (its predecessors, and theirs), and the
consecutive years of a collective award counted across a succession when the regime lets a
successor inherit them. Pure Python, no frappe import.

A succession is a predecessor's link to its successor from a date (e.g. Sở Tài nguyên và Môi
trường and Sở Nông nghiệp và Phát triển nông thôn → Sở Nông nghiệp và Môi trường, 2025). People
keep their own records across transfers; only collectives (the units) succeed one another."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


class SuccessionError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class Succession:
	predecessor: str
	successor: str
	on: date | None = None


def check_succession(predecessor: str, successor: str | None, links: Iterable[Succession]) -> None:
	"""A unit is not its own successor, and no chain of successions comes back to where it began
	(``links`` are the other units' successions as stored)."""
	if not successor:
		return
	if successor == predecessor:
		raise SuccessionError("own_successor", unit=predecessor)
	successor_of = {link.predecessor: link.successor for link in links if link.predecessor != predecessor}
	seen, unit = {predecessor}, successor
	while unit:
		if unit in seen:
			raise SuccessionError("circular_succession", unit=predecessor, successor=successor)
		seen.add(unit)
		unit = successor_of.get(unit)


def predecessors(unit: str, links: Iterable[Succession]) -> list[Succession]:
	"""Every succession that leads into the unit, directly or through other successions, nearest
	first (each unit once, even if the links were cyclic)."""
	into: dict[str, list[Succession]] = {}
	for link in links:
		into.setdefault(link.successor, []).append(link)
	found, queue, seen = [], [unit], {unit}
	while queue:
		current = queue.pop(0)
		for link in sorted(into.get(current, []), key=lambda link: link.predecessor):
			if link.predecessor not in seen:
				seen.add(link.predecessor)
				found.append(link)
				queue.append(link.predecessor)
	return found


def years_with_award(
	unit: str,
	years_of: dict[str, set[int]],
	links: Iterable[Succession],
	inherit: bool,
) -> set[int]:
	"""The years in which the unit — and, when the successor inherits, any of its predecessors
	before it took over — received the award (``years_of``: unit → counting years)."""
	years = set(years_of.get(unit, ()))
	if inherit:
		for link in predecessors(unit, links):
			last = link.on.year - 1 if link.on else None
			years |= {year for year in years_of.get(link.predecessor, ()) if last is None or year <= last}
	return years


def streak(years: set[int], ending: int) -> int:
	"""Consecutive years, ending with ``ending``, in ``years``."""
	count = 0
	while ending - count in years:
		count += 1
	return count
