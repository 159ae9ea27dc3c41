"""One line of the award ledger (sổ theo dõi khen thưởng): a recipient, a year, a form and the
decision that gave it. Written by a submitted decision, or loaded from history through Data
Import; whether it counts towards consecutive years follows from its kind and revocation."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.permissions import users_acting_for
from thi_dua_app.rewards import counts_for_streaks
from thi_dua_app.thi_dua.typed_document import TypedDocument


class AwardRecord(TypedDocument):
	def validate(self):
		if not 1990 <= cint(self.year) <= 2100:
			frappe.throw(_("The year must be between {0} and {1}.").format(1990, 2100))
		self.counts_for_streaks = counts_for_streaks(self.award_type, bool(cint(self.revoked)))
		self.set("notified_users", [{"user": user} for user in users_acting_for([self.member_unit])])
		if self.award_decision and not self.is_new() and self.has_value_changed("award_decision"):
			frappe.throw(_("A record written by a decision stays with that decision."))
