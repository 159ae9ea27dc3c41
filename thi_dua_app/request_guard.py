"""Checks on a request before any method sees it (the ``before_request`` hook).

- ``upload_file`` calls the method named in its ``method`` argument directly, by-passing
  ``override_whitelisted_methods``: a method some app overrides is refused there.
- Arguments that Frappe writes into SQL as column expressions (fields, ordering, grouping,
  filter field names), on any DocType: Frappe's own check of sub-queries there looks for
  "select" followed by a space, so "(select\n… from `tabEvaluation Score`)" read any table. A
  column expression with a line break, a comment, a statement separator or a SQL keyword that
  starts a query is refused.
- A whitelisted method called without an argument it requires would raise a TypeError (a 500):
  the missing argument is named in a 417 instead. So is a JSON argument nested deeper than the
  desk ever sends (Python's reader would fail with a RecursionError), a document argument that is
  not one document, and a count the framework writes into SQL that is not a whole number.
- List arguments aimed at a DocType of the app (or a framework DocType pointing at its
  documents) — filters, fields, ordering, grouping, paging — must have a shape Frappe can turn
  into SQL; otherwise Frappe answers a 500 from deep inside its query builder. Here they get a
  translated 417 before anything runs.
"""

from __future__ import annotations

import inspect
import json
import re
from urllib.parse import unquote

import frappe
from frappe import _
from frappe.utils import escape_html

from thi_dua_app.constants import REFERENCES
from thi_dua_app.permissions import APP_DOCTYPES
from thi_dua_app.rules import input_rules

GUARDED = APP_DOCTYPES | frozenset(REFERENCES)
FILTER_ARGS = ("filters", "or_filters", "current_filters")
# Arguments the framework's methods always read as JSON, and arguments they read as JSON when the
# text looks like it: text that is not JSON there makes them answer 500.
JSON_ONLY_ARGS = (
	"docs",
	"stats",
	"items",
	"attachments",
	"select_columns",
	"custom_columns",
	"names",
	"docnames",
)
JSON_LIKE_ARGS = ("doc", "args", "fields", *FILTER_ARGS)
# Where one of those is always JSON, by method.
JSON_BY_METHOD = {
	"frappe.client.save": ("doc",),
	"frappe.client.insert": ("doc",),
	"frappe.client.submit": ("doc",),
	"frappe.client.cancel": ("doc",),
	"frappe.desk.form.save.savedocs": ("doc",),
	"frappe.desk.form.save.cancel": ("doc",),
	"frappe.model.workflow.apply_workflow": ("doc",),
	"frappe.model.workflow.get_transitions": ("doc",),
	"frappe.desk.form.assign_to.add": ("args",),
	"frappe.desk.form.assign_to.add_multiple": ("args",),
	"frappe.desk.reportview.get": ("fields",),
	"frappe.desk.reportview.get_list": ("fields",),
	"frappe.desk.reportview.export_query": ("fields",),
}
# Arguments a method takes from Python callers only (a document object): over HTTP they arrive as
# text the method cannot use, and the desk never sends them.
SERVER_ONLY_ARGS = {
	"frappe.utils.print_format.download_pdf": ("doc",),
	"frappe.utils.print_format.print_by_server": ("doc",),
}
PAGING_ARGS = ("limit_start", "limit_page_length", "limit", "page_length", "start")
# Arguments holding column expressions, and the pieces no column expression of the desk has.
SQL_ARGS = (
	"fields",
	"fieldname",
	"order_by",
	"group_by",
	"sort_by",
	"sort_field",
	"stats",
	"columns",
	"select_columns",
)
_NOT_A_COLUMN = re.compile(
	r"[\r\n\t\v\f;#]|--|/\*|\b(select|union|insert|update|delete|drop|create|alter|sleep|benchmark|"
	r"load_file|outfile|dumpfile|information_schema|performance_schema|mysql)\b",
	re.I,
)
# Report filters are a report's own values, not list filters; report_data checks them.
REPORT_METHODS = ("frappe.desk.query_report.",)
_RESOURCE = re.compile(r"^/api/(?:resource|v2/document|v2/doctype)/([^/]+)")
_TABLE = re.compile(r"`tab([^`]+)`")
_COLUMN = re.compile(r"^(?:`?tab([^`.]+)`?\.)?`?(\w+)`?(?:\s+(?:asc|desc))?$", re.I)
# Methods that take a document's name as a plain-text filter.
NAME_FILTER_METHODS = ("frappe.client.get_value", "frappe.client.get")


