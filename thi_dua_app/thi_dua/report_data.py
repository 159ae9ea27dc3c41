"""Queries shared by the reports and print formats. Every one goes through ``frappe.get_list``,
which applies the app's permission conditions: a report returns only rows its user may read.

Unit columns in the reports are plain text, not links: Frappe drops report rows whose link
columns point to records the user's User Permissions exclude, and a unit's officer is (rightly)
restricted to its own Member Unit record — which would hide the rows the head may see.

A report never raises. Frappe starts a 15-second timer when a script report runs and cancels it
only when ``execute`` returns; a run that raises leaves it running, and it then switches the
report to prepared (background) mode for every user of the site. So every report's ``execute``
is wrapped by ``guarded_report``: its filters are checked against what the report declares, a
bad one answers a message, and an unexpected error is logged and answered with a message too.
The report's message is shown as HTML by the desk: values in it are escaped."""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

import frappe
from frappe import _
from frappe.desk import query_report
from frappe.utils import cint, escape_html, flt

from thi_dua_app.api import pending_evaluation_filters
from thi_dua_app.permissions import get_user_units
from thi_dua_app.rules.scoring import BASE, GROUP_SCORE

EVALUATION = "Emulation Evaluation"
PLEDGE = "Emulation Pledge"
# A document name fits Frappe's varchar(140) name column.
NAME_LENGTH = 140
YEARS = (1000, 9999)
_WHOLE_NUMBER = re.compile(r"^\s*[+-]?\d{1,18}\s*$")


@dataclass(frozen=True)
class ReportFilter:
	"""One filter of a report, as its .js declares it to the desk: what a value must be before a
	query sees it. ``options`` is the DocType of a Link or the choices of a Select."""

	fieldname: str
	label: str
	fieldtype: str
	options: str | tuple[str, ...] = ""
	reqd: bool = False
	minimum: int | None = None
	maximum: int | None = None


PLEDGE_FILTER = ReportFilter("pledge", "Pledge", "Link", PLEDGE, reqd=True)


class FilterRefused(Exception):
	"""A filter value the report cannot use; its message is shown to the user."""


def clean_filters(filters, specs: tuple[ReportFilter, ...]) -> frappe._dict:
	"""The report's filters checked against ``specs``: only the declared ones, each of its type.
	Raises FilterRefused with a translated message naming the filter at fault."""
	if filters is None:
		filters = {}
	if not isinstance(filters, dict):
		raise FilterRefused(_("The report's filters must be named values."))
	clean = CheckedFilters()
	for spec in specs:
		value = filters.get(spec.fieldname)
		if value is None or value == "":
			if spec.reqd:
				raise FilterRefused(_("Set the filter {0}.").format(_(spec.label)))
			continue
		if isinstance(value, list | tuple | set | dict):
			raise FilterRefused(_("The filter {0} takes a single value.").format(_(spec.label)))
		if spec.fieldtype == "Link":
			clean.documents[spec.fieldname] = _link(spec, value)
			clean[spec.fieldname] = value
		else:
			clean[spec.fieldname] = _CHECKS[spec.fieldtype](spec, value)
	return clean


class CheckedFilters(frappe._dict):
	"""A report's checked filter values; ``documents`` holds the records its Link filters name,
	read once for the permission check and used again by the report (not a filter value)."""

	def __init__(self):
		super().__init__()
		object.__setattr__(self, "documents", {})


def _link(spec: ReportFilter, value):
	"""The record a Link filter names, once the user is known to may read it."""
	if not isinstance(value, str):
		raise FilterRefused(_("The filter {0} takes a single value.").format(_(spec.label)))
	if len(value) > NAME_LENGTH:
		raise FilterRefused(_("The filter {0} is too long.").format(_(spec.label)))
	# The same answer whether the record is missing or only unreadable: no existence oracle.
	doc = frappe.get_doc(spec.options, value) if frappe.db.exists(spec.options, value) else None
	if doc is None or not (
		frappe.has_permission(spec.options, "read", doc) or frappe.has_permission(spec.options, "select", doc)
	):
		raise FilterRefused(
			_("The filter {0} names {1}, which you may not read.").format(_(spec.label), escape_html(value))
		)
	return doc


