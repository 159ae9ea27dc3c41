"""The app's print formats are named in Vietnamese, as the officer picks them in the print view
(a Link to Print Format shows the record's name, untranslated). Migrate has made the records
under their new names from the app's files; the records under the old English names are
removed, and a default print format a site chose among them follows the new name."""

import frappe

RENAMED = {
	"Pledge Covenant": "Bản giao ước thi đua",
	"Evaluation Score Sheet": "Bảng chấm điểm thi đua",
	"Bloc Ranking Sheet": "Bảng tổng hợp kết quả xếp hạng",
	"Ballot Count Minutes": "Biên bản kiểm phiếu",
	"Bloc Review Minutes": "Biên bản họp bình xét khối",
	"Award Proposal Letter": "Tờ trình đề nghị khen thưởng",
	"Government Flag Proposal Letter": "Tờ trình đề nghị Cờ thi đua của Chính phủ",
	"Award Decision Document": "Quyết định khen thưởng",
	"Award Certificate": "Bằng khen và Cờ thi đua",
}


def execute():
	for old, new in RENAMED.items():
		if not frappe.db.exists("Print Format", new):
			continue
		frappe.db.set_value(
			"Property Setter",
			{"property": "default_print_format", "value": old},
			"value",
			new,
			update_modified=False,
		)
		# The app's own record only (standard, of its module): a site's own format keeps its name.
		if frappe.db.get_value("Print Format", old, ["module", "standard"]) == ("Thi Dua", "Yes"):
			frappe.delete_doc("Print Format", old, force=True, ignore_permissions=True)
