"""The history of the units a person served in (quá trình công tác), as the province corrects it:
pure Python, no frappe. A history is a list of postings, each a unit from a day to a day (the last
one open while the person serves); postings follow one another without overlapping."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

MAX_POSTINGS = 60


@dataclass(frozen=True)
class Posting:
	unit: str
	start: date | None
	end: date | None = None
	decision: str = ""


@dataclass
class HistoryError(Exception):
	"""Why a history cannot stand: ``code`` with the numbers behind it (``params``)."""

	code: str
	params: dict = field(default_factory=dict)


def check_history(postings: list[Posting], left_on: date | None = None) -> list[Posting]:
	"""The postings in order of their start, or HistoryError: none at all, too many, a posting with
	no unit or no start, one that ends before it starts, one that begins before the previous has
	ended (or while it is still open), a last one closed for a person who still serves, or open (or
	closed after the day) for a person who has left."""
	if not postings:
		raise HistoryError("empty")
	if len(postings) > MAX_POSTINGS:
		raise HistoryError("too_many", {"maximum": MAX_POSTINGS})
	for row, posting in enumerate(postings, start=1):
		if not posting.unit:
			raise HistoryError("no_unit", {"row": row})
		if posting.start is None:
			raise HistoryError("no_start", {"row": row})
		if posting.end is not None and posting.end < posting.start:
			raise HistoryError("ends_before_start", {"row": row, "start": posting.start, "end": posting.end})
	ordered = sorted(postings, key=lambda posting: posting.start)
	for row, (earlier, later) in enumerate(itertools.pairwise(ordered), start=2):
		if earlier.end is None or later.start <= earlier.end:
			raise HistoryError(
				"overlap", {"row": row, "start": later.start, "unit": earlier.unit, "end": earlier.end}
			)
	last = ordered[-1]
	if left_on is None and last.end is not None:
		raise HistoryError("closed", {"row": len(ordered)})
	if left_on is not None and (last.end is None or last.end > left_on):
		raise HistoryError("after_leaving", {"left_on": left_on})
	return ordered


def current_unit(postings: list[Posting]) -> str:
	"""The unit of the latest posting: where the person serves (or last served)."""
	return max(postings, key=lambda posting: posting.start).unit
