"""A session of the provincial Emulation and Commendation Council (Hội đồng TĐKT tỉnh): members in
office and present (the quorum of the regime), and its votes on the appraised proposal lines,
each against the regime's council threshold for that form. Submitting records the results on the
proposals, which move to "Council voted"."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.rules import ballot, regime
from thi_dua_app.thi_dua.doctype.award_proposal.award_proposal import APPRAISED, COUNCIL_VOTED
from thi_dua_app.thi_dua.legal import Regime
from thi_dua_app.thi_dua.typed_document import TypedDocument


class CouncilSession(TypedDocument):
	def validate(self):
		self.validate_members()
		rules = Regime(self.legal_regime)
		quorum = rules.quorum(regime.COUNCIL_QUORUM)
		self.quorum_percent = round(quorum.ratio * 100, 2)
		self.quorum_met = int(ballot.quorum_met(cint(self.members_total), cint(self.members_present), quorum))
		self.count_votes(rules.thresholds(regime.COUNCIL))

	def validate_members(self):
		total, present = cint(self.members_total), cint(self.members_present)
		if total < 1 or present < 0 or present > total:
			frappe.throw(
				_("{0} members present of {1} in office cannot be right.").format(present, total),
				title=_("Council members"),
			)

	def count_votes(self, thresholds: dict):
		seen = set()
		for row in self.tallies:
			line = self.proposal_line(row)
			if (row.award_proposal, row.proposal_line) in seen:
				frappe.throw(_("Vote row {0}: the same proposed unit is voted on twice.").format(row.idx))
			seen.add((row.award_proposal, row.proposal_line))
			row.member_unit, row.award_form = line.member_unit, line.award_form
			row.recipient_name = line.recipient_name or line.member_unit
			votes = cint(row.votes_for)
			if votes < 0 or votes > cint(self.members_present):
				frappe.throw(
					_("Vote row {0}: {1} votes for, but {2} members are present.").format(
						row.idx, votes, cint(self.members_present)
					),
					title=_("The vote cannot be right"),
				)
			threshold = thresholds.get(line.award_form)
			if threshold is None:
				frappe.throw(
					_("Legal regime {0} sets no council vote threshold for {1}.").format(
						self.legal_regime, line.award_form
					),
					title=_("Legal regime"),
				)
			base = ballot.vote_base(threshold, cint(self.members_total), cint(self.members_present))
			row.vote_percent = ballot.percent(votes, base)
			row.passed = int(ballot.meets(votes, base, threshold))

	def proposal_line(self, row):
		"""The proposal line a vote is on: a line of that proposal, which must be appraised and
		agreed (or, once submitted, voted on by this session)."""
		state, session = frappe.db.get_value(
			"Award Proposal", row.award_proposal, ["workflow_state", "council_session"]
		) or (None, None)
		if state != APPRAISED and not (state == COUNCIL_VOTED and session == self.name):
			frappe.throw(
				_("Vote row {0}: proposal {1} is not waiting for the council (it is {2}).").format(
					row.idx, row.award_proposal, _(state) if state else ""
				)
			)
		if not row.proposal_line:
			# Named by unit and form: only where that names one line (a unit's proposal may carry
			# several people for one form).
			lines = frappe.get_all(
				"Proposal Line",
				filters={
					"parent": row.award_proposal,
					"parenttype": "Award Proposal",
					"member_unit": row.member_unit or "",
					"award_form": row.award_form or "",
				},
				pluck="name",
				limit=2,
			)
			row.proposal_line = lines[0] if len(lines) == 1 else None
		line = frappe.db.get_value(
			"Proposal Line",
			{"name": row.proposal_line or "", "parent": row.award_proposal, "parenttype": "Award Proposal"},
			["member_unit", "award_form", "appraisal_result", "recipient_name"],
			as_dict=True,
		)
		if not line:
			frappe.throw(
				_("Vote row {0}: choose a line of proposal {1}.").format(row.idx, row.award_proposal)
			)
		if line.appraisal_result != "Agreed":
			frappe.throw(
				_("Vote row {0}: {1} was not agreed at appraisal and does not go to the council.").format(
					row.idx, line.recipient_name or line.member_unit
				)
			)
		return line

	@frappe.whitelist()
	def get_appraised_lines(self):
		"""Add every agreed line of the proposals waiting for the council."""
		self.check_permission("write")
		listed = {(row.award_proposal, row.proposal_line) for row in self.tallies}
		for proposal in frappe.get_all("Award Proposal", filters={"workflow_state": APPRAISED}, pluck="name"):
			for line in frappe.get_all(
				"Proposal Line",
				filters={"parent": proposal, "parenttype": "Award Proposal", "appraisal_result": "Agreed"},
				fields=["name", "member_unit", "award_form", "recipient_name"],
				order_by="idx asc",
			):
				if (proposal, line.name) not in listed:
					self.append(
						"tallies",
						{
							"award_proposal": proposal,
							"proposal_line": line.name,
							"member_unit": line.member_unit,
							"award_form": line.award_form,
							"recipient_name": line.recipient_name or line.member_unit,
						},
					)
		self.save()

	def before_submit(self):
		if not cint(self.quorum_met):
			frappe.throw(
				_("The council has no quorum: {0} of {1} members present, {2} % needed.").format(
					self.members_present, self.members_total, self.quorum_percent
				),
				title=_("No quorum"),
			)
		if not self.tallies:
			frappe.throw(_("The session voted on nothing."))

	def on_submit(self):
		for row in self.tallies:
			frappe.db.set_value(
				"Proposal Line",
				row.proposal_line,
				{"council_percent": row.vote_percent, "council_passed": row.passed},
			)
		for proposal in {row.award_proposal for row in self.tallies}:
			frappe.db.set_value(
				"Award Proposal", proposal, {"workflow_state": COUNCIL_VOTED, "council_session": self.name}
			)

	def before_cancel(self):
		decided = frappe.get_all(
			"Award Proposal",
			filters={"council_session": self.name, "workflow_state": ("!=", COUNCIL_VOTED)},
			pluck="name",
			limit=1,
		)
		if decided:
			frappe.throw(
				_(
					"Proposal {0} has moved on since this session; the session can no longer be cancelled."
				).format(decided[0])
			)

	def on_cancel(self):
		for row in self.tallies:
			frappe.db.set_value(
				"Proposal Line", row.proposal_line, {"council_percent": 0, "council_passed": 0}
			)
		for proposal in {row.award_proposal for row in self.tallies}:
			frappe.db.set_value(
				"Award Proposal", proposal, {"workflow_state": APPRAISED, "council_session": None}
			)
