"""Patches of a release, run on a site that holds what the earlier release left (the upgrade check,
scripts/check_upgrade.sh, runs them all on a site built from 0.1.0; here each one's edge cases)."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from thi_dua_app.patches import clear_unpublished_tie_break_notes, name_print_formats_in_vietnamese
from thi_dua_app.tests.utils import ThiDuaTestCase


class TestNamePrintFormatsInVietnamese(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.savepoint("thi_dua_patch")

	def tearDown(self):
		frappe.db.rollback(save_point="thi_dua_patch")
		frappe.clear_cache(doctype="Emulation Pledge")

	def old_format(self, name: str, standard: str = "Yes"):
		# As a migrate imports it: a standard record is not written out to the app's files, which
		# Frappe does on every save in developer mode.
		self.enterContext(patch.dict(frappe.flags, {"in_import": True}))
		frappe.get_doc(
			{
				"doctype": "Print Format",
				"name": name,
				"doc_type": "Emulation Pledge",
				"module": "Thi Dua",
				"standard": standard,
				"custom_format": 1,
				"print_format_type": "Jinja",
				"html": "<p>old</p>",
			}
		).insert()

	def test_the_english_records_go_and_a_chosen_default_follows_the_new_name(self):
		self.old_format("Pledge Covenant")
		frappe.make_property_setter(
			{
				"doctype": "Emulation Pledge",
				"doctype_or_field": "DocType",
				"property": "default_print_format",
				"value": "Pledge Covenant",
				"property_type": "Data",
			}
		)
		name_print_formats_in_vietnamese.execute()
		self.assertFalse(frappe.db.exists("Print Format", "Pledge Covenant"))
		self.assertTrue(frappe.db.exists("Print Format", "Bản giao ước thi đua"))
		self.assertEqual(
			frappe.db.get_value(
				"Property Setter",
				{"doc_type": "Emulation Pledge", "property": "default_print_format"},
				"value",
			),
			"Bản giao ước thi đua",
		)
		# run again: nothing left to do, nothing broken
		name_print_formats_in_vietnamese.execute()
		self.assertTrue(frappe.db.exists("Print Format", "Bản giao ước thi đua"))

	def test_a_site_s_own_format_under_an_old_name_is_kept(self):
		self.old_format("Award Certificate", standard="No")
		name_print_formats_in_vietnamese.execute()
		self.assertTrue(frappe.db.exists("Print Format", "Award Certificate"))


class TestClearUnpublishedTieBreakNotes(ThiDuaTestCase):
	prefix = "TDPatchNotes"

	def test_notes_go_from_evaluations_of_pledges_not_yet_published(self):
		pledge = frappe.get_doc("Emulation Pledge", self.world.pledge)
		pledge.create_evaluations()
		names = frappe.get_all("Emulation Evaluation", filters={"pledge": pledge.name}, pluck="name")
		for name in names:
			frappe.db.set_value(
				"Emulation Evaluation", name, "tie_break_note", "Bằng điểm với Sở X", update_modified=False
			)
		clear_unpublished_tie_break_notes.execute()
		self.assertEqual(
			{frappe.db.get_value("Emulation Evaluation", name, "tie_break_note") for name in names}, {""}
		)
		# a published pledge keeps its notes
		frappe.db.set_value("Emulation Pledge", pledge.name, "results_published", 1, update_modified=False)
		frappe.db.set_value(
			"Emulation Evaluation", names[0], "tie_break_note", "Bằng điểm với Sở X", update_modified=False
		)
		clear_unpublished_tie_break_notes.execute()
		self.assertEqual(
			frappe.db.get_value("Emulation Evaluation", names[0], "tie_break_note"), "Bằng điểm với Sở X"
		)
