"""The bloc's year-end meeting (biên bản họp bình xét): attendance and quorum, the verified ranking
adopted as a frozen snapshot, and the secret ballot on whom the bloc proposes for the province's
Emulation Flag and Certificates of Merit (biên bản kiểm phiếu). Submitting locks the minutes.

The arithmetic (quorum, ballot consistency, percentages, quota selection) is thi_dua_app.rules.ballot;
thresholds, quotas and the quorum come from the pledge's legal regime."""

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, escape_html, now_datetime

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.rules import ballot, regime
from thi_dua_app.thi_dua.legal import Regime, regime_of_pledge
from thi_dua_app.thi_dua.ranking import current_notes
from thi_dua_app.thi_dua.typed_document import TypedDocument

BALLOT_FIELDS = ("ballots_issued", "ballots_returned", "ballots_valid", "ballots_invalid")
RANKING_FIELDS = (
	"member_unit",
	"bloc_rank",
	"final_score",
	"verified_base",
	"verified_bonus",
	"verified_deduction",
	"classification",
	"disqualified",
	"tie_break_note",
)


def ballot_messages() -> dict[str, str]:
	return {
		"negative": _("{field} cannot be negative ({value})."),
		"present_above_total": _(
			"{present} units are recorded present but the bloc has {total} member units."
		),
		"issued_above_present": _(
			"{issued} ballots were issued but only {present} member units are present (one ballot per unit)."
		),
		"returned_above_issued": _("{returned} ballots were returned but only {issued} were issued."),
		"valid_plus_invalid": _(
			"{valid} valid and {invalid} invalid ballots do not add up to the {returned} returned."
		),
		"duplicate_candidate": _("{unit} is listed twice for {form}."),
		"unknown_base": _("{base} is not a vote base the app knows."),
		"votes_above_valid": _(
			"{unit} for {form}: {votes_for} votes for and {votes_against} against are more than the {valid} valid ballots."
		),
	}


def field_label(field: str) -> str:
	labels = {
		"members_total": _("Member units"),
		"members_present": _("Units present"),
		"issued": _("Ballots issued"),
		"returned": _("Ballots returned"),
		"valid": _("Valid ballots"),
		"invalid": _("Invalid ballots"),
		"votes_for": _("Votes for"),
		"votes_against": _("Votes against"),
	}
	return labels.get(field, field)


def ballot_error_text(error: ballot.BallotError) -> str:
	params = {key: escape_html(str(value)) for key, value in error.params.items()}
	if "field" in params:
		params["field"] = field_label(error.params["field"])
		if "unit" in params:
			params["field"] = f"{params['unit']} ({params.get('form', '')}): {params['field']}"
	return ballot_messages().get(error.code, error.code).format(**params)


