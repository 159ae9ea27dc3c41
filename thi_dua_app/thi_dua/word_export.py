"""The proposal letter and the decision, with their lists, as Word files (.docx) for the national
electronic dossier system, which takes Word and PDF (QĐ 311/QĐ-BNV 2025). Built with python-docx
from the same records as the print formats, in the Decree 30/2020 layout: A4, Times New Roman,
margins 20/15/20/30 mm, the two-column header, the title, the legal basis in italics, the body,
the signature block and the list on a page of its own."""

from __future__ import annotations

import io

import frappe
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt
from frappe import _

from thi_dua_app.rules.formatting import vn_long_date, vn_number, vn_short_date
from thi_dua_app.thi_dua.doctype.award_proposal.award_proposal import proposal_letter

EXPORTS = {"Award Proposal", "Award Decision", "Government Flag Proposal"}


@frappe.whitelist()
def download_docx(doctype: str, name: str):
	"""The document as a .docx file, for whoever may print it."""
	if doctype not in EXPORTS or not isinstance(name, str) or not frappe.db.exists(doctype, name):
		frappe.throw(_("There is no such document to export."), frappe.DoesNotExistError)
	if not frappe.has_permission(doctype, "print", name):
		frappe.throw(_("You may not export this document."), frappe.PermissionError)
	doc = frappe.get_doc(doctype, name)
	builder = {
		"Award Proposal": proposal_docx,
		"Award Decision": decision_docx,
		"Government Flag Proposal": government_flag_docx,
	}[doctype]
	content = io.BytesIO()
	builder(doc).save(content)
	frappe.response.filename = f"{name}.docx"
	frappe.response.filecontent = content.getvalue()
	frappe.response.type = "download"


def new_document() -> Document:
	document = Document()
	section = document.sections[0]
	section.orientation = WD_ORIENT.PORTRAIT
	section.page_width, section.page_height = Mm(210), Mm(297)
	section.top_margin, section.bottom_margin = Mm(20), Mm(20)
	section.left_margin, section.right_margin = Mm(30), Mm(15)
	style = document.styles["Normal"]
	style.font.name = "Times New Roman"
	style.font.size = Pt(13)
	style.paragraph_format.space_after = Pt(6)
	return document


def paragraph(
	cell_or_document, text: str = "", *, bold=False, italic=False, size=None, center=False, upper=False
):
	para = cell_or_document.add_paragraph()
	if center:
		para.alignment = WD_ALIGN_PARAGRAPH.CENTER
	run = para.add_run((text or "").upper() if upper else (text or ""))
	run.bold, run.italic = bold, italic
	if size:
		run.font.size = Pt(size)
	return para


def header(document, parent: str, issuer: str, number: str, place: str, on_date) -> None:
	table = document.add_table(rows=1, cols=2)
	left, right = table.rows[0].cells
	left.paragraphs[0].text = ""
	if parent:
		paragraph(left, parent, size=12.5, center=True, upper=True)
	paragraph(left, issuer, bold=True, size=12.5, center=True, upper=True)
	if number:
		paragraph(left, number, size=13, center=True)
	paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12.5, center=True)
	paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13.5, center=True)
	paragraph(right, vn_long_date(on_date, place or ""), italic=True, size=13.5, center=True)


def legal_basis(document, text: str) -> None:
	for line in (text or "").split("\n"):
		if line.strip():
			paragraph(document, line.strip(), italic=True)


def signature(document, recipients: list[str], prefix: str, title: str, signer: str) -> None:
	table = document.add_table(rows=1, cols=2)
	left, right = table.rows[0].cells
	left.paragraphs[0].text = ""
	paragraph(left, _("Recipients:"), bold=True, italic=True, size=12)
	for line in recipients:
		paragraph(left, f"- {line}", size=11)
	right.paragraphs[0].text = ""
	for line in (prefix, title):
		if line:
			paragraph(right, line, bold=True, center=True, upper=True)
	for _blank in range(3):
		paragraph(right, "")
	paragraph(right, signer or "", bold=True, center=True)


def list_table(document, headings: list[str], rows: list[list[str]]):
	table = document.add_table(rows=1, cols=len(headings))
	table.style = "Table Grid"
	table.alignment = WD_TABLE_ALIGNMENT.CENTER
	for cell, heading in zip(table.rows[0].cells, headings, strict=True):
		cell.text = ""
		cell.paragraphs[0].add_run(heading).bold = True
		cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
	for values in rows:
		cells = table.add_row().cells
		for cell, value in zip(cells, values, strict=True):
			cell.text = str(value)
	return table


