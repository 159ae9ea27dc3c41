"""The desk's Vietnamese where it comes from the framework: the app's catalogue is read after
Frappe's, so the strings it carries for the framework's screens are the ones an officer sees."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.translate import get_all_translations

from thi_dua_app.catalog import FRAMEWORK_STRINGS, read_po


class TestLanguage(FrappeTestCase):
	def test_the_apps_catalogue_wins_over_the_frameworks_for_the_desk(self):
		frappe.clear_cache()
		messages = get_all_translations("vi")
		catalogue = read_po()
		for message in FRAMEWORK_STRINGS:
			with self.subTest(message=message):
				self.assertEqual(messages.get(message), catalogue[message])
		# The literal or wrong ones the framework would show otherwise.
		self.assertEqual(messages["Landscape"], "Khổ ngang")
		self.assertEqual(messages["Saved"], "Đã lưu")
		self.assertEqual(messages["Editing Row #{0}"], "Đang sửa dòng #{0}")
