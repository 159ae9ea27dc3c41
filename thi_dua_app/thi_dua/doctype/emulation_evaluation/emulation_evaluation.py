import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, cstr, flt, now_datetime, today

from thi_dua_app.constants import (
	DRAFT,
	RANKED_STATES,
	RETURNED,
	SELF_ASSESSED,
	VERIFIED,
)
from thi_dua_app.install import LIVE_KEY_INDEX
from thi_dua_app.permissions import acts_for, evaluation_capabilities, leads_pledge
from thi_dua_app.rules.input_rules import check_value
from thi_dua_app.rules.scoring import (
	Entry,
	ScoringError,
	check_entry,
	check_target_result,
	classify,
	compute_totals,
	group_subtotals,
	target_met,
)
from thi_dua_app.thi_dua.ranking import refresh_ranking
from thi_dua_app.thi_dua.scoring_table import (
	CRITERION_FIELDS,
	TARGET_FIELDS,
	bands_of,
	criteria_of,
	entries_of,
	pledge_for_scoring,
	scoring_message,
	throw_scoring_error,
)
from thi_dua_app.thi_dua.typed_document import TypedDocument
from thi_dua_app.thi_dua.workflow_steps import is_return, return_actions

# Columns each party fills; everything else on a score row is copied from the pledge.
UNIT_SCORE_FIELDS = ("self_score", "self_occurrences", "evidence", "note")
VERIFIER_SCORE_FIELDS = ("verified_score", "verified_occurrences", "verifier_note")
NUMERIC_FIELDS = frozenset(
	{"self_score", "self_occurrences", "verified_score", "verified_occurrences", "achieved_value"}
)


def _differs(fieldname: str, old, new) -> bool:
	if fieldname in NUMERIC_FIELDS:
		return flt(old) != flt(new)
	return cstr(old) != cstr(new)


