"""One person's year (kết quả năm): the quality rating, the months worked, the unit's view of their
conduct, any discipline, and the initiatives and research recognised that year — what the title
rules of thi_dua_app.rules.eligibility read. A record belongs to the unit the person served in when it
was made, and stays with it when the person moves on."""

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate

from thi_dua_app.thi_dua.doctype.staff_member.staff_member import check_dates, division_unit, refuse_division
from thi_dua_app.thi_dua.typed_document import TypedDocument

YEARS = (1990, 2100)


class StaffYearRecord(TypedDocument):
	def validate(self):
		if not YEARS[0] <= cint(self.year) <= YEARS[1]:
			frappe.throw(_("The year must be between {0} and {1}.").format(*YEARS))
		person = self.staff_member and frappe.db.get_value(
			"Staff Member", self.staff_member, ["member_unit", "division", "full_name"], as_dict=True
		)
		if not person:
			frappe.throw(_("Choose the staff member."), title=_("Staff member"))
		if self.is_new():
			self.member_unit = person.member_unit
			self.division = self.division or person.division
		if self.division and division_unit(self.division) != self.member_unit:
			refuse_division(self.member_unit)
		self.full_name = person.full_name
		if self.months_worked is not None and not 0 <= flt(self.months_worked) <= 12:
			frappe.throw(_("Months worked must be between 0 and 12."), title=_("Months worked"))
		duplicate = frappe.db.get_value(
			"Staff Year Record",
			{"staff_member": self.staff_member, "year": self.year, "name": ("!=", self.name or "")},
		)
		if duplicate:
			frappe.throw(
				_("{0} already has a record for {1}: {2}.").format(
					frappe.bold(self.full_name), self.year, duplicate
				),
				title=_("Duplicate record"),
			)
		self.check_discipline()
		for row in self.initiatives:
			row.title = " ".join((row.title or "").split())
			if row.recognised_on and getdate(row.recognised_on).year < cint(self.year):
				frappe.throw(
					_("Row {0}: an initiative of {1} cannot have been recognised in {2}.").format(
						row.idx, self.year, getdate(row.recognised_on).year
					),
					title=_("Initiatives and research"),
				)

	def check_discipline(self):
		if not self.discipline_form:
			if self.discipline_from or self.discipline_to or self.discipline_decision:
				frappe.throw(
					_("Choose the disciplinary measure, or clear its decision and dates."),
					title=_("Discipline"),
				)
			return
		if not self.discipline_from:
			frappe.throw(_("A disciplinary measure needs the date it took effect."), title=_("Discipline"))
		check_dates((_("In force from"), self.discipline_from), (_("In force until"), self.discipline_to))
		if getdate(self.discipline_from).year > cint(self.year):
			frappe.throw(
				_("A measure in force from {0} belongs to the record of that year.").format(
					getdate(self.discipline_from).year
				),
				title=_("Discipline"),
			)