def page_break(document) -> None:
	document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def form_name(code: str) -> str:
	return frappe.db.get_value("Award Form", code, "form_name") or code


def proposal_docx(doc) -> Document:
	letter = proposal_letter(doc)
	document = new_document()
	header(
		document,
		letter.parent_body,
		letter.issuer,
		f"{_('Document No.')}: {doc.proposal_number}" if doc.proposal_number else "",
		letter.place,
		doc.proposal_date,
	)
	paragraph(document, _("Proposal letter"), bold=True, size=14, center=True, upper=True)
	paragraph(document, letter.subject, bold=True, size=14, center=True)
	paragraph(document, f"{_('Respectfully to')}: {doc.addressee or ''}", center=True)
	legal_basis(document, doc.legal_basis)
	paragraph(
		document, _("{0} proposes that {1} consider and award:").format(letter.issuer, doc.addressee or "…")
	)
	for form, count in letter.forms:
		paragraph(document, f"- {form}: {count};")
	paragraph(document, _("(with the attached list)"))
	paragraph(
		document,
		_("Respectfully submitted to {0} for consideration and decision./.").format(doc.addressee or "…"),
	)
	signature(
		document,
		[
			_("As above;"),
			_("Department of Home Affairs (Emulation and Commendation Office);"),
			_("Filed: VT."),
		],
		doc.signer_prefix,
		doc.signer_title,
		doc.signer_name,
	)
	page_break(document)
	paragraph(document, _("List of proposed awards"), bold=True, size=14, center=True, upper=True)
	paragraph(
		document,
		"({})".format(
			_("Attached to proposal letter No. {0} of {1}").format(
				doc.proposal_number or "…", vn_short_date(doc.proposal_date)
			)
		),
		italic=True,
		center=True,
	)
	if letter.from_unit:
		columns = [_("No."), _("Individual or collective"), _("Award form"), _("Achievement summary")]
		columns.append(_("Votes for (%)"))
	else:
		columns = [
			_("No."),
			_("Collective"),
			_("Award form"),
			_("Achievement summary"),
			_("Points"),
			_("Rank"),
		]
		columns.append(_("Votes for (%)"))
	rows = []
	for index, line in enumerate(doc.lines, start=1):
		row = [index, line.recipient_name or line.member_unit, form_name(line.award_form)]
		row.append(line.achievement_summary or "")
		if not letter.from_unit:
			row += [vn_number(line.final_score), line.bloc_rank]
		rows.append([*row, vn_number(line.vote_percent)])
	list_table(document, columns, rows)
	return document


def government_flag_docx(doc) -> Document:
	"""The province's letter proposing the Government's emulation flag, with its list."""
	passed = [line for line in doc.lines if line.passed]
	document = new_document()
	header(
		document,
		"",
		doc.issuing_body,
		f"{_('Document No.')}: {doc.proposal_number}" if doc.proposal_number else "",
		doc.province,
		doc.proposal_date,
	)
	paragraph(document, _("Proposal letter"), bold=True, size=14, center=True, upper=True)
	paragraph(
		document,
		_("On proposing the Government's emulation flag for {0}").format(doc.year),
		bold=True,
		size=14,
		center=True,
	)
	paragraph(document, f"{_('Respectfully to')}: {doc.addressee or ''}", center=True)
	legal_basis(document, doc.legal_basis)
	paragraph(
		document,
		_(
			"In {0} the province awarded its emulation flag to {1} collectives leading their emulation blocs. The provincial Emulation and Commendation Council met on {2} with {3} of its {4} members present and voted by secret ballot."
		).format(
			doc.year,
			doc.leading_collectives,
			vn_short_date(doc.council_date),
			doc.members_present,
			doc.members_total,
		),
	)
	paragraph(
		document,
		_(
			"{0} respectfully proposes that {1} consider and award the Government's emulation flag to {2} collective(s) (with the attached list)."
		).format(doc.issuing_body, doc.addressee or "…", f"{len(passed):02d}"),
	)
	if doc.over_quota:
		paragraph(
			document,
			_(
				"The number proposed is above the share of {0} % of the bloc leaders (at most {1}) because: {2}"
			).format(vn_number(doc.quota_percent), doc.quota_max, doc.quota_override_reason or ""),
		)
	paragraph(
		document,
		_("Respectfully submitted to {0} for consideration and decision./.").format(doc.addressee or "…"),
	)
	signature(
		document,
		[
			_("As above;"),
			_("Central Emulation and Commendation Board (Ministry of Home Affairs);"),
			_("Department of Home Affairs (Emulation and Commendation Office);"),
			_("Filed: VT."),
		],
		doc.signer_prefix,
		doc.signer_title,
		doc.signer_name,
	)
	page_break(document)
	paragraph(
		document,
		_("List of collectives proposed for the Government's emulation flag"),
		bold=True,
		size=14,
		center=True,
		upper=True,
	)
	paragraph(
		document,
		"({})".format(
			_("Attached to proposal letter No. {0} of {1}").format(
				doc.proposal_number or "…", vn_short_date(doc.proposal_date)
			)
		),
		italic=True,
		center=True,
	)
	list_table(
		document,
		[
			_("No."),
			_("Collective"),
			_("Emulation bloc"),
			_("Provincial flag decision"),
			_("Achievement summary"),
			_("Council vote (%)"),
		],
		[
			[
				index,
				line.member_unit,
				(frappe.db.get_value("Emulation Bloc", line.bloc, "bloc_name") if line.bloc else "") or "",
				line.provincial_decision or "",
				line.achievement_summary or "",
				vn_number(line.vote_percent),
			]
			for index, line in enumerate(passed, start=1)
		],
	)
	return document


