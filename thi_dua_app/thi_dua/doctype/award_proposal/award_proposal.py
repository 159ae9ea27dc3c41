"""A proposal to the province (tờ trình đề nghị khen thưởng + danh sách), made either by a bloc from
its submitted minutes — one line per unit the meeting selected — or by a unit from its submitted
internal review — one line per person or division whose title the province decides. It is sent
by the bloc's head (or the unit) and carried by the province through reception, appraisal, the
council's vote and the decision, or returned, with a reason, at any of those steps.

Which side writes what follows the stored state: the proposer writes the document (number, date,
signer, legal basis, achievement summaries) while it is a draft or returned; the province writes
the appraisal once it is sent. Lines are those of the minutes or the review: never added or
removed."""

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, flt, getdate, now_datetime, nowdate

from thi_dua_app.permissions import proposes, users_acting_for
from thi_dua_app.rules import regime
from thi_dua_app.thi_dua.legal import Regime
from thi_dua_app.thi_dua.people import number
from thi_dua_app.thi_dua.typed_document import TypedDocument

DRAFT, SENT, RECEIVED, APPRAISED, COUNCIL_VOTED, DECIDED, RETURNED = (
	"Draft",
	"Sent to province",
	"Received",
	"Appraised",
	"Council voted",
	"Decided",
	"Returned",
)
BLOC_STATES = (DRAFT, RETURNED)
PROVINCE_STATES = (SENT, RECEIVED, APPRAISED, COUNCIL_VOTED)
BLOC_FIELDS = (
	"proposal_number",
	"proposal_date",
	"addressee",
	"signer_prefix",
	"signer_title",
	"signer_name",
	"legal_basis",
)
PROVINCE_FIELDS = ("appraisal_note", "return_reason")
BLOC_LINE_FIELDS = ("achievement_summary",)
PROVINCE_LINE_FIELDS = ("appraisal_result", "appraisal_note")


