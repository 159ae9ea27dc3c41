"""The province's proposal of the Government's emulation flag (Cờ thi đua của Chính phủ): the
collectives that lead their blocs — those the province awarded its own flag for the year — voted on
by the provincial council against the decree's threshold, and sent to the Prime Minister.

The Government takes at most a share of those bloc leaders (20 % under NĐ 152/2025 Điều 7.1, a
quota of the regime). Going above it is allowed, as the law leaves the Government to decide, but
only with the province's reason written down: the form warns while it is a draft and refuses to be
submitted without the reason. Once the Prime Minister decides, the decision is recorded as an Award
Decision made from this proposal, which writes the flags into the award ledger."""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, getdate

from thi_dua_app.rules import ballot, regime
from thi_dua_app.rules.formatting import vn_number
from thi_dua_app.thi_dua.legal import Regime, regime_for_year
from thi_dua_app.thi_dua.report_data import YEARS
from thi_dua_app.thi_dua.typed_document import TypedDocument

PROVINCIAL_FLAG = "CO_TINH"
GOVERNMENT_FLAG = "CO_CP"


def bloc_leaders(year: int) -> dict[str, frappe._dict]:
	"""The collectives awarded the provincial flag for the year and not revoked, by member unit:
	the record, its decision and the bloc whose meeting selected the unit."""
	leaders = {}
	for record in frappe.get_all(
		"Award Record",
		filters={"award_form": PROVINCIAL_FLAG, "year": year, "revoked": 0, "recipient_kind": "Collective"},
		fields=["name", "member_unit", "decision_number"],
		order_by="name asc",
	):
		leaders.setdefault(record.member_unit, record)
	blocs = frappe.db.sql(
		"""select tally.member_unit, meeting.bloc
		from `tabBallot Tally` tally join `tabBloc Review Meeting` meeting on meeting.name = tally.parent
		where tally.parenttype = 'Bloc Review Meeting' and tally.selected = 1 and tally.award_form = %s
			and meeting.docstatus = 1 and meeting.year = %s""",
		(PROVINCIAL_FLAG, year),
	)
	for unit, bloc in blocs:
		if unit in leaders:
			leaders[unit].bloc = bloc
	return leaders


