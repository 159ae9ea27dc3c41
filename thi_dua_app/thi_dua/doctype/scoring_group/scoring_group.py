from frappe.model.document import Document


class ScoringGroup(Document):
	pass
