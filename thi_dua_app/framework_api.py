"""The framework's whitelisted methods that skip the app's row rules, answered for the app.

Each one is put in place of the framework's by ``override_whitelisted_methods`` (hooks.py) and
keeps its name, arguments and answer. Counts and group-bys go through the permission-checked list
query; searches never skip the user's permissions on the app's DocTypes; social actions (like,
comment, assign, tag, share) on a document of the app need write on it, or read to only look;
the app's documents are not followed by email; copying attachments, unzipping, re-linking a
communication and marking a notification read check what the framework does not. Everything
else is the framework's own code, called unchanged. Values from the request that a message
quotes are escaped and shortened.
"""

from __future__ import annotations

import json
import re

import frappe
from frappe import _
from frappe.desk import like as framework_like
from frappe.desk import search as framework_search
from frappe.desk.doctype.tag import tag as framework_tag
from frappe.desk.form import assign_to as framework_assign
from frappe.desk.form import document_follow as framework_follow
from frappe.desk.form import utils as framework_form
from frappe.utils import escape_html, get_safe_filters

from thi_dua_app.constants import CHILD_PARENTS
from thi_dua_app.permissions import APP_DOCTYPES, REFERENCES, is_manager, may_attach_to, may_reference
from thi_dua_app.rules import input_rules

# DocTypes whose searches never skip the user's permissions.
GUARDED_SEARCH = APP_DOCTYPES | frozenset(REFERENCES)


def _shown(value) -> str:
	"""A value from the request, as a message may quote it."""
	return escape_html(str(value)[:140])


def _doctype(doctype) -> str:
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		frappe.throw(
			_("DocType {0} not found").format(frappe.bold(_shown(doctype))), frappe.DoesNotExistError
		)
	return doctype


def _require(doctype, names, ptype: str) -> None:
	"""Refuse unless the user may ``ptype`` (read or write) every named document of the app."""
	for name in names:
		if not may_reference(doctype, name, ptype):
			frappe.throw(
				_("You may not change {0} {1}.").format(_shown(_(str(doctype))), _shown(name))
				if ptype == "write"
				else _("You may not read {0} {1}.").format(_shown(_(str(doctype))), _shown(name)),
				frappe.PermissionError,
			)


def _filters(filters):
	"""List filters parsed from JSON, refused with a 417 when Frappe could not turn them into SQL."""
	filters = get_safe_filters(filters)
	if isinstance(filters, str) or input_rules.check_filters(filters):
		frappe.throw(
			_("The filters are not valid: {0}.").format(_(input_rules.FILTERS)), title=_("Invalid value")
		)
	return filters


def _names(value) -> list:
	value = frappe.parse_json(value) if isinstance(value, str) and value.startswith("[") else value
	return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------- counts, group-bys, searches


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug: bool = False, cache: bool = False) -> int:
	"""``frappe.client.get_count``, counted through the permission-checked list query for every
	DocType (the framework's own counts every row of any DocType, whoever asks)."""
	doctype = _doctype(doctype)
	parent = CHILD_PARENTS[doctype][0] if doctype in CHILD_PARENTS else None
	rows = frappe.get_list(
		doctype, filters=_filters(filters), fields=["count(*) as count"], parent_doctype=parent
	)
	return rows[0].count if rows else 0


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's group-by counts. The framework counts assignments of every row that
	matches the filters, readable or not (and of any DocType sharing the names); here only rows
	the user may read, of this DocType."""
	from frappe.desk.listview import get_group_by_count as framework_group_by_count

	doctype = _doctype(doctype)
	if field != "assigned_to":
		return framework_group_by_count(doctype, current_filters, field)
	readable = frappe.get_list(
		doctype, filters=_filters(current_filters), fields=["name"], limit_page_length=0, run=0
	)
	return frappe.db.sql(
		f"""select todo.allocated_to as name, count(*) as count
		from `tabToDo` todo join `tabUser` user on user.name = todo.allocated_to
		where todo.status != 'Cancelled' and user.user_type = 'System User'
			and todo.reference_type = %(doctype)s and todo.reference_name in ({readable})
		group by todo.allocated_to order by count desc limit 50""",
		{"doctype": doctype},
		as_dict=True,
	)


# The app's own search queries, which check who asks themselves.
APP_SEARCH_QUERIES = frozenset(
	{"thi_dua_app.thi_dua.doctype.bloc_review_meeting.bloc_review_meeting.candidate_units"}
)


def _search_query(query):
	"""The app's DocTypes are searched by the framework's own search or by one of the app's own
	queries: any other client-named 'query' method would receive the search's arguments
	positionally, whatever it is."""
	if query in APP_SEARCH_QUERIES:
		return query
	if query:
		frappe.throw(_("The app's documents are searched without a custom query."), title=_("Invalid value"))
	return None


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	if doctype in GUARDED_SEARCH:
		ignore_user_permissions = False
		query = _search_query(query)
	return framework_search.search_link(
		doctype, txt, query, filters, page_length, searchfield, reference_doctype, ignore_user_permissions
	)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""A link's title (a person's name for a Staff Member) only to whom may read or select the record;
	to anyone else the name it was asked by, as for a DocType without titles in links."""
	if doctype in GUARDED_SEARCH:
		# The same answer whether the record is missing or only unreadable: no existence oracle.
		if not isinstance(docname, str) or not docname or not frappe.db.exists(doctype, docname):
			return docname
		if not (
			frappe.has_permission(doctype, "read", docname)
			or frappe.has_permission(doctype, "select", docname)
		):
			return docname
	return framework_search.get_link_title(doctype, docname)


