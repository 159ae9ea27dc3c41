"""Units that merge, in a real site: the succession is checked as it is recorded, the successor's
officers read the ledger of the units it succeeds (no one else does), and the award history of a
successor shows its predecessors and counts their years only when the regime says it inherits them.

World: units A–D, X outside; C (and B) merge into D on 01/07/2025."""

import frappe

from thi_dua_app.rules import regime
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.legal import regime_for_year
from thi_dua_app.thi_dua.report.award_history.award_history import execute as history

UNIT = "Member Unit"


class TestSuccession(ThiDuaTestCase):
	prefix = "TDMerge"

	def merge(self, letter: str, into: str, on: str = "2025-07-01"):
		doc = frappe.get_doc(UNIT, self.world.unit(letter))
		doc.successor_unit = self.world.unit(into)
		doc.succession_date = on
		doc.succession_decision = "1234/QĐ-UBND"
		doc.save()
		return doc

	def award(self, letter: str, year: int, form: str = "CO_TINH") -> str:
		return (
			frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": "Collective",
					"member_unit": self.world.unit(letter),
					"award_form": form,
					"year": year,
					"award_type": "Regular",
					"decision_number": f"{year - 2000}/QĐ-UBND",
					"decision_date": f"{year + 1}-01-15",
				}
			)
			.insert()
			.name
		)

	def set_inheritance(self, value: int):
		name = regime_for_year(2025)
		frappe.db.set_value(
			"Regime Parameter",
			{"parent": name, "parameter": regime.SUCCESSOR_INHERITS_STREAKS},
			"value",
			value,
		)
		frappe.clear_document_cache("Legal Regime", name)
		self.addCleanup(frappe.clear_document_cache, "Legal Regime", name)

	def test_a_merger_closes_the_predecessor_the_day_before(self):
		doc = self.merge("C", "D")
		self.assertEqual(str(doc.valid_to), "2025-06-30")

	def test_no_unit_succeeds_itself_or_comes_back_round(self):
		doc = frappe.get_doc(UNIT, self.world.unit("C"))
		doc.successor_unit = doc.name
		doc.succession_date = "2025-07-01"
		self.assertRaisesRegex(frappe.ValidationError, "its own successor", doc.save)
		self.merge("C", "D")
		self.assertRaisesRegex(frappe.ValidationError, "leads back", self.merge, "D", "C")

	def test_the_successor_reads_its_predecessors_ledger_and_no_one_else_does(self):
		old = self.award("C", 2024)
		self.as_user("officer_D")
		self.assertFalse(frappe.has_permission("Award Record", "read", old))
		frappe.set_user("Administrator")
		self.merge("C", "D")
		self.as_user("officer_D")
		self.assertTrue(frappe.has_permission("Award Record", "read", old))
		self.assertIn(old, frappe.get_list("Award Record", pluck="name"))
		self.as_user("officer_B")
		self.assertFalse(frappe.has_permission("Award Record", "read", old))
		# The predecessor does not read its successor's ledger.
		frappe.set_user("Administrator")
		new = self.award("D", 2025)
		self.as_user("officer_C")
		self.assertFalse(frappe.has_permission("Award Record", "read", new))

	def test_the_history_of_a_successor_counts_its_predecessors_only_when_it_inherits(self):
		for year in (2022, 2023, 2024):
			self.award("C", year)
		self.award("D", 2025)
		self.merge("C", "D")
		self.set_inheritance(0)
		filters = {"from_year": 2023, "to_year": 2025, "member_unit": self.world.unit("D")}
		_columns, rows, message = history(filters)
		streaks = {row["recipient"]: row["streaks"] for row in rows}
		self.assertEqual(streaks, {self.world.unit("C"): "", self.world.unit("D"): "CO_TINH: 1"})
		self.assertIn("do not count", message)
		by_unit = {row["recipient"]: (row["y2023"], row["y2024"], row["y2025"]) for row in rows}
		self.assertEqual(by_unit[self.world.unit("C")], ("CO_TINH", "CO_TINH", ""))
		self.set_inheritance(1)
		_columns, rows, message = history(filters)
		streaks = {row["recipient"]: row["streaks"] for row in rows}
		# 2022–2024 from C, 2025 D's own: four years, though the report shows three.
		self.assertEqual(streaks[self.world.unit("D")], "CO_TINH: 4")
		self.assertIn("count towards", message)
		self.as_user("officer_D")
		_columns, rows, _message = history(filters)
		self.assertEqual({row["recipient"] for row in rows}, {self.world.unit("C"), self.world.unit("D")})

	def test_people_keep_their_own_records(self):
		member = frappe.get_doc(
			{
				"doctype": "Staff Member",
				"full_name": "Người Chuyển Sang",
				"member_unit": self.world.unit("C"),
				"recruited_on": "2015-01-01",
			}
		).insert()
		frappe.get_doc(
			{"doctype": "Staff Year Record", "staff_member": member.name, "year": 2024, "rating": "HTTNV"}
		).insert()
		self.merge("C", "D")
		member.member_unit = self.world.unit("D")
		member.save()
		self.assertEqual(
			[row.member_unit for row in member.assignments], [self.world.unit("C"), self.world.unit("D")]
		)
		self.assertEqual(
			frappe.db.get_value(
				"Staff Year Record", {"staff_member": member.name, "year": 2024}, "member_unit"
			),
			self.world.unit("C"),
		)
