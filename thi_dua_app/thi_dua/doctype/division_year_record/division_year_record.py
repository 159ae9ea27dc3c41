"""A division's year (kết quả năm của tập thể): its own rating and the unit's judgment of its part in
the movements and its unity — what the collective titles read beside the counts of its people's
verdicts (thi_dua_app.thi_dua.people). It belongs to the division's unit."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.thi_dua.doctype.staff_year_record.staff_year_record import YEARS
from thi_dua_app.thi_dua.typed_document import TypedDocument


class DivisionYearRecord(TypedDocument):
	def validate(self):
		if not YEARS[0] <= cint(self.year) <= YEARS[1]:
			frappe.throw(_("The year must be between {0} and {1}.").format(*YEARS))
		found = self.division and frappe.db.get_value(
			"Unit Division", self.division, ["member_unit", "division_name"]
		)
		if not found:
			frappe.throw(_("Choose the division."), title=_("Division"))
		self.member_unit, self.division_name = found
		duplicate = frappe.db.get_value(
			"Division Year Record",
			{"division": self.division, "year": self.year, "name": ("!=", self.name or "")},
		)
		if duplicate:
			frappe.throw(
				_("{0} already has a record for {1}: {2}.").format(
					frappe.bold(self.division_name), self.year, duplicate
				),
				title=_("Duplicate record"),
			)
