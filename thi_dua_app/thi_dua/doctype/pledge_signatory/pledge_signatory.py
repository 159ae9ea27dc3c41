from frappe.model.document import Document


class PledgeSignatory(Document):
	pass