class GovernmentFlagProposal(TypedDocument):
	def validate(self):
		self.validate_year()
		self.legal_regime = regime_for_year(self.year, self.province or "")
		rules = Regime(self.legal_regime)
		self.compose_legal_basis(rules)
		self.set_deadline(rules)
		leaders = bloc_leaders(cint(self.year))
		self.validate_lines(leaders)
		self.count_votes(rules)
		self.check_share(rules, len(leaders))

	def validate_year(self):
		year = cint(self.year)
		if not YEARS[0] <= year <= YEARS[1]:
			frappe.throw(
				_("Year {0} is outside {1}–{2}.").format(year, YEARS[0], YEARS[1]), title=_("Invalid value")
			)

	def compose_legal_basis(self, rules: Regime):
		if (self.legal_basis or "").strip():
			return
		lines = [row.basis_text for row in rules.doc.legal_basis]
		lines.append(
			_(
				"At the request of the provincial Emulation and Commendation Council (minutes {0} of {1})."
			).format(
				self.council_minutes_number or "…",
				frappe.utils.formatdate(self.council_date, "dd/MM/yyyy") if self.council_date else "…",
			)
		)
		self.legal_basis = "\n".join(lines)

	def set_deadline(self, rules: Regime):
		parameter = rules.parameter(regime.GOVERNMENT_FLAG_DEADLINE)
		self.dossier_deadline = (
			regime.deadline_in(parameter.text_value, cint(self.year) + 1) if parameter else None
		)
		self.late = int(
			bool(self.dossier_deadline and getdate(self.proposal_date) > getdate(self.dossier_deadline))
		)

	def validate_lines(self, leaders: dict):
		"""Only a bloc leader of the year, once in the year: the line's record, decision and bloc are
		the server's, whatever the form sent."""
		elsewhere = self.proposed_elsewhere()
		seen = set()
		for row in self.lines:
			leader = leaders.get(row.member_unit)
			unit = escape_html(str(row.member_unit or ""))
			if leader is None:
				frappe.throw(
					_(
						"Row {0}: {1} was not awarded the provincial emulation flag for {2}; only the collectives leading their blocs may be proposed for the Government's flag."
					).format(row.idx, unit, cint(self.year)),
					title=_("Not a bloc leader"),
				)
			if row.member_unit in seen:
				frappe.throw(_("Row {0}: {1} is proposed twice.").format(row.idx, unit))
			if row.member_unit in elsewhere:
				frappe.throw(
					_("Row {0}: {1} is already in another proposal of the Government's flag for {2}.").format(
						row.idx, unit, cint(self.year)
					)
				)
			seen.add(row.member_unit)
			row.award_record = leader.name
			row.provincial_decision = leader.decision_number
			row.bloc = leader.get("bloc")

	def proposed_elsewhere(self) -> set[str]:
		"""Units on another draft of the year, or passed by the council in a submitted one (a unit
		the council did not pass may be put to it again)."""
		return {
			unit
			for unit, docstatus, passed in frappe.db.sql(
				"""select line.member_unit, proposal.docstatus, line.passed
				from `tabGovernment Flag Line` line
				join `tabGovernment Flag Proposal` proposal on proposal.name = line.parent
				where line.parenttype = 'Government Flag Proposal' and proposal.year = %s
					and proposal.docstatus < 2 and proposal.name != %s""",
				(cint(self.year), self.name or ""),
			)
			if docstatus == 0 or cint(passed)
		}

	def count_votes(self, rules: Regime):
		total, present = cint(self.members_total), cint(self.members_present)
		if total < 0 or present < 0 or present > total:
			frappe.throw(
				_("{0} members present of {1} in office cannot be right.").format(present, total),
				title=_("Council members"),
			)
		quorum = rules.quorum(regime.COUNCIL_QUORUM)
		self.quorum_percent = round(quorum.ratio * 100, 2)
		self.quorum_met = int(total > 0 and ballot.quorum_met(total, present, quorum))
		threshold = rules.thresholds(regime.COUNCIL).get(GOVERNMENT_FLAG)
		if threshold is None:
			frappe.throw(
				_("Legal regime {0} sets no council vote threshold for {1}.").format(
					self.legal_regime, GOVERNMENT_FLAG
				),
				title=_("Legal regime"),
			)
		for row in self.lines:
			votes = cint(row.votes_for)
			if votes < 0 or votes > present:
				frappe.throw(
					_("Vote row {0}: {1} votes for, but {2} members are present.").format(
						row.idx, votes, present
					),
					title=_("The vote cannot be right"),
				)
			base = ballot.vote_base(threshold, total, present) if total else 0
			row.vote_percent = ballot.percent(votes, base) if base else 0
			row.passed = int(bool(base) and ballot.meets(votes, base, threshold))

	def check_share(self, rules: Regime, leaders: int):
		"""Passed lines of the year (this proposal and the others submitted) against the share of the
		bloc leaders; above it, a warning while a draft has no reason written."""
		quota = rules.quotas(regime.PROVINCE).get(GOVERNMENT_FLAG)
		self.leading_collectives = leaders
		self.quota_percent = round(quota.max_share * 100, 2) if quota and quota.max_share else 0
		self.quota_max = ballot.quota_size(quota, leaders) if quota else None
		submitted = frappe.get_all(
			"Government Flag Proposal",
			filters={"year": cint(self.year), "docstatus": 1, "name": ("!=", self.name or "")},
			pluck="name",
		)
		others = frappe.db.count(
			"Government Flag Line",
			{"parenttype": "Government Flag Proposal", "parent": ("in", submitted or [""]), "passed": 1},
		)
		self.proposed_count = others + sum(1 for row in self.lines if cint(row.passed))
		self.over_quota = int(quota is not None and self.proposed_count > cint(self.quota_max))
		if self.over_quota and self.docstatus == 0 and not (self.quota_override_reason or "").strip():
			frappe.msgprint(
				self.share_message(),
				title=_("Above the Government's share"),
				indicator="orange",
			)

	def share_message(self) -> str:
		return _(
			"{0} collectives passed for the Government's flag in {1}, above the share of {2} % of the {3} bloc leaders (at most {4}). Write the province's reason to send the proposal."
		).format(
			self.proposed_count,
			cint(self.year),
			vn_number(self.quota_percent),
			self.leading_collectives,
			self.quota_max,
		)

	def before_submit(self):
		if not self.council_date:
			frappe.throw(
				_("Enter the date of the council's session before sending the proposal."),
				title=_("Council session"),
			)
		if not cint(self.quorum_met):
			frappe.throw(
				_("The council has no quorum: {0} of {1} members present, {2} % needed.").format(
					cint(self.members_present), cint(self.members_total), vn_number(self.quorum_percent)
				),
				title=_("No quorum"),
			)
		if not any(cint(row.passed) for row in self.lines):
			frappe.throw(
				_("No collective passed the council's vote: there is nothing to propose."),
				title=_("Nothing to propose"),
			)
		if cint(self.over_quota) and not (self.quota_override_reason or "").strip():
			frappe.throw(self.share_message(), title=_("Reason required"))

	@frappe.whitelist()
	def get_bloc_leaders(self):
		"""Add every bloc leader of the year not yet proposed."""
		self.check_permission("write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft proposal can be changed."))
		listed = {row.member_unit for row in self.lines}
		taken = self.proposed_elsewhere()
		for unit in bloc_leaders(cint(self.year)):
			if unit not in listed and unit not in taken:
				self.append("lines", {"member_unit": unit})
		self.save()


@frappe.whitelist()
def make_award_decision(source_name: str):
	"""A draft decision of the Prime Minister for the collectives the council passed, to be
	completed with the decision's number, date and signer as it was signed."""
	proposal = frappe.get_doc("Government Flag Proposal", source_name)
	proposal.check_permission("read")
	frappe.has_permission("Award Decision", "create", throw=True)
	if proposal.docstatus != 1:
		frappe.throw(_("Submit the proposal first."))
	decision = frappe.new_doc("Award Decision")
	decision.update(
		{
			"issuing_body": "THỦ TƯỚNG CHÍNH PHỦ",
			"authority": "THỦ TƯỚNG CHÍNH PHỦ",
			"place_name": "Hà Nội",
			"signer_prefix": "KT. THỦ TƯỚNG",
			"signer_title": "PHÓ THỦ TƯỚNG",
			"award_type": "Regular",
			"year": cint(proposal.year),
			"achievement_period": str(cint(proposal.year)),
		}
	)
	for row in proposal.lines:
		if cint(row.passed):
			decision.append(
				"lines",
				{
					"member_unit": row.member_unit,
					"award_form": GOVERNMENT_FLAG,
					"recipient_kind": "Collective",
					"government_proposal": proposal.name,
					"reason_text": _("Led the emulation movement of {0} province in {1}").format(
						proposal.province, cint(proposal.year)
					),
				},
			)
	# The desk opens it as a new, unsaved form (frappe.model.open_mapped_doc).
	values = decision.as_dict()
	for row in (values, *values["lines"]):
		row["__islocal"] = 1
	return values
