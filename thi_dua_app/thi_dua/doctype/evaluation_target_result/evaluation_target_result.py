from frappe.model.document import Document


class EvaluationTargetResult(Document):
	pass
