import frappe
from frappe import _
from frappe.utils import flt

from thi_dua_app.thi_dua.typed_document import TypedDocument


class BaseSalaryRate(TypedDocument):
	def validate(self):
		if flt(self.amount) <= 0 or not flt(self.amount).is_integer():
			frappe.throw(
				_("The base salary must be a positive whole number of đồng."), title=_("Base salary")
			)
