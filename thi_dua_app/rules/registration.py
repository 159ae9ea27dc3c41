"""A unit's registration for the year's emulation (bản đăng ký thi đua): which titles the unit, its
divisions and its people aim for, checked line by line, and which titles a registration covers.

A line names its subject by kind: the unit itself (a collective title such as Tập thể lao động
xuất sắc or the province's emulation flag), one of its divisions, one of its people, or a count of
its people for an individual title without names ("Lao động tiên tiến: 45"). Registering for a title
covers the titles it is built on: Chiến sĩ thi đua cấp tỉnh covers Chiến sĩ thi đua cơ sở and Lao
động tiên tiến; Tập thể lao động xuất sắc covers Tập thể lao động tiên tiến. A count line covers
every person of the unit for its title.

Whether an unregistered person or division is still considered is the regime's (the parameter
"Unregistered still considered"); thi_dua_app.rules.eligibility reads the titles covered here.
Pure Python, no frappe import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

UNIT, DIVISION, PERSON, STAFF_COUNT = "Unit", "Division", "Person", "Staff count"
KINDS = (UNIT, DIVISION, PERSON, STAFF_COUNT)
COLLECTIVE, INDIVIDUAL, EITHER = "Collective", "Individual", "Individual or collective"
# The subject an award form's line must name, by kind.
SUBJECT_OF_KIND = {UNIT: COLLECTIVE, DIVISION: COLLECTIVE, PERSON: INDIVIDUAL, STAFF_COUNT: INDIVIDUAL}
# A title and those whose conditions it includes (NĐ 91/2017 Điều 9–10; NĐ 152/2025 Điều 6–8).
COVERS = {
	"CSTDT": ("CSTDT", "CSTDCS", "LDTT"),
	"CSTDCS": ("CSTDCS", "LDTT"),
	"TTLDXS": ("TTLDXS", "TTLDTT"),
}
MAX_COUNT = 100_000


class RegistrationError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class Line:
	"""One line of a registration. ``subject`` is the person or division it names (None for the
	unit itself and for a count; what a kind does not use is cleared before the check);
	``form_kind`` and ``form_subject`` are those of its award form."""

	row: int
	kind: str
	title: str
	subject: str | None = None
	count: int | None = None
	form_kind: str = "Emulation title"
	form_subject: str = EITHER


def check_lines(lines: Iterable[Line], staff: set[str], divisions: set[str]) -> None:
	"""Every line names a kind, an emulation title fit for its subject, and — by kind — one of the
	unit's people (``staff``) or divisions (``divisions``), or a count; no line repeats another."""
	seen: dict[tuple, int] = {}
	for line in lines:
		if line.kind not in KINDS:
			raise RegistrationError("unknown_kind", row=line.row, kind=line.kind)
		if not line.title:
			raise RegistrationError("no_title", row=line.row)
		if line.form_kind != "Emulation title":
			raise RegistrationError("not_a_title", row=line.row, title=line.title)
		wanted = SUBJECT_OF_KIND[line.kind]
		if line.form_subject not in (wanted, EITHER):
			raise RegistrationError("title_subject", row=line.row, title=line.title, kind=line.kind)
		if line.kind == PERSON and line.subject not in staff:
			raise RegistrationError("not_our_person", row=line.row, subject=line.subject)
		if line.kind == DIVISION and line.subject not in divisions:
			raise RegistrationError("not_our_division", row=line.row, subject=line.subject)
		if line.kind == STAFF_COUNT and (line.count is None or not 1 <= line.count <= MAX_COUNT):
			raise RegistrationError("bad_count", row=line.row, count=line.count, maximum=MAX_COUNT)
		key = (line.kind, line.subject, line.title)
		if key in seen:
			raise RegistrationError("repeated_line", row=line.row, first=seen[key], title=line.title)
		seen[key] = line.row


def covered(titles: Iterable[str]) -> frozenset[str]:
	"""The titles registered and those they are built on."""
	return frozenset(found for title in titles for found in COVERS.get(title, (title,)))


def person_titles(lines: Iterable[Line], person: str) -> frozenset[str]:
	"""What a person of the unit is registered for: the lines naming them and the count lines."""
	return covered(
		line.title
		for line in lines
		if line.kind == STAFF_COUNT or (line.kind == PERSON and line.subject == person)
	)


def division_titles(lines: Iterable[Line], division: str) -> frozenset[str]:
	return covered(line.title for line in lines if line.kind == DIVISION and line.subject == division)
