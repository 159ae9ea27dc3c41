import frappe

from thi_dua_app.permissions import get_user_units
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.doctype.member_unit.member_unit import (
	add_unit_user,
	other_units_of,
	remove_unit_user,
	unit_users,
)


class TestMemberUnit(ThiDuaTestCase):
	prefix = "TDUnit"

	def test_short_code_is_upper_case_without_accents(self):
		unit = frappe.get_doc(
			{
				"doctype": "Member Unit",
				"unit_name": "TDUnit Sở mới",
				"short_code": " sxd2 ",
				"unit_kind": "Department",
			}
		).insert()
		self.assertEqual(unit.short_code, "SXD2")
		bad = frappe.get_doc(
			{
				"doctype": "Member Unit",
				"unit_name": "TDUnit Sở khác",
				"short_code": "SỞ",
				"unit_kind": "Department",
			}
		)
		self.assertRaisesRegex(frappe.ValidationError, "short code may contain only", bad.insert)

	def test_users_of_a_unit_are_its_user_permissions(self):
		officer = self.world.user("officer_B")
		self.assertEqual(
			[row.user for row in unit_users(self.world.unit("B"))],
			sorted([officer, self.world.user("leader_B")]),
		)
		self.assertEqual(get_user_units(officer), [self.world.unit("B")])
		# The form says which other units a user already acts for before adding them.
		self.assertEqual(other_units_of(officer, self.world.unit("C")), [self.world.unit("B")])
		self.assertEqual(other_units_of(officer, self.world.unit("B")), [])
		add_unit_user(self.world.unit("C"), officer)
		self.assertEqual(get_user_units(officer), [self.world.unit("B"), self.world.unit("C")])
		remove_unit_user(self.world.unit("C"), officer)
		self.assertEqual(get_user_units(officer), [self.world.unit("B")])

	def test_only_the_province_manager_assigns_users(self):
		self.as_user("officer_A")
		self.assertRaises(
			frappe.PermissionError, add_unit_user, self.world.unit("B"), self.world.user("officer_A")
		)
		self.assertRaises(
			frappe.PermissionError, other_units_of, self.world.user("officer_B"), self.world.unit("A")
		)
		self.as_user("manager")
		add_unit_user(self.world.unit("B"), self.world.user("viewer"))
		self.assertIn(self.world.unit("B"), get_user_units(self.world.user("viewer")))

	def test_a_unit_s_officer_does_not_see_the_framework_s_workspaces(self):
		from frappe.desk.desktop import get_workspace_sidebar_items

		officer = self.world.user("officer_B")
		self.assertEqual(frappe.db.get_value("User", officer, "module_profile"), "Thi Dua Unit")
		frappe.set_user(officer)
		shown = {page.name for page in get_workspace_sidebar_items()["pages"]}
		self.assertIn("Thi Dua", shown)
		self.assertFalse(shown & {"Users", "Build", "Website", "Tools", "Integrations"}, shown)
		# The province keeps them, and is given no profile when it also acts for a unit.
		manager = self.world.user("manager")
		frappe.set_user("Administrator")
		add_unit_user(self.world.unit("B"), manager)
		self.assertFalse(frappe.db.get_value("User", manager, "module_profile"))
		frappe.set_user(manager)
		self.assertIn("Users", {page.name for page in get_workspace_sidebar_items()["pages"]})
