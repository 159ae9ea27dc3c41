"""Install and uninstall steps that fixtures cannot express."""

import frappe

from thi_dua_app.constants import PROVINCE_MANAGER, ROLES, WORKFLOWS
from thi_dua_app.thi_dua.legal import seed_legal_data


def after_install():
	# Roles, workflow states, actions and the evaluation workflow arrive as fixtures; the
	# workflow's cached meta must be rebuilt so the new state field shows at once.
	for doctype in WORKFLOWS:
		frappe.clear_cache(doctype=doctype)
	# Award forms, legal regimes and the base salary table: data the administrator then keeps.
	seed_legal_data()
	grant_data_import()


def grant_data_import():
	"""The province loads staff lists and ratings from Excel with Frappe's Data Import (a System
	Manager's tool otherwise). Units do not get it: the framework opens an import's file, log and
	errored rows to anyone who has the import's name (thi_dua_app.framework_api guards those), and
	an import of one unit is no business of another."""
	from frappe.permissions import add_permission, update_permission_property

	if not frappe.db.exists("Custom DocPerm", {"parent": "Data Import", "role": PROVINCE_MANAGER}):
		add_permission("Data Import", PROVINCE_MANAGER, 0)
	for ptype in ("read", "write", "create", "delete"):
		update_permission_property("Data Import", PROVINCE_MANAGER, 0, ptype, 1)


def before_uninstall():
	"""Take away what the app put outside its own DocTypes, so the site keeps working."""
	frappe.db.delete("Workflow", {"document_type": ("in", WORKFLOWS)})
	frappe.db.delete("User Permission", {"allow": "Member Unit"})
	frappe.db.delete("Has Role", {"role": ("in", ROLES)})
	frappe.db.delete("Custom DocPerm", {"role": ("in", ROLES)})
	for role in ROLES:
		frappe.delete_doc("Role", role, ignore_missing=True, force=True)
	frappe.clear_cache()