def check_request() -> None:
	if not getattr(frappe.local, "request", None) or not frappe.request.path.startswith("/api/"):
		return
	form = frappe.form_dict
	path = frappe.request.path
	if path.rstrip("/").endswith("upload_file") and form.get("method"):
		overridden = frappe.get_hooks("override_whitelisted_methods") or {}
		if form.get("method") in overridden:
			frappe.throw(
				_("{0} cannot be called through a file upload.").format(
					escape_html(str(form.get("method"))[:140])
				),
				frappe.PermissionError,
			)
	method = path.removeprefix("/api/method/").removeprefix("/api/v2/method/")
	for argument in SERVER_ONLY_ARGS.get(method, ()):
		if form.get(argument) not in (None, ""):
			frappe.throw(
				_("The argument {0} cannot be sent in a request.").format(frappe.bold(argument)),
				title=_("Invalid value"),
			)
	check_json_nesting(form)
	if path.startswith(("/api/method/", "/api/v2/method/")):
		check_required_arguments(method, form)
		check_argument_shapes(method, form)
	check_json_arguments(form, JSON_BY_METHOD.get(method, ()))
	check_column_expressions(form)
	if method.startswith(REPORT_METHODS):
		return
	doctype = form.get("doctype")
	match = _RESOURCE.match(path)
	if match:
		doctype = unquote(match.group(1))
	if isinstance(doctype, str) and doctype in GUARDED:
		check_list_arguments(doctype, form, names_as_filters=method in NAME_FILTER_METHODS)


def check_required_arguments(method: str, form) -> None:
	"""Every argument the method (or the app's override of it) cannot do without is in the request."""
	overrides = (frappe.get_hooks("override_whitelisted_methods") or {}).get(method) or []
	target = overrides[-1] if overrides else method
	if "." not in target:
		return
	try:
		function = frappe.get_attr(target)
	except Exception:
		return  # the framework answers an unknown method itself
	if function not in frappe.whitelisted:
		return
	try:
		parameters = inspect.signature(function).parameters.values()
	except (TypeError, ValueError):
		return
	for parameter in parameters:
		if (
			parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
			and parameter.default is parameter.empty
			and parameter.name not in form
		):
			frappe.throw(
				_("The request lacks the argument {0}.").format(frappe.bold(parameter.name)),
				title=_("Invalid value"),
			)


def check_json_nesting(form) -> None:
	"""No argument nests lists and objects deeper than the desk ever does: Python's JSON reader
	fails with a RecursionError (a 500) at about a thousand levels, in whichever method reads it."""
	for argument, value in form.items():
		if (
			isinstance(value, str)
			and value.lstrip()[:1] in ("[", "{")
			and input_rules.json_nesting(value) > input_rules.JSON_NESTING_LIMIT
		):
			refuse(argument)


# Framework methods that answer a 500 to arguments of the wrong shape, and the shape they need.
LIST_ONLY_ARGS = {"frappe.desk.form.utils.get_next": ("filters",)}
# Framework methods whose document argument must be one document (a JSON object).
DOCUMENT_ARGS = {
	"frappe.model.workflow.apply_workflow": ("doc",),
	"frappe.model.workflow.get_transitions": ("doc",),
	"frappe.client.save": ("doc",),
	"frappe.client.submit": ("doc",),
	"frappe.desk.form.save.savedocs": ("doc",),
}
# Framework methods with a count or limit they write into SQL as it comes.
COUNT_ARGS = {"frappe.desk.doctype.notification_log.notification_log.get_notification_logs": ("limit",)}
NAMED_ARGS = {"frappe.desk.form.save.cancel": ("doctype", "name")}
# List methods that hand every request argument to the list query (reportview.get_form_params).
FORM_QUERY_METHODS = ("frappe.desk.reportview.get", "frappe.desk.reportview.get_count")
# The report view's aggregate of a group-by, taken out of the arguments by the framework.
AGGREGATE_ARGS = ("aggregate_on_field", "aggregate_on_doctype", "aggregate_function")
# Arguments those methods drop before the query.
DROPPED_QUERY_ARGS = ("doctype", "cmd", "data", "ignore_permissions", "view", "user", "csrf_token", "join")


def check_argument_shapes(method: str, form) -> None:
	for argument in LIST_ONLY_ARGS.get(method, ()):
		if form.get(argument) not in (None, "") and not isinstance(parsed(form.get(argument)), list):
			refuse(argument)
	for argument in DOCUMENT_ARGS.get(method, ()):
		if form.get(argument) not in (None, "") and not isinstance(parsed(form.get(argument)), dict):
			refuse(argument)
	for argument in COUNT_ARGS.get(method, ()):
		value = form.get(argument)
		if value not in (None, "") and not (str(value).isdigit() and int(value) < 2**31):
			refuse(argument)
	for argument in NAMED_ARGS.get(method, ()):
		if not isinstance(form.get(argument), str) or not form.get(argument):
			frappe.throw(
				_("The request lacks the argument {0}.").format(frappe.bold(argument)),
				title=_("Invalid value"),
			)
	if method in FORM_QUERY_METHODS:
		from frappe.model.db_query import DatabaseQuery

		accepted = set(inspect.signature(DatabaseQuery.execute).parameters) | set(DROPPED_QUERY_ARGS)
		if form.get("group_by") and form.get("aggregate_function"):
			# The report view's group-by: Frappe turns these into a column and drops them.
			accepted |= set(AGGREGATE_ARGS)
		for argument in form:
			if argument not in accepted:
				refuse(argument)
	if method == "frappe.desk.reportview.get_filter_dashboard_data":
		stats = parsed(form.get("stats"))
		if not isinstance(stats, list) or not all(
			isinstance(stat, dict) and isinstance(stat.get("name"), str) and isinstance(stat.get("type"), str)
			for stat in stats
		):
			refuse("stats")
	if method == "frappe.model.mapper.make_mapped_doc":
		# A mapper makes a document from ``source_name``; any other method would be handed one.
		mapper = form.get("method")
		overrides = (frappe.get_hooks("override_whitelisted_methods") or {}).get(mapper) or []
		try:
			function = frappe.get_attr(overrides[-1] if overrides else mapper)
			takes_source = "source_name" in inspect.signature(function).parameters
		except Exception:
			takes_source = False
		if not takes_source:
			refuse("method")


