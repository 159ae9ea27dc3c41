import frappe

from thi_dua_app import demo
from thi_dua_app.tests.utils import ThiDuaTestCase


class TestScoringTemplate(ThiDuaTestCase):
	prefix = "TDTemplate"

	def template(self, **changes):
		doc = demo.template_doc("TDTemplate Variant")
		doc.update(changes)
		return frappe.get_doc(doc)

	def test_base_maxima_must_add_up_to_the_scale_and_nothing_is_written(self):
		doc = self.template()
		doc.criteria[0].max_points = 25
		self.assertRaisesRegex(frappe.ValidationError, "add up to 95, not the scale total 100\\.", doc.insert)
		self.assertFalse(frappe.db.exists("Scoring Template", "TDTemplate Variant"))

	def test_message_in_vietnamese(self):
		self.in_vietnamese()
		doc = self.template(scale_total="1000")
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Tổng điểm tối đa của các tiêu chí cơ bản là 100, không bằng thang điểm 1\\.000\\.",
			doc.insert,
		)

	def test_negative_maximum_is_refused(self):
		doc = self.template()
		doc.criteria[20].points_per_occurrence = -2
		self.assertRaisesRegex(
			frappe.ValidationError, r"Criterion VI\.2: points cannot be negative", doc.insert
		)

	def test_bonus_needs_a_cap(self):
		self.assertRaisesRegex(
			frappe.ValidationError, "needs a bonus cap above zero", self.template(bonus_cap=0).insert
		)

	def test_bands_must_cover_the_range(self):
		doc = self.template()
		doc.bands[0].max_score = 100
		self.assertRaisesRegex(frappe.ValidationError, "must reach 110", doc.insert)

	def test_a_thousand_point_table(self):
		doc = self.template(scale_total="1000", bonus_cap=100)
		for row in doc.criteria:
			row.max_points *= 10
			row.points_per_occurrence *= 10
		for row in doc.bands:
			row.min_score *= 10
			row.max_score *= 10
		doc.insert()
		self.assertTrue(frappe.db.exists("Scoring Template", "TDTemplate Variant"))
