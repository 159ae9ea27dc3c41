import re

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from thi_dua_app.constants import PROVINCE_MANAGER
from thi_dua_app.permissions import MEMBER_UNIT, is_manager, successions
from thi_dua_app.rules import succession
from thi_dua_app.thi_dua.typed_document import TypedDocument

SHORT_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]*$")


class MemberUnit(TypedDocument):
	def validate(self):
		self.unit_name = (self.unit_name or "").strip()
		self.short_code = (self.short_code or "").strip().upper()
		if not SHORT_CODE.match(self.short_code):
			frappe.throw(
				_(
					"The short code may contain only letters without accents, digits, '-' and '_' (e.g. STNMT)."
				),
				title=_("Invalid short code"),
			)
		self.check_succession()

	def check_succession(self):
		"""A successor is another unit, reached by no chain of successions that leads back here; the
		unit ceases the day before its successor takes over."""
		if not self.successor_unit:
			self.succession_date = self.succession_decision = None
		try:
			succession.check_succession(self.name, self.successor_unit, successions())
		except succession.SuccessionError as error:
			message = {
				"own_successor": _("A unit cannot be its own successor."),
				"circular_succession": _("{0} already leads back to {1} through its successors.").format(
					frappe.bold(error.params.get("successor")), frappe.bold(self.unit_name)
				),
			}[error.code]
			frappe.throw(message, title=_("Reorganisation"))
		if self.successor_unit and self.succession_date and not self.valid_to:
			self.valid_to = add_days(self.succession_date, -1)
		if self.valid_from and self.valid_to and getdate(self.valid_to) < getdate(self.valid_from):
			frappe.throw(_("A unit cannot cease before it was established."), title=_("Reorganisation"))

	def onload(self):
		self.set_onload("unit_users", unit_users(self.name))


def unit_users(unit: str) -> list[dict]:
	"""The users who act for a unit: its User Permissions, Frappe's own record of it."""
	return frappe.get_all(
		"User Permission",
		filters={"allow": MEMBER_UNIT, "for_value": unit},
		fields=["name", "user"],
		order_by="user asc",
	)


def _check_manager():
	if not is_manager():
		frappe.throw(
			_("Only the province emulation manager can change who acts for a unit."), frappe.PermissionError
		)


@frappe.whitelist()
def add_unit_user(unit: str, user: str) -> str:
	"""Let a user act for a unit (creates the User Permission on Member Unit)."""
	_check_manager()
	if not frappe.db.exists(MEMBER_UNIT, unit):
		frappe.throw(_("Member unit {0} does not exist.").format(unit))
	if not frappe.db.exists("User", user):
		frappe.throw(_("User {0} does not exist.").format(user))
	existing = frappe.db.get_value("User Permission", {"allow": MEMBER_UNIT, "for_value": unit, "user": user})
	if existing:
		return existing
	permission = frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": MEMBER_UNIT,
			"for_value": unit,
			# Only the Member Unit records themselves are restricted by it; every other row rule
			# is the app's own (thi_dua_app.permissions), so reports and links are not filtered twice.
			"apply_to_all_doctypes": 0,
			"applicable_for": MEMBER_UNIT,
		}
	).insert(ignore_permissions=True)
	give_unit_profile(user)
	return permission.name


# The Module Profile (a fixture) that keeps the framework's workspaces from a unit's officers.
UNIT_MODULE_PROFILE = "Thi Dua Unit"


def give_unit_profile(user: str) -> None:
	"""A unit's officer does not see the framework's workspaces they have no use for: they get the
	app's Module Profile — unless they already have a profile of their own, or administer the site
	or the province, who need those workspaces."""
	if user == "Administrator" or not frappe.db.exists("Module Profile", UNIT_MODULE_PROFILE):
		return
	if {"System Manager", PROVINCE_MANAGER} & set(frappe.get_roles(user)):
		return
	if frappe.db.get_value("User", user, "module_profile"):
		return
	account = frappe.get_doc("User", user)
	account.module_profile = UNIT_MODULE_PROFILE
	account.save(ignore_permissions=True)


@frappe.whitelist()
def other_units_of(user: str, unit: str) -> list[str]:
	"""The units other than ``unit`` the user already acts for, so that the form can say so before
	adding them (one person may act for two units, as when a merged unit's officers carry on its
	work, but it should never happen unnoticed)."""
	_check_manager()
	if not isinstance(user, str) or not isinstance(unit, str):
		frappe.throw(_("The user and the unit must be given by name."))
	return frappe.get_all(
		"User Permission",
		filters={"allow": MEMBER_UNIT, "user": user, "for_value": ("!=", unit)},
		pluck="for_value",
		order_by="for_value asc",
	)


@frappe.whitelist()
def remove_unit_user(unit: str, user: str) -> None:
	_check_manager()
	for name in frappe.get_all(
		"User Permission", filters={"allow": MEMBER_UNIT, "for_value": unit, "user": user}, pluck="name"
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True)