class AwardProposal(TypedDocument):
	@property
	def acts_for_proposer(self) -> int:
		"""Read by the workflow's conditions: the permission module's answer, never the client's."""
		return int(proposes(self.meeting, self.internal_review))

	def autoname(self):
		# Named before validate sets the header: from the source itself.
		if self.internal_review:
			unit, year = frappe.db.get_value(
				"Unit Internal Review", self.internal_review, ["member_unit", "year"]
			) or (None, 0)
			code = frappe.db.get_value("Member Unit", unit, "short_code") or "DV"
		else:
			bloc, year = frappe.db.get_value("Bloc Review Meeting", self.meeting, ["bloc", "year"]) or (
				self.bloc,
				self.year,
			)
			code = frappe.db.get_value("Emulation Bloc", bloc, "bloc_code") or "KTD"
		self.name = make_autoname(f"TTR-{cint(year)}-{code}-.##", doc=self)

	def validate(self):
		if bool(self.meeting) == bool(self.internal_review):
			frappe.throw(
				_(
					"A proposal comes either from a bloc's meeting minutes or from a unit's internal review: name one of them."
				),
				title=_("Award Proposal"),
			)
		previous = None if self.is_new() else self.get_doc_before_save()
		# The header is the source's, on every save: who proposes decides who reads and writes.
		if self.internal_review:
			review = self.submitted_review()
			self.validate_one_proposal_per_source("internal_review")
			self.take_review_header(review)
			if previous is None:
				self.take_review_lines(review)
		else:
			meeting = self.submitted_meeting()
			self.validate_one_proposal_per_source("meeting")
			self.proposing_unit = None
			self.proposer_name = (
				frappe.db.get_value("Emulation Bloc", meeting.bloc, "bloc_name") or meeting.bloc
			)
			if previous is None:
				self.make_lines(meeting)
				self.compose_legal_basis(
					meeting.legal_regime,
					_("Based on the minutes of the emulation review meeting for {0} of {1} on {2}.").format(
						meeting.year,
						self.proposer_name,
						frappe.utils.formatdate(meeting.meeting_date, "dd/MM/yyyy"),
					),
				)
		if previous is not None:
			self.keep_what_the_other_side_writes(previous)
		self.set_deadline()
		self.track_sending(previous)
		self.track_return(previous)
		self.set(
			"notified_users",
			[
				{"user": user}
				for user in users_acting_for([self.head_unit, self.deputy_unit, self.proposing_unit])
			],
		)

	# ------------------------------------------------------------ made from the minutes

	def submitted_meeting(self):
		meeting = frappe.get_doc("Bloc Review Meeting", self.meeting)
		if meeting.docstatus != 1:
			frappe.throw(
				_("Meeting minutes {0} are not submitted: a proposal is made from submitted minutes.").format(
					self.meeting
				),
				title=_("Minutes not submitted"),
			)
		return meeting

	def submitted_review(self):
		review = frappe.get_doc("Unit Internal Review", self.internal_review)
		if review.docstatus != 1:
			frappe.throw(
				_("Unit review {0} is not signed: a unit's proposal is made from its signed review.").format(
					self.internal_review
				),
				title=_("Review not signed"),
			)
		return review

	def validate_one_proposal_per_source(self, field: str):
		source = self.get(field)
		other = frappe.db.get_value("Award Proposal", {field: source, "name": ("!=", self.name or "")})
		if other:
			frappe.throw(
				_("{0} already has its proposal: {1}.").format(source, other),
				frappe.DuplicateEntryError,
			)

	def take_review_header(self, review):
		"""A unit's proposal: the review's unit, year and legal regime; no bloc, no pledge."""
		for field in ("pledge", "bloc", "head_unit", "deputy_unit"):
			self.set(field, None)
		self.proposing_unit, self.year, self.legal_regime = (
			review.member_unit,
			review.year,
			review.legal_regime,
		)
		self.proposer_name = (
			frappe.db.get_value("Member Unit", review.member_unit, "unit_name") or review.member_unit
		)

	def take_review_lines(self, review):
		"""The review's lines whose titles the province decides, with the council's votes."""
		unit_name = self.proposer_name
		self.set("lines", [])
		for line in review.lines:
			if line.destination != "Province":
				continue
			self.append(
				"lines",
				{
					"member_unit": review.member_unit,
					"award_form": line.award_form,
					"recipient_kind": line.recipient_kind,
					"staff_member": line.staff_member,
					"division": line.division,
					"recipient_name": line.recipient_name,
					"vote_percent": line.vote_percent,
					"achievement_summary": line.achievement
					or _("Proposed by the council of {0} with {1} % of its votes.").format(
						unit_name, number(flt(line.vote_percent, 2))
					),
				},
			)
		if not self.lines:
			frappe.throw(_("The review proposes no title the province decides: there is nothing to propose."))
		self.compose_legal_basis(
			review.legal_regime,
			_("Based on the minutes of the emulation review of {0} for {1} on {2}.").format(
				unit_name, review.year, frappe.utils.formatdate(review.council_date, "dd/MM/yyyy")
			),
		)

	def make_lines(self, meeting):
		"""One line per unit the meeting selected, with its score, rank and share of the votes."""
		ranking = {row.member_unit: row for row in meeting.ranking}
		self.set("lines", [])
		names = dict(
			frappe.get_all(
				"Member Unit",
				filters={"name": ("in", [row.member_unit for row in meeting.candidates] or [""])},
				fields=["name", "unit_name"],
				as_list=True,
			)
		)
		for row in meeting.candidates:
			if not cint(row.selected):
				continue
			summary = _(
				"Ranked {0} of the bloc with {1} points; {2} % of the member units voted for it."
			).format(row.bloc_rank, ranking[row.member_unit].final_score, row.vote_percent)
			self.append(
				"lines",
				{
					"member_unit": row.member_unit,
					"award_form": row.award_form,
					"recipient_kind": "Collective",
					"recipient_name": names.get(row.member_unit) or row.member_unit,
					"bloc_rank": row.bloc_rank,
					"final_score": ranking[row.member_unit].final_score,
					"vote_percent": row.vote_percent,
					"achievement_summary": summary,
				},
			)
		if not self.lines:
			frappe.throw(_("The meeting selected no unit: there is nothing to propose."))

	def compose_legal_basis(self, legal_regime: str, minutes: str):
		"""Unless written already: the regime's legal basis, then the minutes the proposal rests on."""
		if self.legal_basis:
			return
		lines = [row.basis_text for row in Regime(legal_regime).doc.legal_basis]
		self.legal_basis = "\n".join([*lines, minutes])

	# ------------------------------------------------------------ who writes what

	def keep_what_the_other_side_writes(self, previous):
		"""The stored state decides: the bloc's fields while it is the bloc's turn, the province's
		appraisal once sent; everything else keeps its stored value. Lines stay the minutes' lines."""
		state = previous.workflow_state or DRAFT
		bloc_turn = state in BLOC_STATES
		province_turn = state in PROVINCE_STATES
		for field in BLOC_FIELDS:
			if not bloc_turn:
				self.set(field, previous.get(field))
		for field in PROVINCE_FIELDS:
			if not province_turn:
				self.set(field, previous.get(field))
		incoming = {row.name: row for row in self.lines if row.name}
		kept = []
		for stored in previous.lines:
			row = stored.as_dict()
			sent = incoming.get(stored.name)
			if sent is not None:
				for field in BLOC_LINE_FIELDS if bloc_turn else ():
					row[field] = sent.get(field)
				for field in PROVINCE_LINE_FIELDS if province_turn else ():
					row[field] = sent.get(field)
			kept.append(row)
		self.set("lines", kept)

	def set_deadline(self):
		parameter = (
			Regime(self.legal_regime).parameter(regime.DOSSIER_DEADLINE) if self.legal_regime else None
		)
		self.dossier_deadline = (
			regime.deadline_in(parameter.text_value, cint(self.year)) if parameter else None
		)

	def track_sending(self, previous):
		was = (previous.workflow_state if previous else None) or DRAFT
		if self.workflow_state == SENT and was in BLOC_STATES:
			self.submitted_on = nowdate()
		self.late = int(
			bool(
				self.submitted_on
				and self.dossier_deadline
				and getdate(self.submitted_on) > getdate(self.dossier_deadline)
			)
		)

	def track_return(self, previous):
		was = (previous.workflow_state if previous else None) or DRAFT
		if self.workflow_state == RETURNED and was != RETURNED:
			if not (self.return_reason or "").strip():
				frappe.throw(_("Give the reason for returning the proposal."), title=_("Reason required"))
			self.append(
				"return_history",
				{
					"from_state": was,
					"reason": self.return_reason,
					"returned_by": frappe.session.user,
					"returned_on": now_datetime(),
				},
			)

	def on_trash(self):
		if (self.workflow_state or DRAFT) != DRAFT:
			frappe.throw(_("Only a draft proposal can be deleted."))


