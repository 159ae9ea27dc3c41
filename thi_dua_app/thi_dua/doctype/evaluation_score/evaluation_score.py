from frappe.model.document import Document


class EvaluationScore(Document):
	pass
