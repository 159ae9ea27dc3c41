"""One line of the award ledger (sổ theo dõi khen thưởng): a recipient, a year, a form and the
decision that gave it. Written by a submitted decision, or loaded from history through Data
Import; whether it counts towards consecutive years follows from its kind and revocation."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.permissions import users_acting_for
from thi_dua_app.rules.rewards import counts_for_streaks
from thi_dua_app.thi_dua.typed_document import TypedDocument


class AwardRecord(TypedDocument):
	def validate(self):
		if not 1990 <= cint(self.year) <= 2100:
			frappe.throw(_("The year must be between {0} and {1}.").format(1990, 2100))
		self.check_staff_member()
		self.check_division()
		self.counts_for_streaks = counts_for_streaks(self.award_type, bool(cint(self.revoked)))
		self.set("notified_users", [{"user": user} for user in users_acting_for([self.member_unit])])
		if self.award_decision and not self.is_new() and self.has_value_changed("award_decision"):
			frappe.throw(_("A record written by a decision stays with that decision."))

	def check_staff_member(self):
		"""A person's award names the person, who served in the unit it is recorded under."""
		if not self.staff_member:
			return
		if self.recipient_kind != "Individual":
			frappe.throw(_("Only an award to an individual names a staff member."), title=_("Staff member"))
		served = frappe.get_all(
			"Staff Assignment",
			filters={"parenttype": "Staff Member", "parent": self.staff_member},
			pluck="member_unit",
		)
		if self.member_unit not in served:
			frappe.throw(
				_("{0} never served in {1}.").format(
					frappe.bold(frappe.db.get_value("Staff Member", self.staff_member, "full_name")),
					frappe.bold(
						frappe.db.get_value("Member Unit", self.member_unit, "unit_name") or self.member_unit
					),
				),
				title=_("Staff member"),
			)

	def check_division(self):
		"""An award to a division names a division of the unit it is recorded under."""
		if not self.division:
			return
		if self.recipient_kind != "Collective":
			frappe.throw(_("Only an award to a collective names a division."), title=_("Division"))
		if frappe.db.get_value("Unit Division", self.division, "member_unit") != self.member_unit:
			frappe.throw(_("The division is not one of the unit's."), title=_("Division"))
