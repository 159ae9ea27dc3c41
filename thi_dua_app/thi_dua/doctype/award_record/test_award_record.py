"""The award ledger loaded from history through Frappe's Data Import, as an administrator does it.
The importer commits after every row, so this class keeps its own data and removes it all."""

import frappe
from frappe.tests.utils import FrappeTestCase

UNIT = "TDLedger Unit"


class TestAwardRecordImport(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		if not frappe.db.exists("Member Unit", UNIT):
			frappe.get_doc(
				{
					"doctype": "Member Unit",
					"unit_name": UNIT,
					"short_code": "TDLEDGER",
					"unit_kind": "Department",
				}
			).insert()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in frappe.get_all(
			"Data Import", filters={"reference_doctype": "Award Record"}, pluck="name"
		):
			frappe.delete_doc("Data Import", name, force=True)
		for name in frappe.get_all("File", filters={"file_name": "TDLedger-history.csv"}, pluck="name"):
			frappe.delete_doc("File", name, force=True)
		records = frappe.get_all("Award Record", filters={"member_unit": UNIT}, pluck="name")
		frappe.db.delete("Version", {"ref_doctype": "Award Record", "docname": ("in", records or [""])})
		frappe.db.delete("Award Record", {"name": ("in", records or [""])})
		frappe.delete_doc("Member Unit", UNIT, force=True, ignore_missing=True)
		frappe.db.commit()

	def test_historic_awards_load_through_data_import(self):
		content = (
			"Recipient,Member unit,Award form,Year,Kind of award,Decision number,Decision date,Amount (đồng)\n"
			f"Collective,{UNIT},BK_TINH,2015,Regular,12/QĐ-UBND,2016-01-20,2420000\n"
			f"Collective,{UNIT},BK_TINH,2016,Extraordinary,30/QĐ-UBND,2016-09-02,2420000\n"
		)
		upload = frappe.get_doc(
			{"doctype": "File", "file_name": "TDLedger-history.csv", "content": content, "is_private": 1}
		).insert()
		data_import = frappe.get_doc(
			{
				"doctype": "Data Import",
				"reference_doctype": "Award Record",
				"import_type": "Insert New Records",
				"import_file": upload.file_url,
			}
		).insert()
		data_import.start_import()
		self.assertEqual(frappe.db.get_value("Data Import", data_import.name, "status"), "Success")
		records = frappe.get_all(
			"Award Record",
			filters={"member_unit": UNIT},
			fields=["year", "award_type", "counts_for_streaks", "decision_number", "amount"],
			order_by="year asc",
		)
		# An extraordinary award does not count towards consecutive years.
		self.assertEqual(
			[(r.year, r.award_type, r.counts_for_streaks, r.decision_number, r.amount) for r in records],
			[
				(2015, "Regular", 1, "12/QĐ-UBND", 2_420_000),
				(2016, "Extraordinary", 0, "30/QĐ-UBND", 2_420_000),
			],
		)