@frappe.whitelist()
def search_widget(
	doctype: str,
	txt: str,
	query: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_length: int = 10,
	filters: str | dict | list | None = None,
	filter_fields=None,
	as_dict: bool = False,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	if doctype in GUARDED_SEARCH:
		ignore_user_permissions = False
		query = _search_query(query)
	return framework_search.search_widget(
		doctype,
		txt,
		query,
		searchfield,
		start,
		page_length,
		filters,
		filter_fields,
		as_dict,
		reference_doctype,
		ignore_user_permissions,
	)


@frappe.whitelist()
def get_tagged_docs(doctype: str, tag: str):
	"""Names of the documents carrying a tag, among those the user may read."""
	doctype = _doctype(doctype)
	return frappe.get_list(doctype, filters=[["_user_tags", "like", tag]], fields=["name"], as_list=True)


# ---------------------------------------------------------------- social actions


@frappe.whitelist()
def toggle_like(doctype, name, add=False):
	_require(doctype, [name], "write")
	return framework_like.toggle_like(doctype, name, add)


@frappe.whitelist(methods=["POST", "PUT"])
def add_comment(
	reference_doctype: str, reference_name: str, content: str, comment_email: str, comment_by: str
):
	_require(reference_doctype, [reference_name], "write")
	return framework_form.add_comment(reference_doctype, reference_name, content, comment_email, comment_by)


def _assign_args(args):
	args = frappe.parse_json(args) if args else frappe.local.form_dict
	return args if isinstance(args, dict) else frappe._dict()


@frappe.whitelist()
def assign_to_add(args=None):
	args = _assign_args(args)
	_require(args.get("doctype"), [args.get("name")], "write")
	return framework_assign.add(args)


@frappe.whitelist()
def assign_to_add_multiple(args=None):
	args = _assign_args(args)
	_require(args.get("doctype"), _names(args.get("name")), "write")
	return framework_assign.add_multiple(args)


@frappe.whitelist()
def assign_to_remove(doctype, name, assign_to):
	_require(doctype, [name], "write")
	return framework_assign.remove(doctype, name, assign_to)


@frappe.whitelist()
def assign_to_remove_multiple(doctype, names):
	_require(doctype, _names(names), "write")
	return framework_assign.remove_multiple(doctype, names)


@frappe.whitelist()
def assign_to_close(doctype: str, name: str, assign_to: str):
	_require(doctype, [name], "read")
	return framework_assign.close(doctype, name, assign_to)


@frappe.whitelist()
def add_tag(tag, dt, dn, color=None):
	check_tag_text(tag)
	_require(dt, [dn], "write")
	return framework_tag.add_tag(tag, dt, dn, color)


@frappe.whitelist()
def remove_tag(tag, dt, dn):
	_require(dt, [dn], "write")
	return framework_tag.remove_tag(tag, dt, dn)


@frappe.whitelist()
def add_tags(tags, dt, docs, color=None):
	for tag in _names(tags):
		check_tag_text(tag)
	_require(dt, _names(docs), "write")
	return framework_tag.add_tags(tags, dt, docs, color)


@frappe.whitelist()
def share_add(doctype, name, user=None, read=1, write=0, submit=0, share=0, everyone=0, notify=0):
	from frappe import share as framework_share

	_require(doctype, [name], "write")
	return framework_share.add(doctype, name, user, read, write, submit, share, everyone, notify)


@frappe.whitelist()
def share_set_permission(doctype, name, user, permission_to, value=1, everyone=0):
	from frappe import share as framework_share

	_require(doctype, [name], "write")
	return framework_share.set_permission(doctype, name, user, permission_to, value, everyone)


def _not_followed(doctype) -> None:
	if doctype in APP_DOCTYPES:
		frappe.throw(
			_(
				"The emulation app's documents are not followed by email: their changes reach only those who may read them, in the desk."
			),
			title=_("Not available"),
		)


@frappe.whitelist()
def follow_document(doctype, doc_name, user):
	_not_followed(doctype)
	_require(doctype, [doc_name], "read")
	return framework_follow.follow_document(doctype, doc_name, user)


@frappe.whitelist()
def update_follow(doctype: str, doc_name: str, following: bool):
	if frappe.utils.sbool(following):
		_not_followed(doctype)
	_require(doctype, [doc_name], "read")
	return framework_follow.update_follow(doctype, doc_name, following)


def drop_follow_of_app_documents(doc, method=None):
	"""Frappe's email digest of followed documents sends their versions and comments to the
	follower without asking whether the follower may still read them (a bloc head who returned an
	evaluation would keep receiving the unit's edits). Frappe follows documents on its own (on
	comment, assignment, like, creation): for the app's documents the follow is not kept."""
	if doc.ref_doctype in APP_DOCTYPES:
		frappe.db.delete("Document Follow", doc.name)


@frappe.whitelist()
def get_follow_users(doctype, doc_name):
	_require(doctype, [doc_name], "read")
	return framework_follow.get_follow_users(doctype, doc_name)


@frappe.whitelist()
def unzip_file(name: str):
	"""The framework unzips any File by name, whoever asks (and names it in its errors)."""
	if not isinstance(name, str) or not frappe.db.exists("File", name):
		frappe.throw(_("File {0} not found").format(_shown(name)), frappe.DoesNotExistError)
	frappe.get_doc("File", name).check_permission("write")
	from frappe.core.api.file import unzip_file as framework_unzip_file

	return framework_unzip_file(name)


@frappe.whitelist()
def add_attachments(doctype, name, attachments):
	"""Copies Files onto a document (the framework checks neither the document nor the Files):
	the user must be allowed to attach to the document, and own every File copied (or be the
	province), so no one gains a record — and so a download — of someone else's private file."""
	from frappe.utils.file_manager import add_attachments as framework_add_attachments

	if not may_attach_to(doctype, name):
		frappe.throw(
			_("You may not change {0} {1}.").format(_shown(_(str(doctype))), _shown(name)),
			frappe.PermissionError,
		)
	attachments = frappe.parse_json(attachments) if isinstance(attachments, str) else attachments
	if not isinstance(attachments, list) or not all(isinstance(item, str) for item in attachments):
		frappe.throw(_("Attachments must be a list of File names."), title=_("Invalid value"))
	for file_name in attachments:
		owner = frappe.db.get_value("File", file_name, "owner")
		if owner is None:
			frappe.throw(_("File {0} not found").format(_shown(file_name)), frappe.DoesNotExistError)
		if owner != frappe.session.user and not is_manager():
			frappe.throw(
				_("You may not read {0} {1}.").format(_("File"), _shown(file_name)), frappe.PermissionError
			)
	return framework_add_attachments(doctype, name, attachments)


TAG_FORBIDDEN = re.compile(r"[<>\"'`&]")


def check_tag_text(tag) -> None:
	"""Tag text is written into the desk's HTML (list views build attributes from it): quotes and
	markup are refused, everywhere a tag is made."""
	if not isinstance(tag, str) or not tag.strip() or len(tag) > 140 or TAG_FORBIDDEN.search(tag):
		frappe.throw(
			_("A tag is plain text of at most 140 characters, without quotes or < > & `."),
			title=_("Invalid value"),
		)


def validate_tag(doc, method=None):
	check_tag_text(doc.name or doc.get("__newname"))


@frappe.whitelist()
def relink(name, reference_doctype=None, reference_name=None):
	"""Re-points a Communication (the framework checks nothing): the user must be allowed to change
	the Communication and the document it is moved to."""
	from frappe.email import relink as framework_relink

	if not isinstance(name, str) or not frappe.db.exists("Communication", name):
		frappe.throw(
			_("{0} {1} not found").format(_("Communication"), _shown(name)), frappe.DoesNotExistError
		)
	if not frappe.has_permission("Communication", "write", name):
		frappe.throw(
			_("You may not change {0} {1}.").format(_("Communication"), _shown(name)), frappe.PermissionError
		)
	_require(reference_doctype, [reference_name], "write")
	return framework_relink(name, reference_doctype, reference_name)


@frappe.whitelist()
def mark_notification_as_read(docname: str):
	"""Marks one of the user's own notifications as read (the framework marks anyone's)."""
	from frappe.desk.doctype.notification_log.notification_log import mark_as_read

	if frappe.db.get_value("Notification Log", str(docname), "for_user") != frappe.session.user:
		frappe.throw(
			_("You may not change {0} {1}.").format(_("Notification Log"), _shown(docname)),
			frappe.PermissionError,
		)
	return mark_as_read(docname)


# ---------------------------------------------------------------- data imports

# Frappe's Data Import methods that open an import by name without asking whether the caller may
# read it: an import's file, preview, log and errored rows hold the rows imported (staff lists,
# ratings). Each is answered only to a user who may use that import.


def _data_import(name, ptype: str):
	from frappe.core.doctype.data_import import data_import as framework_import

	if not isinstance(name, str) or not name or not frappe.has_permission("Data Import", ptype, name):
		frappe.throw(
			_("You may not use {0} {1}.").format(_("Data Import"), _shown(name)), frappe.PermissionError
		)
	return framework_import


@frappe.whitelist()
def data_import_preview(data_import, import_file=None, google_sheets_url=None):
	return _data_import(data_import, "write").get_preview_from_template(
		data_import, import_file, google_sheets_url
	)


@frappe.whitelist()
def data_import_start(data_import: str):
	return _data_import(data_import, "write").form_start_import(data_import)


@frappe.whitelist()
def data_import_errored_rows(data_import_name):
	return _data_import(data_import_name, "read").download_errored_template(data_import_name)


@frappe.whitelist()
def data_import_log(data_import_name):
	return _data_import(data_import_name, "read").download_import_log(data_import_name)


@frappe.whitelist()
def data_import_status(data_import_name):
	return _data_import(data_import_name, "read").get_import_status(data_import_name)


# ---------------------------------------------------------------- printing a document sent as JSON


def _print_target(doc, name):
	"""What a print request may print: a document the client sends as JSON prints what is stored
	under its name when it names a stored document — a client's fields (a link to another unit's
	decision, say) never reach a template under the permission of a document it may read; an
	unsaved one prints as sent, under the rules for new documents. The print format must be one of
	that DocType's."""
	if isinstance(name, str):
		return doc, name
	try:
		values = json.loads(doc) if isinstance(doc, str) else doc
	except ValueError:
		values = None
	if not isinstance(values, dict) or not isinstance(values.get("doctype"), str):
		frappe.throw(_("The document to print must be a document."), title=_("Invalid value"))
	doctype, stored = values["doctype"], values.get("name")
	if not values.get("__islocal") and isinstance(stored, str) and frappe.db.exists(doctype, stored):
		return doctype, stored
	return frappe.as_json(values), None


def _check_print_format(print_format, doctype: str) -> None:
	if not isinstance(print_format, str) or not print_format:
		return
	format_doctype = frappe.db.get_value("Print Format", print_format, "doc_type")
	if format_doctype and format_doctype != doctype:
		frappe.throw(
			_("Print format {0} is for {1}, not {2}.").format(
				_shown(print_format), _shown(_(format_doctype)), _shown(_(doctype))
			),
			title=_("Invalid value"),
		)


@frappe.whitelist()
def get_html_and_style(
	doc: str,
	name: str | None = None,
	print_format: str | None = None,
	no_letterhead: bool | None = None,
	letterhead: str | None = None,
	trigger_print: bool = False,
	style: str | None = None,
	settings: str | None = None,
):
	from frappe.www import printview

	doc, name = _print_target(doc, name)
	_check_print_format(print_format, doc if name else json.loads(doc)["doctype"])
	return printview.get_html_and_style(
		doc, name, print_format, no_letterhead, letterhead, trigger_print, style, settings
	)


@frappe.whitelist()
def get_rendered_raw_commands(doc: str, name: str | None = None, print_format: str | None = None):
	from frappe.www import printview

	doc, name = _print_target(doc, name)
	_check_print_format(print_format, doc if name else json.loads(doc)["doctype"])
	return printview.get_rendered_raw_commands(doc, name, print_format)
