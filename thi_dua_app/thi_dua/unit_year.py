"""What the documents a unit keeps once a year (its registration, its own review) check alike: the
year, that the unit existed in it, that the unit has one such document for it, and which people
served in it that year."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.thi_dua.doctype.staff_year_record.staff_year_record import YEARS


def check_unit_year(doc, title: str, duplicate: str) -> None:
	"""The year is in range, the unit existed in it, and no other live document of the DocType
	stands for the unit and year (``duplicate``: the message, with the unit, year and other one)."""
	year = cint(doc.year)
	if not YEARS[0] <= year <= YEARS[1]:
		frappe.throw(_("The year must be between {0} and {1}.").format(*YEARS), title=title)
	found = frappe.db.get_value(
		"Member Unit", doc.member_unit, ["valid_from", "valid_to", "unit_name"], as_dict=True
	)
	if not found:
		frappe.throw(_("Choose the member unit."), title=title)
	if (found.valid_from and found.valid_from.year > year) or (found.valid_to and found.valid_to.year < year):
		frappe.throw(
			_("{0} did not exist in {1}: choose a year in which it existed.").format(
				frappe.bold(found.unit_name or doc.member_unit), year
			),
			title=title,
		)
	other = frappe.db.get_value(
		doc.doctype,
		{"member_unit": doc.member_unit, "year": year, "docstatus": ("<", 2), "name": ("!=", doc.name or "")},
	)
	if other:
		frappe.throw(
			duplicate.format(frappe.bold(found.unit_name or doc.member_unit), year, other), title=title
		)


def people_of_the_year(member_unit: str, year: int, staff: list[str]) -> dict[str, str]:
	"""Of these people, those who served in the unit at some time in the year, with their names."""
	if not staff:
		return {}
	served = {
		row.parent
		for row in frappe.get_all(
			"Staff Assignment",
			filters={
				"parenttype": "Staff Member",
				"parent": ("in", sorted(set(staff))),
				"member_unit": member_unit,
				"from_date": ("<=", f"{cint(year)}-12-31"),
			},
			fields=["parent", "to_date"],
		)
		if not row.to_date or row.to_date.year >= cint(year)
	}
	return {
		row.name: row.full_name
		for row in frappe.get_all(
			"Staff Member", filters={"name": ("in", sorted(served) or [""])}, fields=["name", "full_name"]
		)
	}


def divisions_of(member_unit: str, divisions: list[str]) -> dict[str, str]:
	"""Of these divisions, the unit's own, with their names."""
	return {
		row.name: row.division_name
		for row in frappe.get_all(
			"Unit Division",
			filters={"name": ("in", sorted(set(divisions)) or [""]), "member_unit": member_unit},
			fields=["name", "division_name"],
		)
	}
