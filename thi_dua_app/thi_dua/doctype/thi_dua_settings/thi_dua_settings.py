"""The province's switches: which notifications go out and how long before a due date reminders
are sent (thi_dua_app.thi_dua.notifications)."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.thi_dua.typed_document import TypedDocument

# The longest a reminder may come before its due date: a pledge's year has 366 days.
MAX_REMINDER_DAYS = 366


class ThiDuaSettings(TypedDocument):
	def validate(self):
		if not 0 <= cint(self.reminder_days) <= MAX_REMINDER_DAYS:
			frappe.throw(
				_("Reminders come from 0 to {0} days before the due date.").format(MAX_REMINDER_DAYS),
				title=_("Reminders"),
			)