class BlocReviewMeeting(TypedDocument):
	def autoname(self):
		bloc_code = frappe.db.get_value("Emulation Bloc", self.bloc, "bloc_code") or "KTD"
		self.name = make_autoname(f"BBBX-{cint(self.year)}-{bloc_code}-.##", doc=self)

	def validate(self):
		pledge = self.signed_pledge()
		self.validate_one_meeting_per_pledge()
		self.legal_regime = regime_of_pledge(pledge)
		self.sync_attendance(pledge)
		self.count_attendance()
		if not self.ranking or self.flags.adopt_ranking:
			self.adopt_ranking(pledge)
		if self.is_new() and not self.candidates:
			self.propose_candidates()
		self.validate_candidates()
		self.count_votes()

	def before_submit(self):
		if not cint(self.quorum_met):
			frappe.throw(
				_("The meeting has no quorum: {0} of {1} member units present, {2} % needed.").format(
					self.members_present, self.members_total, self.quorum_percent
				),
				title=_("No quorum"),
			)
		if not self.ranking:
			frappe.throw(_("The meeting has no verified ranking to adopt."))
		if not cint(self.ballots_issued):
			frappe.throw(_("Enter the ballot count before submitting the minutes."))
		if not self.meeting_date or not self.chair_name or not self.secretary_name:
			frappe.throw(
				_("Enter the meeting date, the chair and the secretary before submitting the minutes.")
			)

	# ------------------------------------------------------------ the pledge and its units

	def signed_pledge(self):
		pledge = frappe.get_doc("Emulation Pledge", self.pledge)
		if pledge.docstatus != 1:
			frappe.throw(
				_("Pledge {0} is not signed: the bloc meets on a signed pledge.").format(self.pledge),
				title=_("Pledge not signed"),
			)
		return pledge

	def validate_one_meeting_per_pledge(self):
		other = frappe.db.get_value(
			"Bloc Review Meeting",
			{"pledge": self.pledge, "docstatus": ("<", 2), "name": ("!=", self.name or "")},
		)
		if other:
			frappe.throw(
				_("Pledge {0} already has its meeting minutes: {1}.").format(self.pledge, other),
				frappe.DuplicateEntryError,
			)

	def sync_attendance(self, pledge):
		"""One attendance row per signatory of the pledge, in the pledge's order."""
		signatories = {row.member_unit: row for row in pledge.signatories}
		listed = {}
		for row in self.attendance:
			if row.member_unit not in signatories:
				frappe.throw(
					_("Attendance row {0}: {1} did not sign pledge {2}.").format(
						row.idx, escape_html(str(row.member_unit)), self.pledge
					)
				)
			if row.member_unit in listed:
				frappe.throw(_("Attendance row {0}: {1} is listed twice.").format(row.idx, row.member_unit))
			listed[row.member_unit] = row
			if cint(row.present):
				row.absence_reason = ""
		for unit, signatory in signatories.items():
			if unit not in listed:
				listed[unit] = self.append(
					"attendance",
					{
						"member_unit": unit,
						"representative": signatory.representative,
						"representative_title": signatory.title,
						"present": 1,
					},
				)
		self.attendance = [listed[unit] for unit in signatories]
		for idx, row in enumerate(self.attendance, start=1):
			row.idx = idx

	def count_attendance(self):
		self.members_total = len(self.attendance)
		self.members_present = sum(1 for row in self.attendance if cint(row.present))
		quorum = Regime(self.legal_regime).quorum(regime.BLOC_MEETING_QUORUM)
		self.quorum_percent = round(quorum.ratio * 100, 2)
		self.quorum_met = int(ballot.quorum_met(self.members_total, self.members_present, quorum))

	# ------------------------------------------------------------ the ranking it adopts

	def adopt_ranking(self, pledge):
		"""Freeze the verified ranking as it stands: later changes to evaluations do not reach these
		minutes (only "Adopt the ranking again" in a draft does)."""
		evaluations = frappe.get_all(
			"Emulation Evaluation",
			filters={"pledge": self.pledge, "workflow_state": ("in", RANKED_STATES), "docstatus": ("<", 2)},
			fields=["name", *RANKING_FIELDS],
			order_by="bloc_rank asc, member_unit asc",
		)
		# The minutes record each tie-break note, which the evaluations carry only once the results
		# are published: until then, as the ranking writes them.
		notes = current_notes(self.pledge) if not pledge.results_published else {}
		self.set(
			"ranking",
			[
				{
					**{field: row[field] for field in RANKING_FIELDS},
					"evaluation": row.name,
					**({"tie_break_note": notes.get(row.name, "")} if notes else {}),
				}
				for row in evaluations
			],
		)
		ranked = {row.member_unit for row in evaluations}
		self.unranked_units = ", ".join(
			row.member_unit for row in pledge.signatories if row.member_unit not in ranked
		)
		self.ranking_adopted_on = now_datetime()

	@frappe.whitelist()
	def adopt_ranking_again(self):
		"""Adopt the ranking as it stands now (a draft only): e.g. after a late verification."""
		self.check_permission("write")
		if self.docstatus != 0:
			frappe.throw(_("Submitted minutes keep the ranking they adopted."))
		self.flags.adopt_ranking = True
		self.save()

	# ------------------------------------------------------------ the ballot

	def ranked(self) -> dict:
		return {row.member_unit: row for row in self.ranking}

	def forms_in_order(self, forms) -> list[str]:
		precedence = dict(
			frappe.get_all(
				"Award Form",
				filters={"name": ("in", list(forms) or [""])},
				fields=["name", "precedence"],
				as_list=True,
			)
		)
		return sorted(forms, key=lambda form: (-cint(precedence.get(form)), form))

	def propose_candidates(self):
		"""Pre-fill the candidates from the adopted ranking and the regime's per-bloc quotas: the
		highest-ranked units for the highest form (the Cờ), the next ones for the next."""
		quotas = Regime(self.legal_regime).quotas(regime.PER_BLOC)
		ranking = [
			ballot.RankedUnit(row.member_unit, cint(row.bloc_rank), bool(cint(row.disqualified)))
			for row in self.ranking
		]
		for unit, form in ballot.propose_candidates(
			ranking, quotas, self.forms_in_order(quotas), cint(self.members_total)
		):
			self.append("candidates", {"member_unit": unit, "award_form": form})

	def validate_candidates(self):
		ranked = self.ranked()
		for row in self.candidates:
			line = ranked.get(row.member_unit)
			if line is None:
				frappe.throw(
					_(
						"Candidate row {0}: {1} is not in the adopted ranking (only verified units are proposed)."
					).format(row.idx, escape_html(str(row.member_unit)))
				)
			if cint(line.disqualified):
				frappe.throw(
					_("Candidate row {0}: {1} is disqualified this year and cannot be proposed.").format(
						row.idx, row.member_unit
					)
				)
			row.bloc_rank = line.bloc_rank

	def ballot_entered(self) -> bool:
		return any(cint(self.get(field)) for field in BALLOT_FIELDS) or any(
			cint(row.votes_for) or cint(row.votes_against) for row in self.candidates
		)

	def count_votes(self):
		for row in self.candidates:
			row.vote_percent, row.passed, row.selected, row.result_note = 0, 0, 0, ""
		if not self.ballot_entered():
			return
		candidates = [
			ballot.Candidate(
				row.member_unit,
				row.award_form,
				cint(row.bloc_rank),
				cint(row.votes_for),
				cint(row.votes_against),
			)
			for row in self.candidates
		]
		ballots = ballot.Ballots(*(cint(self.get(field)) for field in BALLOT_FIELDS))
		errors = ballot.check_ballot(self.members_total, self.members_present, ballots, candidates)
		if errors:
			frappe.throw(
				"<br>".join(ballot_error_text(error) for error in errors),
				title=_("The ballot count cannot be right"),
			)
		rules = Regime(self.legal_regime)
		thresholds = rules.thresholds(regime.BLOC_MEETING)
		forms = {row.award_form for row in self.candidates}
		for form in sorted(forms - set(thresholds)):
			frappe.throw(
				_("Legal regime {0} sets no bloc-meeting vote threshold for {1}.").format(
					self.legal_regime, form
				),
				title=_("Legal regime"),
			)
		outcomes = ballot.tally(
			candidates,
			ballots,
			self.members_total,
			self.members_present,
			thresholds,
			rules.quotas(regime.PER_BLOC),
			self.forms_in_order(forms),
		)
		for row, outcome in zip(self.candidates, outcomes, strict=True):
			row.vote_percent = outcome.percent
			row.passed = int(outcome.passed)
			row.selected = int(outcome.selected)
			row.result_note = self.result_note(outcome)

	def result_note(self, outcome: ballot.Outcome) -> str:
		if outcome.selected:
			return _("Selected")
		if outcome.reason == ballot.OTHER_FORM:
			return _("Selected for {0}").format(outcome.other_form)
		if outcome.reason == ballot.OVER_QUOTA:
			return _("Passed, over the quota")
		return _("Not passed")


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def candidate_units(doctype, txt, searchfield, start, page_len, filters):
	"""The units a meeting may put up as candidates, for its candidates' Link field: those of its
	adopted ranking, not disqualified. The bloc head's officers may not read the other member units
	themselves, so the framework's search would offer them none; this answers only to a user who may
	write the meeting, and only with the ranking the minutes already show them."""
	meeting = filters.get("meeting") if isinstance(filters, dict) else None
	if not isinstance(meeting, str) or not frappe.db.exists("Bloc Review Meeting", meeting):
		return []
	doc = frappe.get_doc("Bloc Review Meeting", meeting)
	if doc.docstatus != 0 or not doc.has_permission("write"):
		return []
	units = [row.member_unit for row in doc.ranking if not cint(row.disqualified)]
	names = dict(
		frappe.get_all(
			"Member Unit", filters={"name": ("in", units or [""])}, fields=["name", "unit_name"], as_list=True
		)
	)
	text = (txt or "").casefold()
	found = [
		(unit, names.get(unit) or "")
		for unit in units
		if text in unit.casefold() or text in (names.get(unit) or "").casefold()
	]
	return found[cint(start) : cint(start) + cint(page_len)]