class EmulationEvaluation(TypedDocument):
	# Read by the workflow's conditions: the permission module's answer, never the client's.
	@property
	def acts_for_unit(self) -> int:
		return int(acts_for(self.member_unit))

	@property
	def leads_bloc(self) -> int:
		return int(leads_pledge(self.pledge))

	def autoname(self):
		short_code = frappe.db.get_value("Member Unit", self.member_unit, "short_code")
		year = frappe.db.get_value("Emulation Pledge", self.pledge, "year")
		self.name = make_autoname(f"DGTD-{year}-{short_code}-.##", doc=self)

	def validate(self):
		pledge = self.load_pledge()
		self.validate_one_per_unit()
		self.sync_structure(pledge)
		self.check_edit_rights()
		self.apply_transition()
		self.validate_entries()
		self.compute_results(pledge)

	def on_update(self):
		previous = self.get_doc_before_save()
		if self.workflow_state in RANKED_STATES or (previous and previous.workflow_state in RANKED_STATES):
			self.refresh_ranking()

	def on_cancel(self):
		self.refresh_ranking()

	def refresh_ranking(self):
		"""Re-rank the pledge, and carry this evaluation's new rank back to whoever saved it."""
		refresh_ranking(self.pledge)
		self.bloc_rank, self.tie_break_note = frappe.db.get_value(
			self.doctype, self.name, ["bloc_rank", "tie_break_note"]
		)

	def notify_update(self):
		"""Tell the desks that have this evaluation open (its room admits only those who may read
		it). Frappe would also tell every desk user who saved which evaluation, and when — drafts
		of other units included — so the site-wide list update is not sent."""
		if frappe.flags.in_patch:
			return
		frappe.publish_realtime(
			"doc_update",
			{"modified": self.modified, "doctype": self.doctype, "name": self.name},
			doctype=self.doctype,
			docname=self.name,
			after_commit=True,
		)

	def show_unique_validation_message(self, e):
		"""The database refused a second live evaluation of the unit (two saves raced past
		validate_one_per_unit): the same answer as that check gives."""
		if LIVE_KEY_INDEX in str(e):
			frappe.throw(
				_("{0} already has an evaluation for pledge {1}.").format(self.member_unit, self.pledge),
				frappe.DuplicateEntryError,
			)
		super().show_unique_validation_message(e)

	def onload(self):
		capabilities = evaluation_capabilities(self)
		# The verifier's columns: for the head, deputy and province always (the claim beside their
		# own figure); for the unit once its evaluation is verified.
		capabilities["see_verified"] = (
			capabilities["manager"] or self.workflow_state in RANKED_STATES or leads_pledge(self.pledge)
		)
		self.set_onload("capabilities", capabilities)
		self.set_onload("last_year", self.last_year_scores())
		self.set_onload("return_actions", return_actions(self.doctype, self.workflow_state))
		pledge = pledge_for_scoring(self.pledge) if self.pledge else None
		if pledge:
			groups = subtotals_by_group(pledge, self.scores)
			if not capabilities["see_verified"]:
				groups = [
					{key: value for key, value in row.items() if "verified" not in key} for row in groups
				]
			self.set_onload("groups", groups)

	def last_year_scores(self) -> dict[str, float]:
		"""The verified figure of each criterion in the unit's evaluation of the year before, when
		that one is verified and the user may read it: shown beside this year's. Criteria are
		matched by their code."""
		if not self.member_unit or not self.year:
			return {}
		previous = frappe.get_list(
			"Emulation Evaluation",
			filters={
				"member_unit": self.member_unit,
				"year": cint(self.year) - 1,
				"workflow_state": ("in", RANKED_STATES),
			},
			pluck="name",
			limit_page_length=1,
		)
		if not previous:
			return {}
		return {
			row.criterion_code: flt(row.verified_score)
			if row.criterion_type == "Base"
			else cint(row.verified_occurrences)
			for row in frappe.get_all(
				"Evaluation Score",
				filters={"parent": previous[0], "parenttype": "Emulation Evaluation"},
				fields=["criterion_code", "criterion_type", "verified_score", "verified_occurrences"],
			)
		}

	# ------------------------------------------------------------ checks

	def load_pledge(self):
		pledge = pledge_for_scoring(self.pledge)
		if not pledge or pledge.docstatus != 1:
			frappe.throw(
				_("Pledge {0} is not signed; evaluations follow a signed pledge.").format(self.pledge)
			)
		if self.member_unit not in {row.member_unit for row in pledge.signatories}:
			frappe.throw(_("{0} is not a signatory of pledge {1}.").format(self.member_unit, self.pledge))
		self.bloc, self.year = pledge.bloc, pledge.year
		self.head_unit, self.deputy_unit = pledge.head_unit, pledge.deputy_unit
		if self.is_new():
			self.workflow_state = DRAFT
		return pledge

	def validate_one_per_unit(self):
		"""One live evaluation per pledge and unit (the database holds it too: see
		thi_dua_app.install.one_live_evaluation); a stored one cannot change its pledge or unit."""
		if not self.is_new():
			return
		other = frappe.db.get_value(
			"Emulation Evaluation",
			{
				"pledge": self.pledge,
				"member_unit": self.member_unit,
				"docstatus": ("<", 2),
				"name": ("!=", self.name or ""),
			},
		)
		if other:
			frappe.throw(
				_("{0} already has an evaluation for pledge {1}: {2}.").format(
					self.member_unit, self.pledge, other
				),
				frappe.DuplicateEntryError,
			)

	def sync_structure(self, pledge):
		"""Rows follow the pledge's frozen table; their copied columns are always the pledge's."""
		criteria = {row.criterion_code: row for row in pledge.criteria}
		if self.is_new() and not self.scores:
			for row in pledge.criteria:
				self.append("scores", {field: row.get(field) for field in CRITERION_FIELDS})
		rows = {row.criterion_code: row for row in self.scores}
		if len(rows) != len(self.scores) or set(rows) != set(criteria):
			frappe.throw(_("The score rows must be exactly the criteria of pledge {0}.").format(self.pledge))
		self.set("scores", [rows[code] for code in criteria])
		for idx, row in enumerate(self.scores, start=1):
			row.idx = idx
			row.update({field: criteria[row.criterion_code].get(field) for field in CRITERION_FIELDS})

		if self.is_new() and not self.target_results:
			for row in pledge.targets:
				self.append("target_results", {field: row.get(field) for field in TARGET_FIELDS})
		if len(self.target_results) != len(pledge.targets):
			frappe.throw(_("The target rows must be exactly the targets of pledge {0}.").format(self.pledge))
		for row, target in zip(self.target_results, pledge.targets, strict=True):
			row.update({field: target.get(field) for field in TARGET_FIELDS})

		if self.is_new():
			# A new evaluation starts unverified, whatever the request carried.
			for row in self.scores:
				row.update({"verified_score": 0, "verified_occurrences": 0, "verifier_note": None})
			self.return_reason = None
			self.set("return_history", [])

	def check_edit_rights(self):
		"""Each party changes only its own columns, and only in its own step."""
		previous = self.get_doc_before_save()
		if self.is_new() or previous is None:
			return
		for field in ("pledge", "member_unit"):
			if self.get(field) != previous.get(field):
				frappe.throw(_("The pledge and the member unit of an evaluation cannot be changed."))
		capabilities = evaluation_capabilities(self, stored=previous)
		state = _(previous.workflow_state)
		score_meta = frappe.get_meta("Evaluation Score")
		old_scores = {row.criterion_code: row for row in previous.scores}
		for row in self.scores:
			old = old_scores.get(row.criterion_code)
			for fields, allowed in (
				(UNIT_SCORE_FIELDS, capabilities["self"]),
				(VERIFIER_SCORE_FIELDS, capabilities["verify"]),
			):
				for field in fields:
					if not allowed and _differs(field, old.get(field) if old else None, row.get(field)):
						frappe.throw(
							_("You cannot change {0} of criterion {1} while the evaluation is {2}.").format(
								_(score_meta.get_label(field)), row.criterion_code, state
							),
							frappe.PermissionError,
						)
		for row, old in zip(self.target_results, previous.target_results, strict=False):
			if not capabilities["self"] and _differs(
				"achieved_value", old.achieved_value, row.achieved_value
			):
				frappe.throw(
					_(
						"You cannot change the achieved value of target {0} while the evaluation is {1}."
					).format(row.idx, state),
					frappe.PermissionError,
				)
		if cstr(self.return_reason) != cstr(previous.return_reason) and not (
			capabilities["verify"] or capabilities["manager"]
		):
			frappe.throw(
				_("Only the bloc head or the province can write a return reason."), frappe.PermissionError
			)

	def apply_transition(self):
		previous = self.get_doc_before_save()
		if self.is_new() or previous is None or previous.workflow_state == self.workflow_state:
			return
		old_state, new_state = previous.workflow_state, self.workflow_state
		capabilities = evaluation_capabilities(self, stored=previous)
		# Moving to an earlier step of the workflow is a return, and a return needs a reason.
		if is_return(self.doctype, old_state, new_state):
			self.record_return(old_state, new_state)
			if new_state == RETURNED:
				self.self_assessed_on = None
			self.verified_on = None
		elif new_state == SELF_ASSESSED:
			if not capabilities["self"]:
				frappe.throw(
					_("Only the unit itself can submit its self-assessment."), frappe.PermissionError
				)
			self.check_evidence()
			# The verifier starts from what the unit claimed and corrects it.
			for row in self.scores:
				row.verified_score = row.self_score
				row.verified_occurrences = row.self_occurrences
			self.return_reason = None
			self.self_assessed_on = today()
		elif new_state == VERIFIED:
			if not capabilities["verify"]:
				frappe.throw(
					_("Only the head or deputy unit of the pledge can verify an evaluation."),
					frappe.PermissionError,
				)
			self.verified_on = today()

	def record_return(self, old_state: str, new_state: str):
		reason = cstr(self.return_reason).strip()
		if not reason:
			frappe.throw(
				_("Write the reason in 'Return reason' and save before returning the evaluation."),
				title=_("Reason required"),
			)
		self.append(
			"return_history",
			{
				"from_state": old_state,
				"to_state": new_state,
				"reason": reason,
				"returned_by": frappe.session.user,
				"returned_on": now_datetime(),
			},
		)
		# The next return needs a reason of its own.
		self.return_reason = None

	def check_evidence(self):
		missing = [
			row.criterion_code
			for row in self.scores
			if row.evidence_required
			and not row.evidence
			and (flt(row.self_score) or cint(row.self_occurrences))
		]
		if missing:
			frappe.throw(
				_("Attach evidence for the criteria that require it: {0}.").format(", ".join(missing)),
				title=_("Evidence required"),
			)

	def check_evidence_is_its_own(self):
		"""Evidence put on a row (or changed) is a file attached to this evaluation: a unit cannot
		pass off another unit's file, whose address it may have guessed, as its own."""
		before = self.get_doc_before_save()
		stored = {row.name: row.evidence for row in (before.scores if before else [])}
		for row in self.scores:
			if not row.evidence or stored.get(row.name) == row.evidence:
				continue
			if self.is_new() or not frappe.db.exists(
				"File",
				{
					"file_url": row.evidence,
					"attached_to_doctype": self.doctype,
					"attached_to_name": self.name,
				},
			):
				frappe.throw(
					_("The evidence of criterion {0} must be a file attached to this evaluation.").format(
						row.criterion_code
					),
					title=_("Invalid value"),
				)

	def validate_entries(self):
		for row, criterion in zip(self.scores, criteria_of(self), strict=True):
			try:
				check_entry(criterion, Entry(flt(row.self_score), cint(row.self_occurrences)))
				check_entry(criterion, Entry(flt(row.verified_score), cint(row.verified_occurrences)))
			except ScoringError as error:
				throw_scoring_error(error)
			if row.evidence and not row.evidence.startswith("/private/"):
				frappe.throw(
					_("The evidence of criterion {0} must be a private file.").format(row.criterion_code),
					title=_("Evidence must be private"),
				)
		self.check_evidence_is_its_own()
		for row in self.target_results:
			try:
				check_target_result(row.indicator_kind, flt(row.achieved_value))
			except ScoringError as error:
				throw_scoring_error(error, row=row.idx)

	def compute_results(self, pledge):
		criteria = criteria_of(pledge)
		bonus_cap = flt(pledge.bonus_cap)
		claimed = compute_totals(criteria, entries_of(self.scores, verified=False), bonus_cap)
		verified = compute_totals(criteria, entries_of(self.scores, verified=True), bonus_cap)
		self.self_base, self.self_bonus = claimed.base, claimed.bonus
		self.self_deduction, self.self_total = claimed.deduction, claimed.final
		self.verified_base, self.verified_bonus = verified.base, verified.bonus
		self.verified_deduction, self.final_score = verified.deduction, verified.final
		descriptions = {row.criterion_code: row.description for row in self.scores}
		self.disqualified = int(verified.disqualified)
		self.disqualification_reason = (
			"\n".join(descriptions[code] for code in verified.disqualified_by) or None
		)
		in_result_step = self.workflow_state in RANKED_STATES
		self.classification = classify(verified.final, bands_of(pledge)) if in_result_step else None
		for row in self.target_results:
			row.met = int(target_met(row.indicator_kind, flt(row.committed_value), flt(row.achieved_value)))


