"""A person of a member unit (cán bộ, công chức, viên chức, người lao động): who they are, where
they serve, and the history of the units they served in. The unit's officers keep their own
people; a transfer to another unit is the province's to record, and closes the person's row in
the history on the day before the new unit's row opens. The province also corrects the history
as a whole (*Correct the history*): the records of the person's years stay with the units that
made them."""

import json
from datetime import date
from itertools import pairwise

import frappe
from frappe import _
from frappe.utils import add_days, escape_html, getdate, today

from thi_dua_app.permissions import is_manager
from thi_dua_app.rules import assignments
from thi_dua_app.thi_dua.typed_document import TypedDocument


class StaffMember(TypedDocument):
	def validate(self):
		self.full_name = " ".join((self.full_name or "").split())
		if not self.full_name:
			frappe.throw(_("Full name is required."), title=_("Staff member"))
		check_dates(
			(_("Date of birth"), self.date_of_birth),
			(_("Recruited on"), self.recruited_on),
			(_("Left on"), self.left_on),
		)
		if self.left_on:
			self.is_active = 0
		self.keep_history()
		if self.division and division_unit(self.division) != self.member_unit:
			if not self.is_new() and self.has_value_changed("member_unit"):
				# Moved to another unit: the old unit's division is left behind.
				self.division = None
			else:
				refuse_division(self.member_unit)

	def keep_history(self):
		"""The units served, kept by the server: the first row when the person is entered, a new row
		(and the previous one closed) when the province moves them to another unit."""
		if self.flags.history_corrected:
			return
		if self.is_new() or not self.assignments:
			self.set("assignments", [])
			self.append(
				"assignments", {"member_unit": self.member_unit, "from_date": self.recruited_on or today()}
			)
			return
		if not self.has_value_changed("member_unit"):
			return
		if not is_manager():
			frappe.throw(_("Only the province records a transfer to another unit."), title=_("Staff member"))
		current = self.assignments[-1]
		start = today()
		if getdate(current.from_date) >= getdate(start):
			# Moved again on the day it was entered: the earlier row was a mistake, not a posting.
			current.member_unit = self.member_unit
			return
		current.to_date = add_days(start, -1)
		self.append("assignments", {"member_unit": self.member_unit, "from_date": start})

	@frappe.whitelist()
	def correct_history(self, postings):
		"""The province replaces the history with the one it sends (rows of member_unit, from_date,
		to_date): in order, none overlapping, the last open while the person serves; the person's
		unit becomes the latest posting's. Saved from the stored document, never from the client's."""
		if not is_manager():
			frappe.throw(
				_("Only the province corrects the history of the units served."), frappe.PermissionError
			)
		doc = frappe.get_doc("Staff Member", self.name)
		rows = postings_from(postings)
		try:
			ordered = assignments.check_history(rows, getdate(doc.left_on) if doc.left_on else None)
		except assignments.HistoryError as error:
			frappe.throw(history_message(error), title=_("History of the units served"))
		doc.set(
			"assignments",
			[
				{
					"member_unit": row.unit,
					"from_date": row.start,
					"to_date": row.end,
					"decision": row.decision,
				}
				for row in ordered
			],
		)
		doc.member_unit = ordered[-1].unit
		doc.flags.history_corrected = True
		doc.flags.values_from_server = True
		doc.save()
		doc.add_comment("Info", _("The province corrected the history of the units served."))
		return doc.name


def postings_from(postings) -> list:
	"""The rows the client sent, as postings: each unit an existing Member Unit, each date a date."""
	if isinstance(postings, str):
		try:
			postings = json.loads(postings)
		except ValueError:
			postings = None
	if not isinstance(postings, list) or len(postings) > assignments.MAX_POSTINGS:
		frappe.throw(
			_("Send the history as a list of at most {0} rows.").format(assignments.MAX_POSTINGS),
			title=_("History of the units served"),
		)
	units = {
		row.get("member_unit")
		for row in postings
		if isinstance(row, dict) and isinstance(row.get("member_unit"), str)
	}
	known = set(frappe.get_all("Member Unit", filters={"name": ("in", sorted(units) or [""])}, pluck="name"))
	found = []
	for index, row in enumerate(postings, start=1):
		if not isinstance(row, dict):
			frappe.throw(
				_("Row {0} of the history is not a row.").format(index),
				title=_("History of the units served"),
			)
		unit = row.get("member_unit")
		if unit and (not isinstance(unit, str) or unit not in known):
			frappe.throw(
				_("Row {0}: {1} is not a member unit.").format(index, escape_html(str(unit)[:140])),
				title=_("History of the units served"),
			)
		decision = row.get("decision") or ""
		if not isinstance(decision, str) or len(decision) > 140:
			frappe.throw(
				_("Row {0}: the decision is a number and sign of at most 140 characters.").format(index),
				title=_("History of the units served"),
			)
		found.append(
			assignments.Posting(
				unit or "",
				date_of(row.get("from_date"), index),
				date_of(row.get("to_date"), index),
				decision.strip(),
			)
		)
	return found


def date_of(value, row: int):
	"""A date as the desk sends it (YYYY-MM-DD), or nothing; anything else is refused."""
	if value in (None, ""):
		return None
	try:
		if isinstance(value, str):
			return date.fromisoformat(value)
	except ValueError:
		pass
	frappe.throw(
		_("Row {0}: dates are written YYYY-MM-DD.").format(row), title=_("History of the units served")
	)


def history_message(error) -> str:
	p = error.params

	def day(key):
		return frappe.format(p[key], "Date")

	return {
		"empty": lambda: _("A history has at least one unit."),
		"too_many": lambda: _("A history has at most {0} rows.").format(p["maximum"]),
		"no_unit": lambda: _("Row {0}: choose the unit.").format(p["row"]),
		"no_start": lambda: _("Row {0}: enter the day the posting began.").format(p["row"]),
		"ends_before_start": lambda: _("Row {0}: it ends ({1}) before it begins ({2}).").format(
			p["row"], day("end"), day("start")
		),
		"overlap": lambda: _(
			"The posting from {0} begins before the one in {1} has ended: close that one first."
		).format(day("start"), frappe.bold(escape_html(p["unit"]))),
		"closed": lambda: _("The last posting stays open while the person serves: leave its end empty."),
		"after_leaving": lambda: _(
			"The last posting ends on or before the day the person left ({0})."
		).format(day("left_on")),
	}[error.code]()


def division_unit(division: str) -> str | None:
	return frappe.db.get_value("Unit Division", division, "member_unit")


def refuse_division(unit: str) -> None:
	"""A division of another unit is refused without naming it (its name is that unit's)."""
	frappe.throw(
		_("Choose a division of {0}.").format(
			frappe.bold(frappe.db.get_value("Member Unit", unit, "unit_name") or unit)
		),
		title=_("Division"),
	)


def check_dates(*labelled) -> None:
	"""Dates given in the order of a life: each known one not before the known one before it."""
	known = [(label, getdate(value)) for label, value in labelled if value]
	for (earlier_label, earlier), (later_label, later) in pairwise(known):
		if later < earlier:
			frappe.throw(
				_("{0} ({1}) cannot be before {2} ({3}).").format(
					later_label, frappe.format(later, "Date"), earlier_label, frappe.format(earlier, "Date")
				),
				title=_("Dates"),
			)