def column_expressions(value) -> list:
	"""The strings of an argument that name columns: itself, a JSON list of them, an object's keys."""
	value = parsed(value)
	if isinstance(value, str):
		return [value]
	if isinstance(value, dict):
		return [key for key in value if isinstance(key, str)]
	if isinstance(value, list | tuple):
		return [item for item in value if isinstance(item, str)]
	return []


def filter_columns(value) -> list:
	"""Field names inside list filters, in either of Frappe's shapes."""
	value = parsed(value)
	if isinstance(value, dict):
		return [key for key in value if isinstance(key, str)]
	names = []
	if isinstance(value, list | tuple):
		for item in value:
			if isinstance(item, dict):
				names += filter_columns(item)
			elif isinstance(item, list | tuple) and len(item) >= 3:
				names += [part for part in item[: len(item) - 2] if isinstance(part, str)]
	return names


def check_column_expressions(form) -> None:
	found = [(argument, text) for argument in SQL_ARGS for text in column_expressions(form.get(argument))]
	found += [(argument, text) for argument in FILTER_ARGS for text in filter_columns(form.get(argument))]
	for argument, text in found:
		if _NOT_A_COLUMN.search(text):
			refuse(argument)


def check_json_arguments(form, always_json: tuple = ()) -> None:
	for argument in (*JSON_ONLY_ARGS, *JSON_LIKE_ARGS):
		value = form.get(argument)
		if not isinstance(value, str) or not value.strip():
			continue
		if argument in JSON_ONLY_ARGS or argument in always_json or value.lstrip()[:1] in ("[", "{"):
			try:
				json.loads(value)
			except ValueError:
				frappe.throw(
					_("The argument {0} of this request must be JSON.").format(frappe.bold(argument)),
					title=_("Invalid value"),
				)


def refuse(argument: str) -> None:
	frappe.throw(
		_("The argument {0} of this request is not valid: {1}.").format(
			frappe.bold(argument), _(input_rules.FILTERS) if argument in FILTER_ARGS else _("see the API")
		),
		title=_("Invalid value"),
	)


def parsed(value):
	if isinstance(value, str):
		try:
			return json.loads(value)
		except ValueError:
			return value
	return value


def check_list_arguments(doctype: str, form, names_as_filters: bool = False) -> None:
	for argument in FILTER_ARGS:
		if argument in form and form.get(argument) not in (None, ""):
			value = parsed(form.get(argument))
			if isinstance(value, str):
				if not names_as_filters:
					refuse(argument)
			elif input_rules.check_filters(value):
				refuse(argument)
	for argument in PAGING_ARGS:
		value = form.get(argument)
		if value not in (None, "") and not (str(value).isdigit() and int(value) < 2**31):
			refuse(argument)
	meta = frappe.get_meta(doctype)
	tables = {doctype} | {df.options for df in meta.get_table_fields()}
	if form.get("fields") not in (None, ""):
		fields = parsed(form.get("fields"))
		if isinstance(fields, str):
			fields = [fields]
		if not isinstance(fields, list) or not all(isinstance(field, str) for field in fields):
			refuse("fields")
		# A column of a table the query does not join is an SQL error, not a column.
		if any(table not in tables for field in fields for table in _TABLE.findall(field)):
			refuse("fields")
	for argument in FILTER_ARGS:
		value = parsed(form.get(argument))
		if isinstance(value, list) and any(
			isinstance(item, list) and len(item) == 4 and item[0] not in tables for item in value
		):
			refuse(argument)
	for argument in ("order_by", "group_by", "sort_by", "sort_field"):
		value = form.get(argument)
		if value in (None, ""):
			continue
		if not isinstance(value, str):
			refuse(argument)
		for part in value.split(","):
			column = _COLUMN.match(part.strip())
			table = column and column.group(1)
			if (
				column
				and not table
				and column.group(2) == "_aggregate_column"
				and form.get("aggregate_function")
			):
				continue  # the column the report view's group-by adds
			table_meta = frappe.get_meta(table) if table in tables else (meta if not table else None)
			if (
				not column
				or not table_meta
				or not (
					table_meta.has_field(column.group(2)) or column.group(2) in frappe.model.default_fields
				)
			):
				refuse(argument)
	if form.get("sort_order") not in (None, "") and str(form.get("sort_order")).lower() not in (
		"asc",
		"desc",
	):
		refuse("sort_order")
