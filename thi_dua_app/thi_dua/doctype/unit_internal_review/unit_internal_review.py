"""A unit's own review of the year's titles (bình xét thi đua tại đơn vị): one line per proposal for a
person or a division, each with the verdict of the rules on the proposed title — worked out by the
server, never taken from the client — the unit council's votes and the CSTĐCS quota. Submitting
(the unit head signs) checks the whole review (thi_dua_app.rules.review), writes the unit head's decision
on the unit-level titles with their reward money into the award ledger, and makes the lines the
province decides (TTLĐXS, CSTĐ cấp tỉnh, Bằng khen) the unit's Award Proposal to the province."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.rules import ballot, eligibility, review
from thi_dua_app.thi_dua import people
from thi_dua_app.thi_dua.legal import Regime, regime_of_unit
from thi_dua_app.thi_dua.typed_document import TypedDocument
from thi_dua_app.thi_dua.unit_year import check_unit_year, divisions_of, people_of_the_year

UNIT_HEAD, PROVINCE = "Unit head", "Province"
# The titles a unit proposes from its records, highest first within each kind of recipient.
PERSON_DEFAULTS = (eligibility.LDTT, eligibility.CSTDCS, eligibility.CSTDT, eligibility.BK_TINH)
COLLECTIVE_DEFAULTS = (eligibility.TTLDTT, eligibility.TTLDXS, eligibility.BK_TINH)


class UnitInternalReview(TypedDocument):
	def validate(self):
		check_unit_year(
			self,
			_("Unit review"),
			_("{0} already has its own review for {1}: {2}. Amend that one instead."),
		)
		if cint(self.council_members) < 0:
			frappe.throw(_("The number of council members cannot be negative."), title=_("Unit review"))
		self.legal_regime = regime_of_unit(self.member_unit, self.year)
		self.check_recipients()
		self.judge_lines()

	# ------------------------------------------------------------ the lines

	def check_recipients(self):
		"""Every line names one of the unit's people (serving there that year) or divisions."""
		staff = people_of_the_year(
			self.member_unit, self.year, [line.staff_member for line in self.lines if line.staff_member]
		)
		divisions = divisions_of(self.member_unit, [line.division for line in self.lines if line.division])
		for line in self.lines:
			if line.recipient_kind == review.INDIVIDUAL:
				line.division = None
				if line.staff_member not in staff:
					frappe.throw(
						_("Row {0}: choose a person who serves in this unit in the year.").format(line.idx),
						title=_("Unit review"),
					)
				line.recipient_name = staff[line.staff_member]
			elif line.recipient_kind == review.COLLECTIVE:
				line.staff_member = None
				if line.division not in divisions:
					frappe.throw(
						_("Row {0}: choose a division of this unit.").format(line.idx), title=_("Unit review")
					)
				line.recipient_name = divisions[line.division]
			else:
				frappe.throw(
					_("Row {0}: choose whether a person or a division is proposed.").format(line.idx),
					title=_("Unit review"),
				)

	def verdicts(self) -> tuple[dict, dict, eligibility.Rules]:
		"""The rules' verdicts on the unit's people and divisions for the year, by name."""
		results, book = people.person_verdicts(cint(self.year), self.member_unit)
		collectives = people.collective_verdicts(cint(self.year), results, book, self.member_unit)
		return (
			{result.staff_member: result.verdicts for result in results},
			{result.division: result.verdicts for result in collectives},
			book.of(self.member_unit),
		)

	def forms(self) -> dict:
		return {
			row.name: row
			for row in frappe.get_all(
				"Award Form",
				filters={"name": ("in", [line.award_form for line in self.lines if line.award_form] or [""])},
				fields=["name", "subject", "level", "form_kind"],
			)
		}

	def judge_lines(self):
		"""Each line's verdict and reason, vote share and destination; the quota beside the counts."""
		by_person, by_division, rules = self.verdicts()
		forms = self.forms()
		members = cint(self.council_members)
		for line in self.lines:
			verdict = self.verdict_of(line, by_person, by_division)
			line.eligibility_status = verdict.status if verdict else ""
			line.eligibility_reason = self.reason_of(line, verdict)
			line.vote_percent = (
				ballot.percent(cint(line.votes_for), members) if members and line.votes_for is not None else 0
			)
			form = forms.get(line.award_form)
			line.destination = UNIT_HEAD if form and form.level == review.UNIT_LEVEL else PROVINCE
		self.ldtt_count = sum(1 for line in self.lines if line.award_form == eligibility.LDTT)
		self.cstdcs_count = sum(1 for line in self.lines if line.award_form == eligibility.CSTDCS)
		quota = eligibility.cstdcs_quota(self.ldtt_count, rules)
		self.cstdcs_quota = "" if quota is None else str(quota)
		self.province_lines = sum(1 for line in self.lines if line.destination == PROVINCE)

	@staticmethod
	def verdict_of(line, by_person: dict, by_division: dict) -> eligibility.Verdict | None:
		"""The rules' verdict on the line's title; a title the rules judge for a recipient with no
		record of the year is refused (``missing_record``); None for a form they do not judge."""
		titles = PERSON_DEFAULTS if line.recipient_kind == review.INDIVIDUAL else COLLECTIVE_DEFAULTS
		if line.award_form not in titles:
			return None
		found = (by_person if line.recipient_kind == review.INDIVIDUAL else by_division).get(
			line.staff_member or line.division
		)
		if found is None:
			return eligibility.Verdict(
				line.award_form, eligibility.NOT_QUALIFIED, (eligibility.Condition("missing_record", False),)
			)
		return found[line.award_form]

	def reason_of(self, line, verdict) -> str:
		if verdict is None:
			return _("The rules do not judge this form: the council decides.")
		if verdict.deciding and verdict.deciding.code == "missing_record":
			return _("{0} has no year record for {1}.").format(line.recipient_name, self.year)
		return people.reason(verdict)

	@frappe.whitelist()
	def fill_lines(self):
		"""Propose what the records support: each person's LĐTT and CSTĐCS and the higher of CSTĐ
		cấp tỉnh or Bằng khen, each division's TTLĐTT and TTLĐXS or Bằng khen — every title the
		rules give or leave to a manual check. The lines already there are replaced."""
		self.check_permission("write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft review can be filled."), title=_("Unit review"))
		by_person, by_division, _rules = self.verdicts()
		names = people_of_the_year(self.member_unit, self.year, list(by_person))
		division_names = divisions_of(self.member_unit, list(by_division))
		wanted = (eligibility.QUALIFIED, eligibility.MANUAL)
		lines = []
		for member, verdicts in sorted(by_person.items(), key=lambda item: names.get(item[0], "")):
			titles = [
				title for title in (eligibility.LDTT, eligibility.CSTDCS) if verdicts[title].status in wanted
			]
			higher = next(
				(
					title
					for title in (eligibility.CSTDT, eligibility.BK_TINH)
					if verdicts[title].status in wanted
				),
				None,
			)
			titles += [higher] if higher else []
			lines += [
				{"recipient_kind": review.INDIVIDUAL, "staff_member": member, "award_form": title}
				for title in titles
				if member in names
			]
		for division, verdicts in sorted(
			by_division.items(), key=lambda item: division_names.get(item[0], "")
		):
			titles = [title for title in COLLECTIVE_DEFAULTS if verdicts[title].status in wanted]
			lines += [
				{"recipient_kind": review.COLLECTIVE, "division": division, "award_form": title}
				for title in titles[:2]
				if division in division_names
			]
		self.set("lines", lines)
		self.save()

	# ------------------------------------------------------------ submitting

	def review_lines(self) -> list[review.Line]:
		forms = self.forms()
		return [
			review.Line(
				row=line.idx,
				recipient=line.staff_member or line.division,
				kind=line.recipient_kind,
				title=line.award_form,
				status=line.eligibility_status or None,
				votes_for=None if line.votes_for is None else cint(line.votes_for),
				manual_confirmed=bool(cint(line.manual_confirmed)),
				form_subject=forms[line.award_form].subject if line.award_form in forms else "",
				level=forms[line.award_form].level if line.award_form in forms else "",
			)
			for line in self.lines
		]

	def before_submit(self):
		if not self.lines:
			frappe.throw(_("The review proposes no one."), title=_("Unit review"))
		regime = Regime(self.legal_regime)
		thresholds = regime.thresholds("Unit council")
		try:
			review.check_review(
				self.review_lines(), cint(self.council_members), thresholds, regime.eligibility_rules()
			)
		except review.ReviewError as error:
			frappe.throw(self.message(error), title=_("Unit review"))
		if any(line.destination == UNIT_HEAD for line in self.lines):
			missing = [
				label
				for label, value in (
					(_("Decision number"), self.decision_number),
					(_("Decision date"), self.decision_date),
					(_("Signed by"), self.signer_name),
				)
				if not value
			]
			if missing:
				frappe.throw(
					_("Fill in the unit head's decision before submitting: {0}.").format(", ".join(missing)),
					title=_("Unit review"),
				)

	def on_submit(self):
		self.write_unit_decision()
		self.make_proposal()

	def make_proposal(self):
		"""The lines the province decides become the unit's proposal to the province, a draft its
		officers complete (number, date, signer) and send."""
		if not any(line.destination == PROVINCE for line in self.lines):
			return
		proposal = frappe.get_doc(
			{
				"doctype": "Award Proposal",
				"internal_review": self.name,
				"proposal_date": self.decision_date or self.council_date,
				# The unit's head signs in their own name.
				"signer_prefix": "",
				"signer_title": self.signer_title,
				"signer_name": self.signer_name,
			}
		)
		proposal.flags.ignore_permissions = True
		proposal.insert()
		self.db_set("award_proposal", proposal.name)

	def write_unit_decision(self):
		unit_lines = [line for line in self.lines if line.destination == UNIT_HEAD]
		if not unit_lines:
			return
		unit_name = frappe.db.get_value("Member Unit", self.member_unit, "unit_name") or self.member_unit
		decision = frappe.get_doc(
			{
				"doctype": "Award Decision",
				"issuing_body": unit_name,
				"authority": " ".join(part for part in (self.signer_title, unit_name) if part),
				"decision_number": self.decision_number,
				"decision_date": self.decision_date,
				# The unit's head signs in their own name: no "KT." prefix of the province's.
				"signer_prefix": "",
				"signer_title": self.signer_title,
				"signer_name": self.signer_name,
				"award_type": "Regular",
				"achievement_period": _("the year {0}").format(self.year),
				"year": self.year,
				"fund_source": self.fund_source or _("Emulation and reward fund of {0}").format(unit_name),
				"lines": [
					{
						"member_unit": self.member_unit,
						"award_form": line.award_form,
						"recipient_kind": line.recipient_kind,
						"staff_member": line.staff_member,
						"division": line.division,
						"reason_text": line.achievement
						or _("Achievements in the emulation movement of {0}").format(self.year),
					}
					for line in unit_lines
				],
			}
		)
		decision.flags.ignore_permissions = True
		decision.insert()
		decision.submit()
		self.db_set("award_decision", decision.name)

	def before_cancel(self):
		frappe.throw(
			_("A signed review is not cancelled: the province revokes its decision (Luật TĐKT Điều 93)."),
			title=_("Unit review"),
		)

	def message(self, error: review.ReviewError) -> str:
		p = error.params
		names = dict(
			frappe.get_all(
				"Award Form",
				filters={"name": ("in", [p.get("title"), p.get("other"), p.get("needed")])},
				fields=["name", "form_name"],
				as_list=True,
			)
		)

		def form(key):
			return frappe.bold(names.get(p.get(key), p.get(key) or ""))

		texts = {
			"unknown_kind": lambda: _("Row {0}: choose whether a person or a division is proposed.").format(
				p["row"]
			),
			"title_subject": lambda: _("Row {0}: {1} is not a title for this kind of recipient.").format(
				p["row"], form("title")
			),
			"not_qualified": lambda: _("Row {0}: the recipient does not qualify for {1}.").format(
				p["row"], form("title")
			),
			"manual_unconfirmed": lambda: _(
				"Row {0}: {1} needs a manual check; tick Manual check done once the unit has made it."
			).format(p["row"], form("title")),
			"bad_votes": lambda: _("Row {0}: the votes for must be a number from 0 to {1}.").format(
				p["row"], p["members"]
			),
			"votes_short": lambda: (
				_("Row {0}: {1} won {2} of {3} council votes ({4} %); it needs more than {5} %.")
				if p["strict"]
				else _("Row {0}: {1} won {2} of {3} council votes ({4} %); it needs at least {5} %.")
			).format(
				p["row"],
				form("title"),
				p["votes"],
				p["members"],
				people.number(round(p["percent"], 2)),
				people.number(round(p["threshold"], 2)),
			),
			"no_council": lambda: _("Enter the number of members of the unit's council."),
			"repeated": lambda: _("Row {0} repeats row {1} ({2}).").format(
				p["row"], p["first"], form("title")
			),
			"one_achievement": lambda: _(
				"Row {0}: one achievement, one form — the recipient is already proposed for {1} in row {2}, so not for {3}."
			).format(p["row"], form("other"), p["first"], form("title")),
			"needs_lower_title": lambda: _(
				"Row {0}: {1} is proposed together with {2}; add that line."
			).format(p["row"], form("title"), form("needed")),
			"above_quota": lambda: _(
				"{0} Chiến sĩ thi đua cơ sở proposed, but the quota allows {1}: {2} % of the {3} Lao động tiên tiến, rounded down."
			).format(p["named"], p["quota"], people.number(round(p["share"] * 100, 2)), p["ldtt"]),
		}
		return texts[error.code]()
