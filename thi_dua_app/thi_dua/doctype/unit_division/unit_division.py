"""A sub-unit of a member unit (phòng, ban, đơn vị trực thuộc): the collective its people belong to
for the titles of collectives (Tập thể lao động tiên tiến / xuất sắc). Kept by the unit itself."""

import frappe
from frappe import _

from thi_dua_app.thi_dua.typed_document import TypedDocument


class UnitDivision(TypedDocument):
	def validate(self):
		self.division_name = " ".join((self.division_name or "").split())
		if not self.division_name:
			frappe.throw(_("The division's name is required."), title=_("Division"))
		same = frappe.db.get_value(
			"Unit Division",
			{
				"member_unit": self.member_unit,
				"division_name": self.division_name,
				"name": ("!=", self.name or ""),
			},
		)
		if same:
			frappe.throw(
				_("The unit already has a division named {0}: {1}.").format(
					frappe.bold(self.division_name), same
				),
				title=_("Division"),
			)
