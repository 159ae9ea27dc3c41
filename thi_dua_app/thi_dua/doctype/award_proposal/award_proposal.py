"""The bloc's proposal to the province (tờ trình đề nghị khen thưởng + danh sách): made from
submitted minutes, one line per unit the meeting selected, sent by the bloc head and carried by
the province through reception, appraisal, the council's vote and the decision — or returned,
with a reason, at any of those steps.

Which side writes what follows the stored state: the bloc writes the document (number, date,
signer, legal basis, achievement summaries) while it is a draft or returned; the province writes
the appraisal once it is sent. Lines are those of the minutes: never added or removed."""

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, getdate, now_datetime, nowdate

from thi_dua_app import regime
from thi_dua_app.permissions import users_acting_for
from thi_dua_app.thi_dua.legal import Regime
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
	def autoname(self):
		bloc_code = frappe.db.get_value("Emulation Bloc", self.bloc, "bloc_code") or "KTD"
		self.name = make_autoname(f"TTR-{cint(self.year)}-{bloc_code}-.##", doc=self)

	def validate(self):
		meeting = self.submitted_meeting()
		self.validate_one_proposal_per_meeting()
		previous = None if self.is_new() else self.get_doc_before_save()
		if previous is None:
			self.make_lines(meeting)
			self.compose_legal_basis(meeting)
		else:
			self.keep_what_the_other_side_writes(previous)
		self.set_deadline()
		self.track_sending(previous)
		self.track_return(previous)
		self.set(
			"notified_users",
			[{"user": user} for user in users_acting_for([self.head_unit, self.deputy_unit])],
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

	def validate_one_proposal_per_meeting(self):
		other = frappe.db.get_value(
			"Award Proposal", {"meeting": self.meeting, "name": ("!=", self.name or "")}
		)
		if other:
			frappe.throw(
				_("Meeting minutes {0} already have their proposal: {1}.").format(self.meeting, other),
				frappe.DuplicateEntryError,
			)

	def make_lines(self, meeting):
		"""One line per unit the meeting selected, with its score, rank and share of the votes."""
		ranking = {row.member_unit: row for row in meeting.ranking}
		self.set("lines", [])
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
					"bloc_rank": row.bloc_rank,
					"final_score": ranking[row.member_unit].final_score,
					"vote_percent": row.vote_percent,
					"achievement_summary": summary,
				},
			)
		if not self.lines:
			frappe.throw(_("The meeting selected no unit: there is nothing to propose."))

	def compose_legal_basis(self, meeting):
		if self.legal_basis:
			return
		lines = [row.basis_text for row in Regime(meeting.legal_regime).doc.legal_basis]
		bloc_name = frappe.db.get_value("Emulation Bloc", meeting.bloc, "bloc_name") or meeting.bloc
		lines.append(
			_("Based on the minutes of the emulation review meeting for {0} of {1} on {2}.").format(
				meeting.year,
				bloc_name,
				frappe.utils.formatdate(meeting.meeting_date, "dd/MM/yyyy"),
			)
		)
		self.legal_basis = "\n".join(lines)

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
