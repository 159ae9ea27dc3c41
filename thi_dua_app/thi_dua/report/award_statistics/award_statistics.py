"""Thống kê khen thưởng: the statistical forms of Thông tư 02/2023/TT-BNV that the award ledger
fills — Biểu 0602 (state-level awards) and Biểu 0603 (the province's awards) — for the decisions
signed between two dates, revoked ones left out. Columns by award form (those of the form's level
in the Award Form records), split by the kind of recipient; rows by award type, proposing body and
recipient (thi_dua_app.rules.statistics). On screen as a report; as the form itself in Excel.

The official sheet of TT 02/2023 was not at hand when this was written: the layout follows its
outline (form number, reporting and receiving bodies, period, the two-row column heads, the
signatures), and the rows and columns are those the outline names."""

import io
from collections import Counter

import frappe
from frappe import _
from frappe.utils import formatdate, getdate
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from thi_dua_app.rules import statistics as stats
from thi_dua_app.thi_dua.report_data import (
	FilterRefused,
	ReportFilter,
	checked_report_filters,
	clean_filters,
	guarded_report,
)

# Which awards each statistical form counts: the Award Forms of that level.
LEVEL_OF_FORM = {"0602": "National", "0603": "Province"}
NO_LEADERSHIP = ("", "No leadership post")
FILTERS = (
	ReportFilter("statistical_form", "Statistical form", "Select", tuple(LEVEL_OF_FORM), reqd=True),
	ReportFilter("from_date", "From date", "Date", reqd=True),
	ReportFilter("to_date", "To date", "Date", reqd=True),
)


@guarded_report(*FILTERS)
def execute(filters):
	table = statistics_of(filters)
	columns = [
		{"fieldname": "label", "label": _("Item"), "fieldtype": "Data", "width": 340},
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 110},
		*(
			{
				"fieldname": column.key,
				"label": f"{table.form_names[column.form]}: {kind_label(column.kind)}",
				"fieldtype": "Int",
				"width": 260,
			}
			for column in table.columns
		),
	]
	return columns, [{"label": label, **values} for label, values in table_rows(table)]


def statistics_of(filters) -> frappe._dict:
	"""The awards the user may read, signed in the period, counted (thi_dua_app.rules.statistics)."""
	if getdate(filters.from_date) > getdate(filters.to_date):
		raise FilterRefused(_("The period ends before it starts."))
	forms = frappe.get_all(
		"Award Form",
		filters={"level": LEVEL_OF_FORM[filters.statistical_form]},
		fields=["name", "form_name", "subject"],
		order_by="precedence desc, name asc",
	)
	records = frappe.get_list(
		"Award Record",
		filters={
			"award_form": ("in", [form.name for form in forms] or [""]),
			"revoked": 0,
			"decision_date": ("between", [filters.from_date, filters.to_date]),
		},
		fields=[
			"award_form",
			"recipient_kind",
			"staff_member",
			"division",
			"member_unit",
			"award_type",
			"award_decision",
		],
		limit_page_length=0,
	)
	proposers = proposers_of(records)
	leaders = set(
		frappe.get_all(
			"Staff Member",
			filters={
				"name": ("in", [row.staff_member for row in records if row.staff_member] or [""]),
				"leadership_level": ("not in", NO_LEADERSHIP),
			},
			pluck="name",
		)
	)
	awards = [
		stats.Award(
			form=row.award_form,
			kind=row.recipient_kind or stats.COLLECTIVE,
			award_type=row.award_type or "Regular",
			proposer=proposers.get(key_of(row)) or proposers.get(row.member_unit) or row.member_unit,
			leader=row.staff_member in leaders,
		)
		for row in records
	]
	types = frappe.get_meta("Award Record").get_field("award_type").options.split("\n")
	columns, rows = stats.tabulate(
		[stats.Form(form.name, form.subject) for form in forms], awards, [t for t in types if t]
	)
	return frappe._dict(
		filters=filters,
		columns=columns,
		rows=rows,
		form_names={form.name: form.form_name for form in forms},
	)


