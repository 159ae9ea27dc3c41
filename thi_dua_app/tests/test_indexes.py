"""Every column the row rules and reports filter or join on is indexed in the database: the unit,
pledge, bloc and head or deputy unit of a document, the person, division, decision, proposal,
meeting and review it points at, and every child table's parent (the first column of an index)."""

import frappe

from thi_dua_app.constants import APP_PARENT_DOCTYPES, CHILD_PARENTS
from thi_dua_app.tests.utils import ThiDuaTestCase

FILTERED = {
	"member_unit",
	"pledge",
	"head_unit",
	"deputy_unit",
	"bloc",
	"staff_member",
	"division",
	"award_decision",
	"award_proposal",
	"proposing_unit",
	"meeting",
	"internal_review",
}


def leading_columns(doctype: str) -> set[str]:
	"""Columns that begin an index of the DocType's table."""
	return {
		row.Column_name
		for row in frappe.db.sql(f"show index from `tab{doctype}`", as_dict=True)
		if int(row.Seq_in_index) == 1
	}


class TestIndexes(ThiDuaTestCase):
	prefix = "TDIndex"

	def test_every_filtered_column_is_indexed(self):
		missing = []
		for doctype in sorted({*APP_PARENT_DOCTYPES, *CHILD_PARENTS}):
			meta = frappe.get_meta(doctype)
			if meta.issingle:
				continue  # no table of its own: its values are rows of tabSingles
			indexed = leading_columns(doctype)
			wanted = {field.fieldname for field in meta.fields if field.fieldtype == "Link"} & FILTERED
			if meta.istable:
				wanted.add("parent")
			missing += [f"{doctype}.{column}" for column in sorted(wanted - indexed)]
		self.assertEqual(missing, [])
