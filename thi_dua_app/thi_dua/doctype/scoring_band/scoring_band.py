from frappe.model.document import Document


class ScoringBand(Document):
	pass
