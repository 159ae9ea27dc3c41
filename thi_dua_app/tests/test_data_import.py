"""Staff lists and ratings from a spreadsheet, with Frappe's Data Import: the province downloads
the template of a person's year (with its initiatives), fills it and imports it; each good row
becomes a record of the person's unit, a bad row is refused with its reason and nothing of it is
written. A unit's officers reach no import — not its file, preview, log, errored rows or status
— through the methods the framework opens by name."""

import csv
import io

import frappe
from frappe.core.doctype.data_import.exporter import Exporter
from frappe.core.doctype.data_import.importer import Importer

from thi_dua_app.tests.utils import RestTestCase

YEAR_RECORD = "Staff Year Record"
METHODS = (
	("frappe.core.doctype.data_import.data_import.get_preview_from_template", "data_import"),
	("frappe.core.doctype.data_import.data_import.form_start_import", "data_import"),
	("frappe.core.doctype.data_import.data_import.download_errored_template", "data_import_name"),
	("frappe.core.doctype.data_import.data_import.download_import_log", "data_import_name"),
	("frappe.core.doctype.data_import.data_import.get_import_status", "data_import_name"),
)


class TestDataImport(RestTestCase):
	prefix = "TDImport"

	@classmethod
	def stage(cls):
		cls.people = {}
		for full_name in ("Nhập Khẩu Một", "Nhập Khẩu Hai"):
			cls.people[full_name] = (
				frappe.get_doc(
					{
						"doctype": "Staff Member",
						"full_name": full_name,
						"member_unit": cls.world.unit("C"),
						"recruited_on": "2012-03-01",
					}
				)
				.insert()
				.name
			)
		frappe.set_user(cls.world.user("manager"))
		frappe.clear_messages()
		header = Exporter(
			YEAR_RECORD,
			export_fields={
				YEAR_RECORD: ["staff_member", "year", "rating", "months_worked", "conduct"],
				"initiatives": ["title", "scope"],
			},
		).get_csv_array()[0]
		cls.header = header
		one, two = cls.people["Nhập Khẩu Một"], cls.people["Nhập Khẩu Hai"]
		cls.files, cls.imports = [], []
		# A good person with two initiatives, and a row the record refuses (13 months in a year).
		cls.data_import = cls.run_import(
			"ket-qua-2017",
			[
				[one, 2017, "HTXSNV", 12, "Good", "Số hóa hồ sơ", "Province"],
				["", "", "", "", "", "Một cửa điện tử", "Unit"],
				[two, 2017, "HTTNV", 13, "Good", "", ""],
			],
		)
		# A rating that is not one of the options: the whole file is refused before any row.
		cls.refused_import = cls.run_import("ket-qua-2016", [[two, 2016, "EXCELLENT", 12, "Good", "", ""]])
		frappe.set_user("Administrator")

	@classmethod
	def run_import(cls, file_name: str, rows: list):
		content = io.StringIO()
		csv.writer(content).writerows([cls.header, *rows])
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{cls.world.prefix}-{file_name}.csv",
				"content": content.getvalue(),
				"is_private": 1,
			}
		).insert()
		cls.files.append(file.name)
		data_import = frappe.get_doc(
			{
				"doctype": "Data Import",
				"reference_doctype": YEAR_RECORD,
				"import_type": "Insert New Records",
				"import_file": file.file_url,
			}
		).insert()
		cls.imports.append(data_import.name)
		Importer(YEAR_RECORD, data_import=data_import).import_data()
		return data_import.reload()

	@classmethod
	def clean_up(cls):
		frappe.db.delete("Data Import Log", {"data_import": ("in", cls.imports)})
		frappe.db.delete("Data Import", {"name": ("in", cls.imports)})
		for name in cls.files:
			frappe.delete_doc("File", name, force=True, ignore_permissions=True)

	def test_the_template_has_the_year_and_its_initiatives(self):
		self.assertEqual(
			self.header,
			[
				"Staff member",
				"Year",
				"Quality rating",
				"Months worked",
				"Conduct and attitude",
				"Name of the initiative or research (Initiatives and research)",
				"Recognised at (Initiatives and research)",
			],
		)

	def test_good_rows_are_records_of_the_person_s_unit_and_a_bad_row_writes_nothing(self):
		frappe.db.rollback()
		record = frappe.get_doc(YEAR_RECORD, {"staff_member": self.people["Nhập Khẩu Một"], "year": 2017})
		self.assertEqual(record.member_unit, self.world.unit("C"))
		self.assertEqual(record.full_name, "Nhập Khẩu Một")
		self.assertEqual(
			[(row.title, row.scope) for row in record.initiatives],
			[("Số hóa hồ sơ", "Province"), ("Một cửa điện tử", "Unit")],
		)
		self.assertFalse(frappe.db.exists(YEAR_RECORD, {"staff_member": self.people["Nhập Khẩu Hai"]}))
		logs = frappe.get_all(
			"Data Import Log", filters={"data_import": self.data_import.name}, fields=["success", "messages"]
		)
		self.assertEqual(sorted(log.success for log in logs), [0, 1])
		self.assertIn(
			"Months worked must be between 0 and 12.", next(log.messages for log in logs if not log.success)
		)
		self.assertEqual(
			frappe.db.get_value("Data Import", self.data_import.name, "status"), "Partial Success"
		)

	def test_a_unit_reaches_no_import(self):
		name = self.data_import.name
		for who in ("officer_C", "leader_C", "officer_B"):
			session = self.session(who)
			for method, argument in METHODS:
				response = session.request("POST", f"/api/method/{method}", data={argument: name})
				self.assertEqual(response.status_code, 403, f"{who} {method}: {response.text[:300]}")
				self.assertNotIn("Nhập Khẩu", response.text)
			response = session.request("GET", f"/api/resource/Data Import/{name}")
			self.assertEqual(response.status_code, 403)
			self.assertNotIn(
				"Nhập Khẩu", session.request("GET", '/api/resource/Data Import Log?fields=["*"]').text
			)

	def test_the_province_reaches_its_import(self):
		response = self.session("manager").request(
			"POST",
			"/api/method/frappe.core.doctype.data_import.data_import.get_import_status",
			data={"data_import_name": self.data_import.name},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(response.json()["message"]["success"], 1)

	def test_a_value_that_is_no_option_refuses_the_file(self):
		frappe.db.rollback()
		self.assertIn("EXCELLENT", self.refused_import.template_warnings)
		self.assertFalse(
			frappe.db.exists(YEAR_RECORD, {"staff_member": self.people["Nhập Khẩu Hai"], "year": 2016})
		)
		self.assertFalse(frappe.get_all("Data Import Log", filters={"data_import": self.refused_import.name}))