def key_of(row) -> tuple:
	return (row.award_decision, row.member_unit, row.staff_member or "", row.division or "", row.award_form)


def proposers_of(records) -> dict:
	"""Who proposed each award: the bloc or unit of the proposal its decision line came from, the
	province for the Government's flag it proposed; else (by unit) the unit's own name."""
	decisions = list({row.award_decision for row in records if row.award_decision})
	lines = frappe.get_all(
		"Decision Line",
		filters={"parenttype": "Award Decision", "parent": ("in", decisions or [""])},
		fields=[
			"parent",
			"member_unit",
			"staff_member",
			"division",
			"award_form",
			"award_proposal",
			"government_proposal",
		],
	)
	names = dict(
		frappe.get_all(
			"Award Proposal",
			filters={"name": ("in", [line.award_proposal for line in lines if line.award_proposal] or [""])},
			fields=["name", "proposer_name"],
			as_list=True,
		)
	)
	found = dict(
		frappe.get_all(
			"Member Unit",
			filters={"name": ("in", list({row.member_unit for row in records}) or [""])},
			fields=["name", "unit_name"],
			as_list=True,
		)
	)
	for line in lines:
		key = (line.parent, line.member_unit, line.staff_member or "", line.division or "", line.award_form)
		if line.award_proposal:
			found[key] = names.get(line.award_proposal) or line.award_proposal
		elif line.government_proposal:
			found[key] = _("The provincial People's Committee")
	return found


def kind_label(kind: str) -> str:
	return {
		stats.COLLECTIVE: _("Collectives"),
		stats.INDIVIDUAL: _("Individuals"),
		stats.HOUSEHOLD: _("Households"),
	}[kind]


def table_rows(table) -> list[tuple[str, dict]]:
	"""(label, counts by column key and "total") of every line of the form, section heads included
	(with no counts)."""
	heads = {
		stats.BY_TYPE: _("I. By kind of award"),
		stats.BY_PROPOSER: _("II. By proposing body"),
		stats.BY_RECIPIENT: _("III. By recipient"),
	}
	recipients = {
		stats.COLLECTIVE: _("Collectives"),
		stats.LEADER: _("Individuals who lead or manage"),
		stats.INDIVIDUAL: _("Other individuals"),
		stats.HOUSEHOLD: _("Households"),
	}
	out, numbers = [], Counter()
	for row in table.rows:
		if row.section == stats.TOTAL:
			label = _("Total")
		else:
			if row.section not in numbers:
				out.append((heads[row.section], {}))
			numbers[row.section] += 1
			text = recipients[row.label] if row.section == stats.BY_RECIPIENT else row.label
			label = f"{numbers[row.section]}. {_(text) if row.section == stats.BY_TYPE else text}"
		out.append(
			(
				label,
				{"total": row.total, **{column.key: row.counts.get(column, 0) for column in table.columns}},
			)
		)
	return out


# ---------------------------------------------------------------- the form in Excel


@frappe.whitelist()
def download_xlsx(filters=None):
	"""The statistical form as an .xlsx file: the header of the form, the table, the signatures."""
	if not frappe.get_doc("Report", "Award Statistics").is_permitted():
		frappe.throw(_("You may not run this report."), frappe.PermissionError)
	try:
		clean = clean_filters(checked_report_filters(filters), FILTERS)
		table = statistics_of(clean)
	except FilterRefused as refusal:
		frappe.throw(str(refusal), frappe.ValidationError, title=_("Award Statistics"))
	frappe.response.filename = "Bieu_{}_{}_{}.xlsx".format(
		clean.statistical_form, clean.from_date.strftime("%Y%m%d"), clean.to_date.strftime("%Y%m%d")
	)
	frappe.response.filecontent = workbook_of(table)
	frappe.response.type = "binary"


def reporting_body() -> str:
	"""The body that reports: the parent body most blocs name (the provincial People's Committee)."""
	rows = frappe.db.sql(
		"""select parent_body, count(*) as blocs from `tabEmulation Bloc`
		where ifnull(parent_body, '') != '' group by parent_body order by blocs desc, parent_body limit 1"""
	)
	return rows[0][0] if rows else ""


