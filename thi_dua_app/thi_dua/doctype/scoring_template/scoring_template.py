from thi_dua_app.thi_dua.scoring_table import validate_scoring_table
from thi_dua_app.thi_dua.typed_document import TypedDocument


class ScoringTemplate(TypedDocument):
	def validate(self):
		validate_scoring_table(self)
