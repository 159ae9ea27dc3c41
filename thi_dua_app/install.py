"""Install and uninstall steps that fixtures cannot express."""

import frappe

from thi_dua_app.constants import ROLES, WORKFLOWS
from thi_dua_app.thi_dua.legal import seed_legal_data


def after_install():
	# Roles, workflow states, actions and the evaluation workflow arrive as fixtures; the
	# workflow's cached meta must be rebuilt so the new state field shows at once.
	for doctype in WORKFLOWS:
		frappe.clear_cache(doctype=doctype)
	# Award forms, legal regimes and the base salary table: data the administrator then keeps.
	seed_legal_data()


def before_uninstall():
	"""Take away what the app put outside its own DocTypes, so the site keeps working."""
	frappe.db.delete("Workflow", {"document_type": ("in", WORKFLOWS)})
	frappe.db.delete("User Permission", {"allow": "Member Unit"})
	frappe.db.delete("Has Role", {"role": ("in", ROLES)})
	frappe.db.delete("Custom DocPerm", {"role": ("in", ROLES)})
	for role in ROLES:
		frappe.delete_doc("Role", role, ignore_missing=True, force=True)
	frappe.clear_cache()
