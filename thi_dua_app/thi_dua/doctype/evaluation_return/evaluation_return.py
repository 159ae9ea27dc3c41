from frappe.model.document import Document


class EvaluationReturn(Document):
	pass
