"""A unit's registration for the year's emulation (bản đăng ký thi đua): the titles the unit, its
divisions and its people aim for, and its committed targets. The unit's officers draft it, its
head signs (submits) it; one registration stands per unit and year. The lines are checked by
thi_dua_app.rules.registration; the verdicts of people and divisions read the submitted ones
(thi_dua_app.thi_dua.people)."""

import frappe
from frappe import _
from frappe.utils import cint

from thi_dua_app.rules import registration
from thi_dua_app.thi_dua.typed_document import TypedDocument
from thi_dua_app.thi_dua.unit_year import check_unit_year, divisions_of, people_of_the_year

KIND_LABELS = {
	registration.PERSON: "Person",
	registration.DIVISION: "Division",
	registration.STAFF_COUNT: "Staff count",
	registration.UNIT: "Unit",
}


class EmulationRegistration(TypedDocument):
	def validate(self):
		check_unit_year(
			self,
			_("Registration"),
			_("{0} already has a registration for {1}: {2}. Amend that one instead."),
		)
		self.check_lines()

	def check_lines(self):
		forms = {
			row.name: row
			for row in frappe.get_all(
				"Award Form",
				filters={"name": ("in", [line.award_form for line in self.lines if line.award_form] or [""])},
				fields=["name", "form_kind", "subject", "form_name"],
			)
		}
		people = people_of_the_year(
			self.member_unit, self.year, [line.staff_member for line in self.lines if line.staff_member]
		)
		divisions = divisions_of(self.member_unit, [line.division for line in self.lines if line.division])
		lines = []
		for line in self.lines:
			# The framework refuses a form that does not exist before this runs.
			form = forms.get(line.award_form)
			kind = line.subject_kind
			# A field the line's kind does not use is cleared, never kept hidden.
			if kind != registration.PERSON:
				line.staff_member = None
			if kind != registration.DIVISION:
				line.division = None
			if kind != registration.STAFF_COUNT:
				line.planned_count = None
			subject = line.staff_member if kind == registration.PERSON else line.division
			lines.append(
				registration.Line(
					row=line.idx,
					kind=kind,
					title=line.award_form,
					subject=subject or None,
					count=None if line.planned_count in (None, "") else cint(line.planned_count),
					form_kind=form.form_kind if form else "",
					form_subject=form.subject if form else "",
				)
			)
			line.subject_name = people.get(line.staff_member) or divisions.get(line.division) or None
		try:
			registration.check_lines(lines, set(people), set(divisions))
		except registration.RegistrationError as error:
			frappe.throw(self.message(error, forms), title=_("Registration"))

	def message(self, error: registration.RegistrationError, forms: dict) -> str:
		p = error.params
		form = forms.get(p.get("title"))
		title = frappe.bold(form.form_name if form else p.get("title") or "")
		kind = _(KIND_LABELS.get(p.get("kind"), p.get("kind") or ""))
		texts = {
			"unknown_kind": _(
				"Row {0}: choose what is registered (a person, a division, a staff count or the unit)."
			),
			"no_title": _("Row {0}: choose the emulation title."),
			"not_a_title": _(
				"Row {0}: {1} is a form of commendation, not an emulation title to register for."
			),
			"title_subject": _("Row {0}: {1} cannot be registered for a line of kind {2}."),
			"not_our_person": _("Row {0}: choose a person who serves in this unit in the year."),
			"not_our_division": _("Row {0}: choose a division of this unit."),
			"bad_count": _("Row {0}: the number of people must be a whole number from 1 to {3}."),
			"repeated_line": _("Row {0} repeats row {4} ({1})."),
		}
		return texts[error.code].format(
			p.get("row"), title, kind, p.get("maximum", registration.MAX_COUNT), p.get("first")
		)


def registration_lines(year: int, units: list[str]) -> dict[str, list[registration.Line]]:
	"""The lines of the submitted registrations of these units for the year, by unit (what
	thi_dua_app.rules.registration.person_titles and division_titles read). Two queries."""
	parents = {
		row.name: row.member_unit
		for row in frappe.get_all(
			"Emulation Registration",
			filters={"year": year, "docstatus": 1, "member_unit": ("in", sorted(set(units)) or [""])},
			fields=["name", "member_unit"],
		)
	}
	by_unit: dict[str, list[registration.Line]] = {}
	for row in frappe.get_all(
		"Registration Line",
		filters={"parenttype": "Emulation Registration", "parent": ("in", list(parents) or [""])},
		fields=["parent", "idx", "subject_kind", "award_form", "staff_member", "division"],
		order_by="idx asc",
	):
		by_unit.setdefault(parents[row.parent], []).append(
			registration.Line(
				row=row.idx,
				kind=row.subject_kind,
				title=row.award_form,
				subject=row.staff_member or row.division or None,
			)
		)
	return by_unit
