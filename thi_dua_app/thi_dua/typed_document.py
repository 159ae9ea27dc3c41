"""The base of every controller of the app: values sent by a client are checked against their
field's kind as they enter the document — before Frappe or the app reads them — so a wrong type
is a translated 417 and nothing is written (the rules live in ``thi_dua_app.rules.input_rules``)."""

import frappe
from frappe import _
from frappe.model import table_fields
from frappe.model.document import Document

from thi_dua_app.rules import input_rules

# Standard columns every document has, by the kind of field they are.
STANDARD_FIELDS = {
	"name": "Data",
	"owner": "Data",
	"modified_by": "Data",
	"parent": "Data",
	"parenttype": "Data",
	"parentfield": "Data",
	"amended_from": "Data",
	"creation": "Datetime",
	"modified": "Datetime",
	"docstatus": "Int",
	"idx": "Int",
}


def reasons() -> dict[str, str]:
	return {
		input_rules.NUMBER: _("must be a number"),
		input_rules.WHOLE_NUMBER: _("must be a whole number"),
		input_rules.DATE: _("must be a date (YYYY-MM-DD)"),
		input_rules.DATETIME: _("must be a date and time (YYYY-MM-DD HH:MM:SS)"),
		input_rules.TIME: _("must be a time (HH:MM:SS)"),
		input_rules.TEXT: _("must be text"),
		input_rules.TOO_LONG: _("is too long"),
		input_rules.OUT_OF_RANGE: _("is out of range"),
		input_rules.CHECK: _("must be 0 or 1"),
		input_rules.ROWS: _("must be a list of rows"),
		input_rules.ROW: _("must be a row (an object of fields)"),
	}


def check_incoming(doctype: str, values: dict) -> None:
	meta = frappe.get_meta(doctype)
	for key, value in values.items():
		if not isinstance(key, str) or key.startswith("_") or key == "doctype":
			continue
		df = meta.get_field(key)
		if df is None:
			kind = STANDARD_FIELDS.get(key)
			why = kind and input_rules.check_value(kind, value)
			label = key
		elif df.fieldtype in table_fields:
			why = input_rules.check_rows(value) or next(
				(input_rules.ROW for row in value or () if not isinstance(row, dict | Document)), None
			)
			label = df.label
		else:
			why = input_rules.check_value(df.fieldtype, value, df.length)
			label = df.label
		if why:
			frappe.throw(
				_("{0} of {1}: the value {2}.").format(
					frappe.bold(_(label or key)), _(doctype), reasons()[why]
				),
				title=_("Invalid value"),
			)


class TypedDocument(Document):
	def update(self, d):
		if isinstance(d, dict) and getattr(self, "doctype", None) and not getattr(frappe.local, _LOADING, 0):
			check_incoming(self.doctype, d)
		return super().update(d)

	def load_from_db(self):
		"""Rows read back from the database were checked when they were written: they are not
		checked again (that costs more than the read for a table of forty criteria)."""
		setattr(frappe.local, _LOADING, getattr(frappe.local, _LOADING, 0) + 1)
		try:
			return super().load_from_db()
		finally:
			setattr(frappe.local, _LOADING, getattr(frappe.local, _LOADING) - 1)


# How many documents this thread is reading from the database just now (their rows included).
_LOADING = "thi_dua_loading_from_db"