def _whole_number(spec: ReportFilter, value) -> int:
	if isinstance(value, bool):
		number = None
	elif isinstance(value, int):
		number = value
	elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
		number = int(value)
	elif isinstance(value, str) and _WHOLE_NUMBER.match(value):
		number = int(value)
	else:
		number = None
	if number is None:
		raise FilterRefused(_("The filter {0} must be a whole number.").format(_(spec.label)))
	if (spec.minimum is not None and number < spec.minimum) or (
		spec.maximum is not None and number > spec.maximum
	):
		raise FilterRefused(
			_("The filter {0} must be between {1} and {2}.").format(_(spec.label), spec.minimum, spec.maximum)
		)
	return number


def _date(spec: ReportFilter, value) -> date:
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	try:
		if isinstance(value, str) and len(value) == 10:
			return date.fromisoformat(value)
	except ValueError:
		pass
	raise FilterRefused(_("The filter {0} must be a date (YYYY-MM-DD).").format(_(spec.label)))


def _select(spec: ReportFilter, value) -> str:
	if value not in spec.options:
		raise FilterRefused(
			_("The filter {0} must be one of: {1}.").format(
				_(spec.label), ", ".join(_(option) for option in spec.options)
			)
		)
	return value


def _check(spec: ReportFilter, value) -> int:
	if value in (0, 1, "0", "1") and not isinstance(value, float):
		return int(value)
	raise FilterRefused(_("The filter {0} is either ticked or not.").format(_(spec.label)))


_CHECKS = {"Int": _whole_number, "Date": _date, "Select": _select, "Check": _check}


def guarded_report(*specs: ReportFilter):
	"""Decorator of a report's ``execute``: it receives only the declared filters, checked, and
	it never raises (see the module's note) — a refused filter or an error answers a message."""

	def decorate(execute):
		@functools.wraps(execute)
		def guarded(filters=None):
			try:
				return readable_columns(execute(clean_filters(filters, specs)))
			except FilterRefused as refusal:
				return [], [], str(refusal)
			except Exception:
				# Checking a filter or running the report: logged, never raised (see the module's note).
				# Deferred: the failed query may have ended the transaction this would write in.
				frappe.log_error(f"Report failed: {execute.__module__}", defer_insert=True)
				return [], [], _("The report could not be run; the error has been logged.")

		guarded.filter_specs = specs
		return guarded

	return decorate


# Roughly the width of one character of a column's header in the desk's font, and what the header
# needs besides its text (padding, the sort and menu icons), in pixels.
HEADER_CHARACTER_WIDTH, HEADER_PADDING = 7.2, 36


def readable_columns(result):
	"""A report's result with each column at least as wide as its header in the user's language:
	Vietnamese labels are longer than the English ones the widths were chosen for, and Frappe's
	table cuts a header off with an ellipsis."""
	if isinstance(result, list | tuple) and result and isinstance(result[0], list):
		for column in result[0]:
			if isinstance(column, dict) and column.get("label"):
				needed = math.ceil(len(str(column["label"])) * HEADER_CHARACTER_WIDTH) + HEADER_PADDING
				column["width"] = max(cint(column.get("width")), needed)
	return result


def checked_report_filters(filters):
	"""Report filters as the desk sends them — an object, or its JSON — before Frappe's report
	runner sees them: it turns them into a dict inside the timed run, so any other shape would
	raise there and switch the report to prepared mode. Refused here, before the timer starts."""
	if isinstance(filters, str) and filters.strip():
		try:
			filters = json.loads(filters)
		except ValueError:
			filters = None
		else:
			if not isinstance(filters, dict):
				filters = None
		if filters is None:
			frappe.throw(_("The report's filters must be named values."), frappe.ValidationError)
	elif filters not in (None, "") and not isinstance(filters, dict):
		frappe.throw(_("The report's filters must be named values."), frappe.ValidationError)
	return filters