def subtotals_by_group(pledge, scores) -> list[dict]:
	"""The groups of a pledge's table in its order, each with its title, the most it can give and
	the points claimed and verified in it (thi_dua_app.rules.scoring.group_subtotals, the save's own
	rules); empty when a row holds what the table does not allow (the save says why)."""
	criteria, bonus_cap = criteria_of(pledge), flt(pledge.bonus_cap)
	try:
		claimed = group_subtotals(criteria, entries_of(scores, verified=False), bonus_cap)
		verified = group_subtotals(criteria, entries_of(scores, verified=True), bonus_cap)
	except ScoringError:
		return []
	return [
		{
			"group_code": group.group_code,
			"group_title": group.group_title,
			"max_points": claimed[group.group_code].maximum,
			"self": claimed[group.group_code].points,
			"self_disqualifies": claimed[group.group_code].disqualifies,
			"verified": verified[group.group_code].points,
			"verified_disqualifies": verified[group.group_code].disqualifies,
		}
		for group in pledge.groups
		if group.group_code in claimed
	]


# The score columns a form sends for a live preview of its totals.
PREVIEW_FIELDS = {
	"self_score": "Float",
	"self_occurrences": "Int",
	"verified_score": "Float",
	"verified_occurrences": "Int",
}


@frappe.whitelist()
def preview_totals(name: str, scores: str | list) -> dict:
	"""The totals and band an evaluation would have with the scores its form holds, before saving:
	the save's own rules (thi_dua_app.rules.scoring) on the pledge's frozen table. ``scores``: the form's
	rows, [{"criterion_code", "self_score", "self_occurrences", "verified_score",
	"verified_occurrences"}], each naming a criterion of this evaluation. Nothing is written."""
	if not isinstance(name, str) or not frappe.db.exists("Emulation Evaluation", name):
		frappe.throw(_("Evaluation {0} does not exist.").format(cstr(name)[:140]), frappe.DoesNotExistError)
	doc = frappe.get_doc("Emulation Evaluation", name)
	doc.check_permission("read")
	try:
		rows = frappe.parse_json(scores) if isinstance(scores, str) else scores
	except (ValueError, RecursionError):
		rows = None
	if (
		not isinstance(rows, list)
		or len(rows) > len(doc.scores)
		or not all(isinstance(row, dict) for row in rows)
	):
		frappe.throw(
			_("The scores to preview are not the rows of this evaluation."), title=_("Invalid value")
		)
	stored = {row.criterion_code: row for row in doc.scores}
	for row in rows:
		target = stored.get(row.get("criterion_code")) if isinstance(row.get("criterion_code"), str) else None
		if target is None:
			frappe.throw(
				_("The scores to preview are not the rows of this evaluation."), title=_("Invalid value")
			)
		for fieldname, fieldtype in PREVIEW_FIELDS.items():
			if fieldname in row:
				if check_value(fieldtype, row[fieldname]):
					frappe.throw(
						_("Criterion {0}: {1} must be a number.").format(
							target.criterion_code, _(frappe.get_meta("Evaluation Score").get_label(fieldname))
						),
						title=_("Invalid value"),
					)
				target.set(fieldname, row[fieldname])
	pledge = pledge_for_scoring(doc.pledge)
	if not pledge:
		frappe.throw(_("Pledge {0} is not signed; evaluations follow a signed pledge.").format(doc.pledge))
	criteria, bonus_cap, bands = criteria_of(pledge), flt(pledge.bonus_cap), bands_of(pledge)
	try:
		claimed = compute_totals(criteria, entries_of(doc.scores, verified=False), bonus_cap)
		verified = compute_totals(criteria, entries_of(doc.scores, verified=True), bonus_cap)
	except ScoringError as error:
		return {"error": scoring_message(error)}
	return {
		"self_base": claimed.base,
		"self_bonus": claimed.bonus,
		"self_deduction": claimed.deduction,
		"self_total": claimed.final,
		"self_band": classify(claimed.final, bands),
		"verified_base": verified.base,
		"verified_bonus": verified.bonus,
		"verified_deduction": verified.deduction,
		"final_score": verified.final,
		"verified_band": classify(verified.final, bands),
		"groups": subtotals_by_group(pledge, doc.scores),
	}
