"""A unit's own review of its people and divisions for the year's titles (bình xét thi đua tại đơn
vị): what its council may propose, and where each proposal goes.

Each line proposes one title for one recipient (a person or a division), with the verdict of the
eligibility rules for that title (thi_dua_app.rules.eligibility; None for a form the rules do not judge,
such as a Giấy khen) and the votes of the unit's council. A line stands when:

- the recipient qualifies for the title — or the rules ask for a manual check and the officer has
  confirmed it on the line;
- the title fits the recipient (a person's title for a person, a collective's for a division);
- the votes reach the regime's threshold for the title at the unit council, where it sets one
  (Decree 98/2023 Điều 30.7: at least 80 % of all members for CSTĐCS), counted as the ballot module
  counts them (thi_dua_app.rules.ballot);
- no recipient is proposed twice for one title, nor — one achievement, one form — for both the
  provincial emulation fighter and the Chairman's Bằng khen in the same review;
- a title is proposed with those it is built on (a CSTĐCS is also a Lao động tiên tiến, a Tập thể
  lao động xuất sắc also a Tập thể lao động tiên tiến: thi_dua_app.rules.registration.COVERS);
- the CSTĐCS proposed stay within the regime's quota of the LĐTT proposed (15 % in 2017, rounded
  down; none under Law 2022).

Then each line goes where its form is decided (the award form's level): a unit-level form into the
unit head's decision, a provincial one into the unit's proposal to the province.
Pure Python, no frappe import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from thi_dua_app.rules import ballot, eligibility, registration

INDIVIDUAL, COLLECTIVE = "Individual", "Collective"
UNIT_LEVEL = "Unit"
# Two forms for one achievement (NĐ 152/2025 Điều 4.2; NĐ 91/2017 Điều 3): the provincial
# emulation fighter and the Chairman's Bằng khen are not proposed for the same year's work.
ONE_ACHIEVEMENT = frozenset({eligibility.CSTDT, eligibility.BK_TINH})


class ReviewError(ValueError):
	def __init__(self, code: str, /, **params):
		super().__init__(code, params)
		self.code = code
		self.params = params


@dataclass(frozen=True)
class Line:
	"""One proposal of the review. ``status`` is the rules' verdict on ``title`` for this recipient
	(None: the rules do not judge this form); ``form_subject`` and ``level`` are the form's."""

	row: int
	recipient: str
	kind: str
	title: str
	status: str | None
	votes_for: int | None = None
	manual_confirmed: bool = False
	form_subject: str = "Individual or collective"
	level: str = UNIT_LEVEL


def check_line(line: Line, council_members: int, thresholds: Mapping[str, ballot.Threshold]) -> None:
	if line.kind not in (INDIVIDUAL, COLLECTIVE):
		raise ReviewError("unknown_kind", row=line.row, kind=line.kind)
	if line.form_subject not in (line.kind, "Individual or collective"):
		raise ReviewError("title_subject", row=line.row, title=line.title, kind=line.kind)
	if line.status == eligibility.NOT_QUALIFIED:
		raise ReviewError("not_qualified", row=line.row, title=line.title)
	if line.status == eligibility.MANUAL and not line.manual_confirmed:
		raise ReviewError("manual_unconfirmed", row=line.row, title=line.title)
	threshold = thresholds.get(line.title)
	if threshold is None:
		return
	votes = line.votes_for
	if votes is None or votes < 0 or votes > council_members:
		raise ReviewError("bad_votes", row=line.row, votes=votes, members=council_members)
	if not ballot.meets(votes, council_members, threshold):
		raise ReviewError(
			"votes_short",
			row=line.row,
			title=line.title,
			votes=votes,
			members=council_members,
			percent=ballot.percent(votes, council_members),
			threshold=threshold.ratio * 100,
			strict=threshold.strict,
		)


def check_review(
	lines: Iterable[Line],
	council_members: int,
	thresholds: Mapping[str, ballot.Threshold],
	rules: eligibility.Rules,
) -> None:
	"""Every line stands on its own, no recipient twice for a form or for both forms of one
	achievement, and the CSTĐCS proposed within the quota of the LĐTT proposed."""
	lines = list(lines)
	if thresholds and council_members < 1:
		raise ReviewError("no_council", members=council_members)
	seen: dict[tuple[str, str], int] = {}
	achievement: dict[str, Line] = {}
	for line in lines:
		check_line(line, council_members, thresholds)
		key = (line.recipient, line.title)
		if key in seen:
			raise ReviewError("repeated", row=line.row, first=seen[key], title=line.title)
		seen[key] = line.row
		if line.title in ONE_ACHIEVEMENT:
			other = achievement.get(line.recipient)
			if other is not None:
				raise ReviewError(
					"one_achievement", row=line.row, first=other.row, title=line.title, other=other.title
				)
			achievement[line.recipient] = line
	for line in lines:
		for needed in registration.COVERS.get(line.title, ()):
			if needed != line.title and (line.recipient, needed) not in seen:
				raise ReviewError("needs_lower_title", row=line.row, title=line.title, needed=needed)
	ldtt = sum(1 for line in lines if line.title == eligibility.LDTT)
	cstdcs = sum(1 for line in lines if line.title == eligibility.CSTDCS)
	try:
		eligibility.check_cstdcs_quota(cstdcs, ldtt, rules)
	except eligibility.EligibilityError as error:
		raise ReviewError(error.code, **error.params) from error


def split(lines: Iterable[Line]) -> tuple[list[Line], list[Line]]:
	"""The lines the unit's head decides, and those proposed to the province."""
	unit, province = [], []
	for line in lines:
		(unit if line.level == UNIT_LEVEL else province).append(line)
	return unit, province