def proposal_letter(doc) -> frappe._dict:
	"""What the letter says of who proposes and how many of each form: the bloc (its parent body,
	name and place) or the unit (its governing body, name and the place of its bloc)."""
	if doc.get("internal_review"):
		unit = (
			frappe.db.get_value(
				"Member Unit", doc.proposing_unit, ["unit_name", "governing_body"], as_dict=True
			)
			or frappe._dict()
		)
		place = frappe.db.sql(
			"""select bloc.place_name from `tabEmulation Bloc Member` member
			join `tabEmulation Bloc` bloc on bloc.name = member.parent
			where member.parenttype = 'Emulation Bloc' and member.member_unit = %s
			order by bloc.modified desc limit 1""",
			doc.proposing_unit,
		)
		letter = frappe._dict(
			parent_body=unit.governing_body or "",
			issuer=unit.unit_name or doc.proposing_unit,
			place=place[0][0] if place else "",
			subject=_("On proposing the province's emulation titles and certificates of merit for {0}"),
			from_unit=True,
		)
	else:
		bloc = (
			frappe.db.get_value(
				"Emulation Bloc", doc.bloc, ["parent_body", "bloc_name", "place_name"], as_dict=True
			)
			or frappe._dict()
		)
		letter = frappe._dict(
			parent_body=bloc.parent_body or "",
			issuer=bloc.bloc_name or doc.bloc,
			place=bloc.place_name or "",
			subject=_("On proposing the emulation flag and certificates of merit of the province for {0}"),
			from_unit=False,
		)
	letter.subject = letter.subject.format(doc.year)
	counts: dict[str, list[int]] = {}
	for line in doc.lines:
		count = counts.setdefault(line.award_form, [0, 0])
		count[0 if line.recipient_kind == "Individual" else 1] += 1
	names = dict(
		frappe.get_all(
			"Award Form",
			filters={"name": ("in", list(counts) or [""])},
			fields=["name", "form_name"],
			as_list=True,
		)
	)
	letter.forms = []
	for form, (individuals, collectives) in counts.items():
		parts = [_("{0} individual(s)").format(f"{individuals:02d}")] if individuals else []
		parts += [_("{0} collective(s)").format(f"{collectives:02d}")] if collectives else []
		letter.forms.append((names.get(form) or form, ", ".join(parts)))
	return letter
