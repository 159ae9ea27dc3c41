import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, flt

from thi_dua_app.constants import RANKED_STATES
from thi_dua_app.permissions import is_manager, leads_pledge
from thi_dua_app.rules.scoring import PERCENT, YES_NO
from thi_dua_app.thi_dua.legal import regime_of_pledge
from thi_dua_app.thi_dua.ranking import refresh_ranking
from thi_dua_app.thi_dua.scoring_table import copy_scoring_table, validate_scoring_table
from thi_dua_app.thi_dua.typed_document import TypedDocument

FIRST_YEAR, LAST_YEAR = 1990, 2100


class EmulationPledge(TypedDocument):
	def autoname(self):
		bloc_code = frappe.db.get_value("Emulation Bloc", self.bloc, "bloc_code") or "KTD"
		self.name = make_autoname(f"GUTD-{cint(self.year)}-{bloc_code}-.##", doc=self)

	def validate(self):
		self.validate_year()
		self.validate_one_pledge_per_year()
		members = self.bloc_members()
		self.validate_leadership(members)
		self.sync_signatories(members)
		self.sync_scoring_table()
		validate_scoring_table(self)
		self.validate_targets()
		self.legal_regime = regime_of_pledge(self, throw=False)

	def before_submit(self):
		self.validate_ready_to_sign()

	def before_cancel(self):
		evaluations = frappe.get_all(
			"Emulation Evaluation",
			filters={"pledge": self.name, "docstatus": ("<", 2)},
			pluck="name",
			limit=1,
		)
		if evaluations:
			frappe.throw(
				_(
					"The pledge already has evaluations (e.g. {0}); cancel them before cancelling the pledge."
				).format(evaluations[0])
			)

	def validate_year(self):
		if not FIRST_YEAR <= cint(self.year) <= LAST_YEAR:
			frappe.throw(_("The year must be between {0} and {1}.").format(FIRST_YEAR, LAST_YEAR))

	def validate_one_pledge_per_year(self):
		# A cancelled pledge no longer counts, so its amendment may take its place.
		other = frappe.db.get_value(
			"Emulation Pledge",
			{"bloc": self.bloc, "year": self.year, "docstatus": ("<", 2), "name": ("!=", self.name or "")},
		)
		if other:
			frappe.throw(
				_("Bloc {0} already has a pledge for {1}: {2}.").format(self.bloc, self.year, other),
				frappe.DuplicateEntryError,
			)

	def bloc_members(self) -> list[str]:
		return frappe.get_doc("Emulation Bloc", self.bloc).members_in_year(cint(self.year))

	def validate_leadership(self, members: list[str]):
		for unit, role in ((self.head_unit, _("head unit")), (self.deputy_unit, _("deputy unit"))):
			if unit not in members:
				frappe.throw(
					_("The {0} {1} is not a member of bloc {2} in {3}.").format(
						role, unit, self.bloc, self.year
					)
				)
		if self.head_unit == self.deputy_unit:
			frappe.throw(_("The head unit and the deputy unit must be different units."))

	def sync_signatories(self, members: list[str]):
		"""One signatory row per member unit of the year: missing ones are added, others refused."""
		listed = set()
		for row in self.signatories:
			if row.member_unit not in members:
				frappe.throw(
					_("Row {0}: {1} is not a member of bloc {2} in {3}.").format(
						row.idx, row.member_unit, self.bloc, self.year
					)
				)
			if row.member_unit in listed:
				frappe.throw(
					_("Row {0}: {1} is listed twice among the signatories.").format(row.idx, row.member_unit)
				)
			listed.add(row.member_unit)
		missing = [unit for unit in members if unit not in listed]
		heads = {
			row.name: row
			for row in frappe.get_all(
				"Member Unit",
				filters={"name": ("in", missing or [""])},
				fields=["name", "head_name", "head_title"],
			)
		}
		for unit in missing:
			self.append(
				"signatories",
				{
					"member_unit": unit,
					"representative": heads[unit].head_name,
					"title": heads[unit].head_title,
				},
			)

	def sync_scoring_table(self):
		"""Copy the template's table while the pledge is a draft; signing freezes the copy."""
		previous = self.get_doc_before_save()
		template_changed = previous is not None and previous.scoring_template != self.scoring_template
		if self.scoring_template and (not self.criteria or template_changed):
			copy_scoring_table(frappe.get_doc("Scoring Template", self.scoring_template), self)

	def validate_targets(self):
		codes = {row.criterion_code for row in self.criteria}
		for row in self.targets:
			if row.criterion_code and row.criterion_code not in codes:
				frappe.throw(
					_("Target {0}: criterion {1} is not in the scoring table.").format(
						row.idx, row.criterion_code
					)
				)
			if flt(row.committed_value) < 0:
				frappe.throw(_("Target {0}: the committed value cannot be negative.").format(row.idx))
			if row.indicator_kind == PERCENT and flt(row.committed_value) > 100:
				frappe.throw(_("Target {0}: a percentage cannot exceed 100.").format(row.idx))
			if row.indicator_kind == YES_NO:
				row.committed_value = 1

	def validate_ready_to_sign(self):
		if not self.signing_date:
			frappe.throw(_("Enter the signing date before signing the pledge."))
		if not self.targets:
			frappe.throw(_("A pledge needs at least one target."))
		missing = [row.member_unit for row in self.signatories if not row.representative]
		if missing:
			frappe.throw(_("Enter the representative who signs for: {0}.").format(", ".join(missing)))

	def onload(self):
		# The form offers the bloc head's buttons only to whom the server lets use them.
		self.set_onload("can_lead", bool(is_manager() or leads_pledge(self.name)))

	def check_can_lead(self):
		if not (is_manager() or leads_pledge(self.name)):
			frappe.throw(
				_("Only the province manager or the bloc head and deputy units of this pledge can do this."),
				frappe.PermissionError,
			)
		if self.docstatus != 1:
			frappe.throw(_("Sign (submit) the pledge first."))

	@frappe.whitelist()
	def create_evaluations(self) -> list[str]:
		"""Create the draft evaluation of every signatory unit that has none yet (idempotent)."""
		self.check_permission("read")
		self.check_can_lead()
		existing = set(
			frappe.get_all(
				"Emulation Evaluation",
				filters={"pledge": self.name, "docstatus": ("<", 2)},
				pluck="member_unit",
			)
		)
		created = []
		for row in self.signatories:
			if row.member_unit in existing:
				continue
			evaluation = frappe.new_doc("Emulation Evaluation")
			evaluation.pledge = self.name
			evaluation.member_unit = row.member_unit
			evaluation.insert(ignore_permissions=True)
			created.append(evaluation.name)
		return created

	@frappe.whitelist()
	def publish_results(self) -> None:
		"""Let every member unit read every evaluation of the pledge, once all are verified."""
		self.check_permission("read")
		self.check_can_lead()
		states = evaluation_states(self.name)
		waiting = [
			row.member_unit for row in self.signatories if states.get(row.member_unit) not in RANKED_STATES
		]
		if waiting:
			frappe.throw(_("These units are not verified yet: {0}.").format(", ".join(waiting)))
		self.db_set("results_published", 1)
		# The evaluations now carry their tie-break notes, which name the neighbours.
		refresh_ranking(self.name)


def evaluation_states(pledge: str) -> dict[str, str]:
	"""Each unit's live evaluation under a pledge, by its workflow state ({member unit: state});
	a unit with no live evaluation is absent. Read without a permission check: for the server's
	own decisions (publication, reminders), never shown to a user as it is."""
	return dict(
		frappe.get_all(
			"Emulation Evaluation",
			filters={"pledge": pledge, "docstatus": ("<", 2)},
			fields=["member_unit", "workflow_state"],
			as_list=True,
		)
	)
