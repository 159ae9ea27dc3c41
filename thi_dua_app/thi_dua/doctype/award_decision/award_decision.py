"""The award decision (quyết định khen thưởng): who signs it, its lines, and the reward money —
coefficient × the base salary in force on the decision date, rounded by the regime's rule, the
total also in Vietnamese words. Submitting writes the award ledger and marks the proposals
decided. A signed decision is never cancelled: it is revoked, with a reason and a date, which
takes its records out of every count."""

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, escape_html, flt, getdate

from thi_dua_app.permissions import is_manager
from thi_dua_app.rules import regime, rewards
from thi_dua_app.thi_dua.doctype.award_proposal.award_proposal import COUNCIL_VOTED, DECIDED
from thi_dua_app.thi_dua.legal import Regime, base_salary_on, regime_for_year
from thi_dua_app.thi_dua.typed_document import TypedDocument

GOVERNMENT_FLAG = "CO_CP"


class AwardDecision(TypedDocument):
	def autoname(self):
		self.name = make_autoname(f"QDKT-{cint(self.year)}-.###", doc=self)

	def validate(self):
		self.set_regime()
		self.base_salary = base_salary_on(self.decision_date)
		self.validate_lines()
		self.compute_amounts()

	def set_regime(self):
		proposals = {row.award_proposal for row in self.lines if row.award_proposal}
		regimes = {frappe.db.get_value("Award Proposal", name, "legal_regime") for name in proposals}
		regimes.discard(None)
		if len(regimes) > 1:
			frappe.throw(
				_("The lines come from proposals judged under different legal regimes: {0}.").format(
					", ".join(sorted(regimes))
				)
			)
		self.legal_regime = regimes.pop() if regimes else regime_for_year(self.year, self.place_name or "")

	def validate_lines(self):
		seen = set()
		for row in self.lines:
			if row.award_proposal or row.proposal_line:
				self.check_proposal_line(row)
			elif row.government_proposal:
				self.check_government_flag_line(row)
			self.check_recipient(row)
			key = (row.member_unit, row.staff_member, row.division, row.award_form)
			if key in seen:
				frappe.throw(
					_("Line {0}: {1} is awarded {2} twice in this decision.").format(
						row.idx, escape_html(row.recipient_name or str(row.member_unit)), row.award_form
					)
				)
			seen.add(key)

	def check_recipient(self, row):
		"""A line awards its unit, or a person who served in it, or one of its divisions; the name
		printed is the server's."""
		if row.recipient_kind != "Individual":
			row.staff_member = None
		if row.recipient_kind != "Collective":
			row.division = None
		unit_name = frappe.db.get_value("Member Unit", row.member_unit, "unit_name") or row.member_unit
		row.recipient_name = unit_name
		if row.staff_member:
			served = frappe.db.exists(
				"Staff Assignment",
				{"parenttype": "Staff Member", "parent": row.staff_member, "member_unit": row.member_unit},
			)
			if not served:
				frappe.throw(
					_("Line {0}: the person never served in {1}.").format(
						row.idx, escape_html(str(unit_name))
					)
				)
			full_name = frappe.db.get_value("Staff Member", row.staff_member, "full_name")
			row.recipient_name = f"{full_name}, {unit_name}"
		if row.division:
			found = frappe.db.get_value("Unit Division", row.division, ["member_unit", "division_name"])
			if not found or found[0] != row.member_unit:
				frappe.throw(
					_("Line {0}: the division is not one of {1}.").format(
						row.idx, escape_html(str(unit_name))
					)
				)
			row.recipient_name = f"{found[1]}, {unit_name}"

	def check_proposal_line(self, row):
		line = frappe.db.get_value(
			"Proposal Line",
			{
				"name": row.proposal_line or "",
				"parent": row.award_proposal or "",
				"parenttype": "Award Proposal",
			},
			[
				"member_unit",
				"award_form",
				"recipient_kind",
				"staff_member",
				"division",
				"council_passed",
				"decided",
			],
			as_dict=True,
		)
		state = frappe.db.get_value("Award Proposal", row.award_proposal, "workflow_state") if line else None
		if not line or state != COUNCIL_VOTED or not cint(line.council_passed):
			frappe.throw(
				_("Line {0}: the proposal line is not one the council passed for a decision.").format(
					row.idx
				),
				title=_("Not passed by the council"),
			)
		row.member_unit, row.award_form, row.recipient_kind = (
			line.member_unit,
			line.award_form,
			line.recipient_kind,
		)
		row.staff_member, row.division = line.staff_member, line.division

	def check_government_flag_line(self, row):
		"""A Government's flag decided on the province's proposal: a collective that proposal
		carried through the council, not yet awarded by another decision."""
		passed = frappe.db.exists(
			"Government Flag Line",
			{
				"parent": row.government_proposal,
				"parenttype": "Government Flag Proposal",
				"member_unit": row.member_unit or "",
				"passed": 1,
			},
		)
		submitted = frappe.db.get_value("Government Flag Proposal", row.government_proposal, "docstatus") == 1
		if not (passed and submitted):
			frappe.throw(
				_("Line {0}: {1} is not a collective that proposal {2} carried through the council.").format(
					row.idx,
					escape_html(str(row.member_unit or "")),
					escape_html(str(row.government_proposal)),
				),
				title=_("Not passed by the council"),
			)
		row.award_form, row.recipient_kind = GOVERNMENT_FLAG, "Collective"
		other = frappe.db.sql(
			"""select decision.name from `tabDecision Line` line
			join `tabAward Decision` decision on decision.name = line.parent
			where line.parenttype = 'Award Decision' and line.government_proposal = %s
				and line.member_unit = %s and decision.docstatus = 1 and decision.revoked = 0
				and decision.name != %s limit 1""",
			(row.government_proposal, row.member_unit, self.name or ""),
		)
		if other:
			frappe.throw(
				_("Line {0}: decision {1} has already awarded this proposal's flag to {2}.").format(
					row.idx, other[0][0], escape_html(str(row.member_unit))
				)
			)

	def compute_amounts(self):
		rules = Regime(self.legal_regime)
		coefficients = {
			(row.award_form, row.recipient_kind): flt(row.coefficient)
			for row in rules.doc.reward_coefficients
		}
		rounding = rules.parameter(regime.REWARD_ROUNDING)
		step = rules.parameter(regime.ROUNDING_STEP)
		rule = rounding.text_value if rounding else rewards.NO_ROUNDING
		step_value = cint(step.value) if step else 1
		total = 0
		for row in self.lines:
			coefficient = coefficients.get((row.award_form, row.recipient_kind))
			if coefficient is None:
				frappe.throw(
					_("Legal regime {0} has no reward coefficient for {1} to a {2} recipient.").format(
						self.legal_regime, row.award_form, _(row.recipient_kind or "").lower()
					),
					title=_("Legal regime"),
				)
			row.coefficient = coefficient
			row.amount = rewards.reward_amount(coefficient, self.base_salary, rule, step_value)
			total += row.amount
		self.total_amount = total
		self.total_in_words = rewards.amount_in_words(int(total))

	@frappe.whitelist()
	def get_passed_lines(self):
		"""Add every line the council passed that no decision has taken yet."""
		self.check_permission("write")
		listed = {row.proposal_line for row in self.lines}
		for proposal in frappe.get_all(
			"Award Proposal",
			filters={"workflow_state": COUNCIL_VOTED, "year": cint(self.year)},
			fields=["name", "bloc", "year", "proposer_name", "internal_review"],
		):
			for line in frappe.get_all(
				"Proposal Line",
				filters={
					"parent": proposal.name,
					"parenttype": "Award Proposal",
					"council_passed": 1,
					"decided": 0,
				},
				fields=["name", "member_unit", "award_form", "recipient_kind", "staff_member", "division"],
				order_by="idx asc",
			):
				if line.name in listed:
					continue
				if proposal.internal_review:
					reason = _("Outstanding achievement in the emulation movement of {0} in {1}").format(
						proposal.proposer_name, proposal.year
					)
				else:
					reason = _(
						"Outstanding achievement, leading the emulation movement of {0} in {1}"
					).format(proposal.proposer_name or proposal.bloc, proposal.year)
				self.append(
					"lines",
					{
						"member_unit": line.member_unit,
						"award_form": line.award_form,
						"recipient_kind": line.recipient_kind,
						"staff_member": line.staff_member,
						"division": line.division,
						"reason_text": reason,
						"award_proposal": proposal.name,
						"proposal_line": line.name,
					},
				)
		self.save()

	def before_submit(self):
		if not self.signer_name:
			frappe.throw(_("Enter who signs the decision before submitting it."))
		if not self.lines:
			frappe.throw(_("A decision awards at least one recipient."))
		for row in self.lines:
			if row.proposal_line and cint(frappe.db.get_value("Proposal Line", row.proposal_line, "decided")):
				frappe.throw(
					_("Line {0}: another decision has already decided this proposal line.").format(row.idx)
				)

	def on_submit(self):
		for row in self.lines:
			record = frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": row.recipient_kind,
					"member_unit": row.member_unit,
					"staff_member": row.staff_member,
					"division": row.division,
					"award_form": row.award_form,
					"year": self.year,
					"award_type": self.award_type,
					"amount": row.amount,
					"award_decision": self.name,
					"decision_number": self.decision_number,
					"decision_date": self.decision_date,
					"issued_by": self.authority,
				}
			)
			record.flags.values_from_server = True
			record.insert(ignore_permissions=True)
			if row.proposal_line:
				frappe.db.set_value("Proposal Line", row.proposal_line, "decided", 1)
		for proposal in {row.award_proposal for row in self.lines if row.award_proposal}:
			frappe.db.set_value(
				"Award Proposal", proposal, {"workflow_state": DECIDED, "award_decision": self.name}
			)

	def before_cancel(self):
		frappe.throw(
			_(
				"A signed decision is not cancelled: revoke it, with the reason and the date (Luật TĐKT Điều 93)."
			),
			title=_("Revoke instead"),
		)

	@frappe.whitelist()
	def revoke(self, reason: str, revoked_on: str):
		"""Withdraw a signed decision: its records stay in the ledger, marked revoked, and stop
		counting towards consecutive years."""
		if not is_manager():
			frappe.throw(_("Only the province revokes a decision."), frappe.PermissionError)
		if self.docstatus != 1 or cint(self.revoked):
			frappe.throw(_("Only a signed decision that is not yet revoked can be revoked."))
		reason = (reason or "").strip() if isinstance(reason, str) else ""
		if not reason:
			frappe.throw(_("Give the reason for revoking the decision."), title=_("Reason required"))
		try:
			on = getdate(revoked_on)
		except Exception:
			on = None
		if not on or on < getdate(self.decision_date):
			frappe.throw(_("The revocation date must be a date on or after the decision date."))
		reason = reason[:2000]
		self.db_set({"revoked": 1, "revoked_on": on, "revocation_reason": reason})
		for name in frappe.get_all("Award Record", filters={"award_decision": self.name}, pluck="name"):
			frappe.db.set_value(
				"Award Record",
				name,
				{"revoked": 1, "revoked_on": on, "revocation_reason": reason, "counts_for_streaks": 0},
			)
		self.add_comment(
			"Info", _("Revoked on {0}: {1}").format(frappe.format(on, "Date"), escape_html(reason))
		)
