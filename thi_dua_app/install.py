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
	one_live_evaluation()


def after_migrate():
	one_live_evaluation()


# The database's own guarantee of one live (not cancelled) evaluation per pledge and unit: a column
# the database computes — the pledge and unit while the evaluation is live, NULL once cancelled —
# under a unique index, so two units' sessions racing past the controller's check cannot both
# write. Frappe's schema sync leaves columns it does not know alone, and never writes this one.
LIVE_KEY_COLUMN, LIVE_KEY_INDEX = "live_unit_key", "one_live_evaluation"


def one_live_evaluation():
	if frappe.db.db_type != "mariadb":
		return
	present = frappe.db.sql(
		"""select 1 from information_schema.columns
		where table_schema = database() and table_name = 'tabEmulation Evaluation' and column_name = %s""",
		LIVE_KEY_COLUMN,
	)
	if present:
		return
	frappe.db.sql_ddl(
		f"""alter table `tabEmulation Evaluation`
		add column `{LIVE_KEY_COLUMN}` varchar(281)
			as (if(docstatus < 2, concat(pledge, '\\n', member_unit), null)) persistent,
		add unique index `{LIVE_KEY_INDEX}` (`{LIVE_KEY_COLUMN}`)"""
	)


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
