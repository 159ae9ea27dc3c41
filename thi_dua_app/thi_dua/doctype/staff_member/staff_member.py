"""A person of a member unit (cán bộ, công chức, viên chức, người lao động): who they are, where
they serve, and the history of the units they served in. The unit's officers keep their own
people; a transfer to another unit is the province's to record, and closes the person's row in
the history on the day before the new unit's row opens."""

from itertools import pairwise

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today

from thi_dua_app.permissions import is_manager
from thi_dua_app.thi_dua.typed_document import TypedDocument


class StaffMember(TypedDocument):
	def validate(self):
		self.full_name = " ".join((self.full_name or "").split())
		if not self.full_name:
			frappe.throw(_("Full name is required."), title=_("Staff member"))
		check_dates(
			(_("Date of birth"), self.date_of_birth),
			(_("Recruited on"), self.recruited_on),
			(_("Left on"), self.left_on),
		)
		if self.left_on:
			self.is_active = 0
		self.keep_history()
		if self.division and division_unit(self.division) != self.member_unit:
			if not self.is_new() and self.has_value_changed("member_unit"):
				# Moved to another unit: the old unit's division is left behind.
				self.division = None
			else:
				refuse_division(self.member_unit)

	def keep_history(self):
		"""The units served, kept by the server: the first row when the person is entered, a new row
		(and the previous one closed) when the province moves them to another unit."""
		if self.is_new() or not self.assignments:
			self.set("assignments", [])
			self.append(
				"assignments", {"member_unit": self.member_unit, "from_date": self.recruited_on or today()}
			)
			return
		if not self.has_value_changed("member_unit"):
			return
		if not is_manager():
			frappe.throw(_("Only the province records a transfer to another unit."), title=_("Staff member"))
		current = self.assignments[-1]
		start = today()
		if getdate(current.from_date) >= getdate(start):
			# Moved again on the day it was entered: the earlier row was a mistake, not a posting.
			current.member_unit = self.member_unit
			return
		current.to_date = add_days(start, -1)
		self.append("assignments", {"member_unit": self.member_unit, "from_date": start})


def division_unit(division: str) -> str | None:
	return frappe.db.get_value("Unit Division", division, "member_unit")


def refuse_division(unit: str) -> None:
	"""A division of another unit is refused without naming it (its name is that unit's)."""
	frappe.throw(
		_("Choose a division of {0}.").format(
			frappe.bold(frappe.db.get_value("Member Unit", unit, "unit_name") or unit)
		),
		title=_("Division"),
	)


def check_dates(*labelled) -> None:
	"""Dates given in the order of a life: each known one not before the known one before it."""
	known = [(label, getdate(value)) for label, value in labelled if value]
	for (earlier_label, earlier), (later_label, later) in pairwise(known):
		if later < earlier:
			frappe.throw(
				_("{0} ({1}) cannot be before {2} ({3}).").format(
					later_label, frappe.format(later, "Date"), earlier_label, frappe.format(earlier, "Date")
				),
				title=_("Dates"),
			)
