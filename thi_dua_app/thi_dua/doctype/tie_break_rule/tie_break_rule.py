from frappe.model.document import Document


class TieBreakRule(Document):
	pass