@frappe.whitelist()
@frappe.read_only()
def run(
	report_name: str,
	filters=None,
	user: str | None = None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""``frappe.desk.query_report.run`` with its filters checked first (see checked_report_filters).

	The framework takes the user whose cached (prepared) result it answers with, and the name of
	a prepared result, from the request: here it is always the caller's own."""
	filters = checked_report_filters(filters)
	if isinstance(filters, dict) and filters.get("prepared_report_name"):
		owner = frappe.db.get_value("Prepared Report", filters["prepared_report_name"], "owner")
		if owner != frappe.session.user:
			filters.pop("prepared_report_name")
	if custom_columns not in (None, "", "[]"):
		columns = frappe.parse_json(custom_columns) if isinstance(custom_columns, str) else custom_columns
		if not isinstance(columns, list) or not all(
			isinstance(column, dict)
			and all(isinstance(column.get(key), str) for key in ("fieldname", "doctype", "link_field"))
			# where Frappe inserts it, as a position among the report's columns
			and type(column.get("insert_after_index")) is int
			and column["insert_after_index"] >= -1
			for column in columns
		):
			frappe.throw(_("The added columns of the report are not valid."), title=_("Invalid value"))
	return query_report.run(
		report_name,
		filters=filters,
		user=frappe.session.user,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=custom_columns,
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)


@frappe.whitelist()
def export_query():
	"""``frappe.desk.query_report.export_query`` with its filters checked first; the file of one of
	the app's reports says what it is — its title, pledge, bloc and year — in its first rows and
	in its name, so an exported sheet never circulates without them."""
	filters = checked_report_filters(frappe.form_dict.get("filters"))
	result = query_report.export_query()
	if frappe.response.get("type") == "binary":
		label_export(frappe.form_dict.get("report_name"), filters)
	return result


def label_export(report_name, filters) -> None:
	if (
		not isinstance(report_name, str)
		or frappe.get_cached_value("Report", report_name, "module") != "Thi Dua"
	):
		return
	filters = filters if isinstance(filters, dict) else {}
	pledge, bloc, year = filters.get("pledge"), filters.get("bloc"), filters.get("year")
	if isinstance(pledge, str) and pledge:
		bloc, year = frappe.db.get_value(PLEDGE, pledge, ["bloc", "year"]) or (bloc, year)
	facts = [
		f"{label}: {value}"
		for label, value in ((_("Pledge"), pledge), (_("Emulation bloc"), bloc), (_("Year"), year))
		if isinstance(value, str | int) and value
	]
	heading = [_(report_name), "; ".join(facts)] if facts else [_(report_name)]
	name = " - ".join(str(part) for part in (_(report_name), pledge or bloc, year) if part)
	name = re.sub(r"[\\/:*?\"<>|\r\n]+", "_", name)
	extension = str(frappe.response.get("filename", "")).rsplit(".", 1)[-1]
	content = frappe.response.get("filecontent")
	if extension == "xlsx":
		content = xlsx_with_heading(content, heading)
	elif extension == "csv":
		content = csv_with_heading(content, heading)
	else:
		return
	frappe.response["filecontent"] = content
	frappe.response["filename"] = f"{name}.{extension}"


def xlsx_with_heading(content: bytes, heading: list[str]) -> bytes:
	from io import BytesIO

	from openpyxl import load_workbook
	from openpyxl.styles import Font

	workbook = load_workbook(BytesIO(content))
	sheet = workbook.active
	sheet.insert_rows(1, amount=len(heading) + 1)
	for row, text in enumerate(heading, start=1):
		sheet.cell(row=row, column=1, value=text).font = Font(bold=row == 1)
	out = BytesIO()
	workbook.save(out)
	return out.getvalue()


def csv_with_heading(content: bytes, heading: list[str]) -> bytes:
	import csv
	from io import StringIO

	text = StringIO()
	writer = csv.writer(text)
	for line in heading:
		writer.writerow([line])
	writer.writerow([])
	bom = "\ufeff".encode()
	body = content[len(bom) :] if content.startswith(bom) else content
	return (bom if content.startswith(bom) else b"") + text.getvalue().encode() + body


def report_pledge(filters):
	"""The pledge a report is about (its filter is checked, and the pledge read, by ``guarded_report``)."""
	documents = getattr(filters, "documents", None) or {}
	return documents.get("pledge") or frappe.get_doc(PLEDGE, filters.pledge)


def ranking_group(pledge) -> str:
	"""The group whose score breaks ties first (the demo: group I), else the table's first group."""
	for row in pledge.tie_breaks:
		if row.rule == GROUP_SCORE and row.group_code:
			return row.group_code
	return pledge.groups[0].group_code if pledge.groups else ""


def evaluations(
	filters: dict | list, fields: list[str], order_by: str = "bloc_rank asc", group_by: str | None = None
) -> list[dict]:
	"""Evaluations the user may read; ``filters`` as a dict or a list of [field, operator, value]."""
	if isinstance(filters, dict):
		filters = [
			[field, *value] if isinstance(value, tuple) else [field, "=", value]
			for field, value in filters.items()
		]
	return frappe.get_list(
		EVALUATION,
		filters=[["docstatus", "<", 2], *filters],
		fields=fields,
		order_by=order_by,
		group_by=group_by,
		limit_page_length=0,
	)


def group_scores(evaluation_names: list[str], group: str) -> dict[str, float]:
	"""Verified base points of one group per evaluation (each capped at its maximum)."""
	if not evaluation_names or not group:
		return {}
	totals: dict[str, float] = defaultdict(float)
	for row in frappe.get_list(
		"Evaluation Score",
		parent_doctype=EVALUATION,
		filters={"parent": ("in", evaluation_names), "criterion_type": BASE, "group_code": group},
		fields=["parent", "verified_score", "max_points"],
		limit_page_length=0,
	):
		totals[row.parent] += min(flt(row.verified_score), flt(row.max_points))
	return dict(totals)


@frappe.whitelist()
def report_defaults() -> dict:
	"""Sensible filter defaults for the user: the pledge where they have work waiting (the latest
	such, as the number card "Evaluations Waiting for Me" counts it), else the latest signed pledge
	they can read; its year and bloc; their own unit."""
	waiting = set()
	for condition in pending_evaluation_filters():
		waiting.update(frappe.get_list(EVALUATION, filters=condition, pluck="pledge", distinct=True))
	filters = {"docstatus": 1}
	if waiting:
		filters["name"] = ("in", sorted(waiting))
	latest = frappe.get_list(
		"Emulation Pledge",
		filters=filters,
		fields=["name", "year", "bloc"],
		order_by="year desc, signing_date desc",
		limit_page_length=1,
	)
	units = get_user_units()
	return {
		"pledge": latest[0].name if latest else None,
		"year": latest[0].year if latest else frappe.utils.getdate().year,
		"bloc": latest[0].bloc if latest else None,
		"member_unit": units[0] if units else None,
	}


def unit_column(width: int = 240) -> dict:
	return {"fieldname": "member_unit", "label": _("Member unit"), "fieldtype": "Data", "width": width}


def evaluation_column(fieldname: str = "evaluation") -> dict:
	return {
		"fieldname": fieldname,
		"label": _("Evaluation"),
		"fieldtype": "Link",
		"options": EVALUATION,
		"width": 150,
	}


def chart_label(text) -> str:
	"""A chart label that cannot be markup. Frappe's charts write a label as text on the axis but
	as HTML in the tooltip, so neither escaping nor leaving it fits both: the angle brackets that
	would open a tag are shown as look-alike guillemets (names cannot hold them anyway)."""
	return str(text).replace("<", "‹").replace(">", "›")
