from frappe.model.document import Document

from thi_dua_app.thi_dua.scoring_table import validate_scoring_table


class ScoringTemplate(Document):
	def validate(self):
		validate_scoring_table(self)
