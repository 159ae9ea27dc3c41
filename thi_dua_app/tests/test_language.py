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

	def test_a_translation_translated_again_stays_the_same(self):
		"""Frappe translates some labels twice — a page's primary button takes the translated label
		and translates it again (frappe.ui.Page.get_icon_label) — so a Vietnamese text that is also
		an English message would turn into that message's translation: "Print" → "In" → "Trong"
		on the print view's button."""
		frappe.clear_cache()
		messages = get_all_translations("vi")
		for message, translation in read_po().items():
			with self.subTest(message=message):
				self.assertEqual(messages.get(translation, translation), translation)
		self.assertEqual(messages["Print"], "In ấn")
