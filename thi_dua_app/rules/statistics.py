"""The statistical forms of Thông tư 02/2023/TT-BNV that the award ledger fills: 0602 (state-level
awards) and 0603 (awards of the province). Pure Python, no frappe: the report reads the ledger and
hands the awards here.

The forms count awards in columns by award form, each split by the kind of recipient the form
takes (collective / individual, and households where there are any), and in rows: the total, then
by award type (regular, thematic, extraordinary …), by proposing body and by recipient (collectives,
individuals who lead or manage, other individuals, households). Every row adds up to the total row
within its section."""

from __future__ import annotations

from dataclasses import dataclass, field

COLLECTIVE, INDIVIDUAL, HOUSEHOLD = "Collective", "Individual", "Household"
KINDS = (COLLECTIVE, INDIVIDUAL, HOUSEHOLD)
BOTH = "Individual or collective"
LEADER = "Leader"

# Section keys of the rows, in their order on the form.
TOTAL, BY_TYPE, BY_PROPOSER, BY_RECIPIENT = "total", "award_type", "proposer", "recipient"
RECIPIENT_ROWS = (COLLECTIVE, LEADER, INDIVIDUAL, HOUSEHOLD)


@dataclass(frozen=True)
class Form:
	"""An award form the statistical form counts: a column per kind of recipient it takes."""

	code: str
	subject: str


@dataclass(frozen=True)
class Award:
	"""One award of the ledger: its form, the kind of recipient, whether that person leads or
	manages, the award type and the body that proposed it."""

	form: str
	kind: str
	award_type: str
	proposer: str
	leader: bool = False


@dataclass(frozen=True)
class Column:
	form: str
	kind: str

	@property
	def key(self) -> str:
		return f"{self.form}__{self.kind}".lower()


@dataclass
class Row:
	section: str
	label: str
	counts: dict[Column, int] = field(default_factory=dict)

	@property
	def total(self) -> int:
		return sum(self.counts.values())


def kinds_of(subject: str) -> tuple[str, ...]:
	if subject == BOTH:
		return (COLLECTIVE, INDIVIDUAL)
	return (subject,) if subject in KINDS else (COLLECTIVE, INDIVIDUAL)


def columns(forms: list[Form], awards: list[Award]) -> list[Column]:
	"""Each form's kinds of recipient, in the forms' order: those its subject names, and any other
	kind the ledger holds for it (a household's award, say)."""
	present = {(award.form, award.kind) for award in awards}
	found = []
	for form in forms:
		kinds = set(kinds_of(form.subject)) | {kind for code, kind in present if code == form.code}
		found += [Column(form.code, kind) for kind in KINDS if kind in kinds]
	return found


def recipient_row(award: Award) -> str:
	if award.kind == INDIVIDUAL:
		return LEADER if award.leader else INDIVIDUAL
	return award.kind if award.kind in KINDS else COLLECTIVE


def tabulate(
	forms: list[Form], awards: list[Award], award_types: list[str]
) -> tuple[list[Column], list[Row]]:
	"""The form's columns and rows. Awards of forms not on the form are left out; every award type
	given has its row (zero or not), then any other the ledger holds; every proposer with an award
	has one, sorted by name."""
	codes = {form.code for form in forms}
	awards = [award for award in awards if award.form in codes]
	cols = columns(forms, awards)
	types = list(award_types) + sorted({award.award_type for award in awards} - set(award_types))
	rows = {(TOTAL, ""): Row(TOTAL, "")}
	for award_type in types:
		rows[(BY_TYPE, award_type)] = Row(BY_TYPE, award_type)
	for proposer in sorted({award.proposer for award in awards}, key=str.casefold):
		rows[(BY_PROPOSER, proposer)] = Row(BY_PROPOSER, proposer)
	for recipient in RECIPIENT_ROWS:
		rows[(BY_RECIPIENT, recipient)] = Row(BY_RECIPIENT, recipient)
	for award in awards:
		column = Column(award.form, award.kind)
		for key in (
			(TOTAL, ""),
			(BY_TYPE, award.award_type),
			(BY_PROPOSER, award.proposer),
			(BY_RECIPIENT, recipient_row(award)),
		):
			row = rows[key]
			row.counts[column] = row.counts.get(column, 0) + 1
	return cols, list(rows.values())
