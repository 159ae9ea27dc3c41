"""Officers added to units before the app gave them its Module Profile get it now. The profile is a
fixture, which Frappe syncs after the patches, so it is synced here first."""

import frappe
from frappe.utils.fixtures import sync_fixtures

from thi_dua_app.thi_dua.doctype.member_unit.member_unit import give_unit_profile


def execute():
	sync_fixtures("thi_dua_app")
	users = frappe.get_all("User Permission", filters={"allow": "Member Unit"}, pluck="user", distinct=True)
	for user in users:
		give_unit_profile(user)
