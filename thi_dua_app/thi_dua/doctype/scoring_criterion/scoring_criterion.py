from frappe.model.document import Document


class ScoringCriterion(Document):
	pass