def decision_docx(doc) -> Document:
	forms = []
	for line in doc.lines:
		name = form_name(line.award_form)
		if name not in forms:
			forms.append(name)
	document = new_document()
	header(
		document,
		"",
		doc.issuing_body,
		f"{_('Document No.')}: {doc.decision_number}",
		doc.place_name,
		doc.decision_date,
	)
	paragraph(document, _("Decision"), bold=True, size=14, center=True, upper=True)
	paragraph(
		document,
		_("On awarding {0} ({1})").format(", ".join(forms), doc.achievement_period or doc.year),
		bold=True,
		size=14,
		center=True,
	)
	paragraph(document, doc.authority, bold=True, center=True, upper=True)
	legal_basis(document, doc.legal_basis)
	if doc.revoked:
		paragraph(
			document,
			_("Revoked on {0}: {1}").format(vn_short_date(doc.revoked_on), doc.revocation_reason),
			bold=True,
		)
	paragraph(document, _("Decides:"), bold=True, center=True)
	count = f"{len(doc.lines):02d}"
	articles = (
		(
			_("Article 1."),
			(
				_(
					"To award {0} to the {1} individual(s) and collective(s) named in the attached list, for their achievements in {2}."
				)
				if any(line.staff_member or line.division for line in doc.lines)
				else _(
					"To award {0} to the {1} collective(s) named in the attached list, for their achievements in {2}."
				)
			).format(", ".join(forms), count, doc.achievement_period or doc.year),
		),
		(
			_("Article 2."),
			_(
				"The reward money follows the attached list: {0} đồng in all ({1}), at the base salary of {2} đồng, paid from the {3}."
			).format(
				vn_number(doc.total_amount, 0),
				doc.total_in_words,
				vn_number(doc.base_salary, 0),
				doc.fund_source or "…",
			),
		),
		(
			_("Article 3."),
			_(
				"This decision takes effect on the date of signing. The heads of the agencies concerned and the collectives named in Article 1 carry it out./."
			),
		),
	)
	for label, text in articles:
		para = document.add_paragraph()
		para.add_run(f"{label} ").bold = True
		para.add_run(text)
	signature(
		document,
		[
			_("As Article 3;"),
			_("Department of Home Affairs (Emulation and Commendation Office);"),
			_("Filed: VT."),
		],
		doc.signer_prefix,
		doc.signer_title,
		doc.signer_name,
	)
	page_break(document)
	paragraph(document, _("List of awards"), bold=True, size=14, center=True, upper=True)
	paragraph(
		document,
		"({})".format(
			_("Attached to decision No. {0} of {1}").format(
				doc.decision_number, vn_short_date(doc.decision_date)
			)
		),
		italic=True,
		center=True,
	)
	rows = [
		[
			index,
			line.recipient_name or line.member_unit,
			form_name(line.award_form),
			line.reason_text or "",
			vn_number(line.coefficient),
			vn_number(line.amount, 0),
		]
		for index, line in enumerate(doc.lines, start=1)
	]
	rows.append(["", f"{_('Total')} ({doc.total_in_words})", "", "", "", vn_number(doc.total_amount, 0)])
	list_table(
		document,
		[_("No."), _("Recipient"), _("Award form"), _("Reason"), _("Coefficient"), _("Amount (đồng)")],
		rows,
	)
	return document