def workbook_of(table) -> bytes:
	filters = table.filters
	book = Workbook()
	sheet = book.active
	sheet.title = f"Biểu {filters.statistical_form}"
	width = 2 + len(table.columns)
	bold, thin = Font(name="Times New Roman", bold=True, size=12), Side(style="thin")
	plain = Font(name="Times New Roman", size=12)
	centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

	def line(row: int, text: str, font=plain, merge=True):
		sheet.cell(row=row, column=1, value=text).font = font
		sheet.cell(row=row, column=1).alignment = centre
		if merge and width > 1:
			sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)

	line(1, _("Form {0}.N/BNV-TĐKT").format(filters.statistical_form), bold)
	line(2, _("Issued with Circular No. 02/2023/TT-BNV of the Minister of Home Affairs"))
	line(3, _("Reporting body: {0}").format(reporting_body() or "…"))
	line(4, _("Receiving body: the Ministry of Home Affairs"))
	title = (
		_("Number of state-level awards")
		if filters.statistical_form == "0602"
		else _("Number of awards of the province")
	)
	line(6, title.upper(), Font(name="Times New Roman", bold=True, size=14))
	line(
		7,
		_("From {0} to {1}").format(
			formatdate(filters.from_date, "dd/MM/yyyy"), formatdate(filters.to_date, "dd/MM/yyyy")
		),
		Font(name="Times New Roman", italic=True, size=12),
	)
	head, sub = 9, 10
	for column, text in ((1, _("Item")), (2, _("Total"))):
		sheet.cell(row=head, column=column, value=text)
		sheet.merge_cells(start_row=head, start_column=column, end_row=sub, end_column=column)
	position = 3
	for form in dict.fromkeys(column.form for column in table.columns):
		kinds = [column for column in table.columns if column.form == form]
		sheet.cell(row=head, column=position, value=table.form_names[form])
		if len(kinds) > 1:
			sheet.merge_cells(
				start_row=head, start_column=position, end_row=head, end_column=position + len(kinds) - 1
			)
		for offset, column in enumerate(kinds):
			sheet.cell(row=sub, column=position + offset, value=kind_label(column.kind))
		position += len(kinds)
	for row in (head, sub):
		for column in range(1, width + 1):
			cell = sheet.cell(row=row, column=column)
			cell.font, cell.alignment = bold, centre
			cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
	# The column numbers, as official forms print them: A, B, then 1, 2, …
	number_row = sub + 1
	for column in range(1, width + 1):
		cell = sheet.cell(row=number_row, column=column, value="A" if column == 1 else str(column - 1))
		cell.font, cell.alignment = Font(name="Times New Roman", italic=True, size=11), centre
		cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
	current = number_row + 1
	for label, values in table_rows(table):
		is_head = not values
		sheet.cell(row=current, column=1, value=label).font = (
			bold if is_head or label == _("Total") else plain
		)
		sheet.cell(row=current, column=1).alignment = Alignment(wrap_text=True, vertical="center")
		if values:
			sheet.cell(row=current, column=2, value=values["total"])
			for offset, column in enumerate(table.columns):
				sheet.cell(row=current, column=3 + offset, value=values[column.key])
		for column in range(1, width + 1):
			cell = sheet.cell(row=current, column=column)
			cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
			if column > 1:
				cell.font, cell.alignment = plain, Alignment(horizontal="center", vertical="center")
		current += 1
	current += 1
	half = max(1, width // 2)
	for column, texts in (
		(1, (_("Prepared by"), _("(signature, full name)"))),
		(half + 1, (_("Head of the reporting body"), _("(signature, full name, seal)"))),
	):
		sheet.cell(row=current, column=column, value=texts[0]).font = bold
		sheet.cell(row=current + 1, column=column, value=texts[1]).font = Font(
			name="Times New Roman", italic=True, size=11
		)
	sheet.column_dimensions["A"].width = 48
	for column in range(2, width + 1):
		sheet.column_dimensions[get_column_letter(column)].width = 16
	sheet.row_dimensions[head].height = 48
	output = io.BytesIO()
	book.save(output)
	return output.getvalue()
