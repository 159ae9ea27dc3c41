"""What the server refuses or ignores in a document a client sends, whoever sends it.

- Rows of a child table belong to one document: a row named in a save must already be stored in
  that document's table (or be new, without a name). Frappe otherwise updates a row by its name
  alone — moving another document's row into this one — and deletes real rows when a name it
  does not know is sent.
- Fields the server owns (read-only fields and read-only tables: totals, rank, tie-break note,
  dates of the workflow, return history, the pledge's frozen scoring table …) keep their stored
  value whatever the client sends; the controllers then compute them.
- Files: the attach rules of the permission module hold also when the framework saves or removes
  a File with permissions ignored on someone's behalf; evidence is private; a physical file
  shared by several File records is never moved.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, escape_html

from thi_dua_app.permissions import is_manager, may_attach_to, references_of

# Read-only fields a client legitimately sets: Frappe's amendment link.
CLIENT_SET_READ_ONLY = frozenset({"amended_from"})


def shown(value) -> str:
	"""A value a client sent, as a message may quote it."""
	return escape_html(str(value)[:140])


def before_validate(doc, method=None):
	keep_rows_in_their_document(doc)
	restore_server_owned_fields(doc)


def keep_rows_in_their_document(doc) -> None:
	for df in doc.meta.get_table_fields():
		named = [row for row in doc.get(df.fieldname) or [] if row.name and not row.is_new()]
		if not named:
			continue
		stored = set()
		previous = None if doc.is_new() else doc.get_doc_before_save()
		if previous is not None:
			# Frappe has just read the stored document, its rows included, under a lock.
			stored = {row.name for row in previous.get(df.fieldname) or []}
		elif not doc.is_new():
			stored = set(
				frappe.get_all(
					df.options,
					filters={"parent": doc.name, "parenttype": doc.doctype, "parentfield": df.fieldname},
					pluck="name",
				)
			)
		for row in named:
			if row.name not in stored:
				frappe.throw(
					_("Row {0} of table {1} is not a row of {2} {3}: send new rows without a name.").format(
						frappe.bold(shown(row.name)),
						_(df.label or df.fieldname),
						_(doc.doctype),
						shown(doc.name or ""),
					),
					title=_("Unknown row"),
				)


def server_owned_fields(meta) -> list:
	return [
		df
		for df in meta.fields
		if (
			df.read_only
			and df.fieldname not in CLIENT_SET_READ_ONLY
			and not df.fetch_from
			and df.fieldtype not in frappe.model.no_value_fields
		)
		or (df.read_only and df.fieldtype == "Table")
	]


def restore_server_owned_fields(doc) -> None:
	if doc.flags.values_from_server:
		# Written by the app's own code (a decision writing its ledger records), never a client's.
		return
	previous = None if doc.is_new() else doc.get_doc_before_save()
	for df in server_owned_fields(doc.meta):
		if df.fieldtype == "Table":
			rows = [row.as_dict() for row in previous.get(df.fieldname)] if previous else []
			doc.set(df.fieldname, rows)
		elif previous is not None:
			doc.set(df.fieldname, previous.get(df.fieldname))
		else:
			doc.set(df.fieldname, df.default if df.default is not None else None)


def validate_file(doc, method=None):
	check_file_rights(doc)
	check_file_storage(doc)


def check_file_rights(doc) -> None:
	"""The attach rules of the permission module, also for a File the framework saves with
	permissions ignored on someone's behalf (add_attachments, attach_file, extracted images …)."""
	user = frappe.session.user
	if not bound_by_attach_rights(doc, user):
		return
	changed = doc.is_new() or any(
		doc.has_value_changed(field)
		for field in ("file_url", "attached_to_doctype", "attached_to_name", "is_private")
	)
	if changed:
		require_attach_rights(doc, user)


def check_file_storage(doc):
	"""Before the framework moves anything on disk: evidence is private by construction, and a
	physical file recorded by several File records (Frappe shares one file among identical
	uploads) is never moved by one of them."""
	if doc.attached_to_doctype == "Emulation Evaluation" and not cint(doc.is_private):
		frappe.throw(
			_("Evidence of an evaluation is always a private file."), title=_("Evidence must be private")
		)
	if not doc.is_new() and doc.has_value_changed("is_private"):
		previous = doc.get_doc_before_save()
		url = previous.file_url if previous else doc.file_url
		if url and frappe.db.exists("File", {"file_url": url, "name": ("!=", doc.name)}):
			frappe.throw(
				_(
					"File {0} is also recorded by other documents; it cannot be made public or private."
				).format(shown(doc.file_name or doc.name)),
				frappe.PermissionError,
			)


def check_file_removal(doc, method=None):
	"""A File is removed only by whoever may attach to its document: Frappe's own "remove
	attachment" skips the File's permissions for anyone who may write the document — the bloc head
	verifying an evaluation would delete the unit's evidence."""
	user = frappe.session.user
	if not bound_by_attach_rights(doc, user):
		return
	require_attach_rights(doc, user)


def bound_by_attach_rights(doc, user: str) -> bool:
	"""Everyone but Administrator; the province too for an evaluation's evidence, which nobody
	removes or replaces once the unit has sent its self-assessment."""
	if user == "Administrator":
		return False
	return not is_manager(user) or doc.attached_to_doctype == "Emulation Evaluation"


def require_attach_rights(doc, user: str) -> None:
	for doctype, name in references_of(doc):
		if not may_attach_to(doctype, name, user):
			frappe.throw(
				_("You may not change {0} {1}.").format(shown(_(str(doctype))), shown(name)),
				frappe.PermissionError,
			)
