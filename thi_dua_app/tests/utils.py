"""Base class of the app's integration tests: a world per class, a savepoint per test."""

import frappe
from frappe.tests.utils import FrappeTestCase

from thi_dua_app.tests.factories import World, make_world


class ThiDuaTestCase(FrappeTestCase):
	"""Each class builds its own small bloc (``make_world``); FrappeTestCase rolls the class back
	at its end, and every test rolls back to a savepoint, so the site is left as it was found."""

	prefix = "TDTest"
	letters = "ABCD"
	world: World

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.world = make_world(cls.prefix, letters=cls.letters)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		frappe.db.savepoint("thi_dua_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		frappe.db.rollback(save_point="thi_dua_test")

	def as_user(self, key: str):
		frappe.set_user(self.world.user(key))

	def in_vietnamese(self):
		frappe.local.lang = "vi"
