from frappe.model.document import Document


class EmulationBlocMember(Document):
	pass
