import re

import frappe
from frappe import _

from thi_dua_app.thi_dua.typed_document import TypedDocument

CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,19}$")


class AwardForm(TypedDocument):
	def validate(self):
		if not CODE.match(self.form_code or ""):
			frappe.throw(
				_("The code of an award form is 1–20 capital letters, digits or underscores, e.g. CO_TINH."),
				title=_("Award form"),
			)
