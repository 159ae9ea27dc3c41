from frappe.model.document import Document


class PledgeTarget(Document):
	pass
