"""Reports and print formats in a real site, as real users: whole rows compared, and each user
sees only the rows they may read.

World: A head, D deputy. 2017: A 99; B 93 (group I 45); C 93 (group I 44); D 100 but
disqualified — all verified. 2018: a second pledge where only B is verified.
"""

import io

import frappe
from pypdf import PdfReader

from thi_dua_app.constants import SUBMIT_SELF_ASSESSMENT, VERIFY
from thi_dua_app.tests.factories import act, evaluation_of, fill, make_pledge
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.ranking import refresh_ranking
from thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking import execute as bloc_ranking
from thi_dua_app.thi_dua.report.pledge_fulfilment.pledge_fulfilment import execute as pledge_fulfilment
from thi_dua_app.thi_dua.report.province_overview.province_overview import execute as province_overview
from thi_dua_app.thi_dua.report.scoring_progress.scoring_progress import execute as scoring_progress
from thi_dua_app.thi_dua.report.unit_history.unit_history import execute as unit_history
from thi_dua_app.thi_dua.scoring_table import bands_of, pledge_for_scoring

RESULTS_2017 = {
	"A": ({"I.1": 27}, {"V.1": 1}),
	"B": ({"I.1": 25, "II.2": 3}, {"VI.1": 2}),
	"C": ({"I.1": 24}, {"VI.1": 2}),
	"D": ({}, {"VII.1": 1}),
}


def verify_all(pledge: str, results: dict, world):
	frappe.get_doc("Emulation Pledge", pledge).create_evaluations()
	for letter, (scores, occurrences) in results.items():
		name = frappe.db.get_value(
			"Emulation Evaluation", {"pledge": pledge, "member_unit": world.unit(letter)}
		)
		evaluation = fill(frappe.get_doc("Emulation Evaluation", name), scores, occurrences)
		for target in evaluation.target_results:
			target.achieved_value = 1 if target.indicator_kind == "Yes/No" else target.committed_value
		evaluation.target_results[4].achieved_value = 12 if letter == "B" else 20  # "≥ 15% excellently"
		evaluation.save()
		act(name, SUBMIT_SELF_ASSESSMENT)
		act(name, VERIFY)


class TestReports(ThiDuaTestCase):
	prefix = "TDReport"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		verify_all(cls.world.pledge, RESULTS_2017, cls.world)
		pledge_2018 = make_pledge(
			cls.world,
			cls.world.unit("B"),
			cls.world.unit("C"),
			year=2018,
			self_assessment_due="2018-11-15",
			verification_due="2018-11-30",
		)
		pledge_2018.submit()
		cls.pledge_2018 = pledge_2018.name
		verify_all(cls.pledge_2018, {"B": ({"I.1": 20.5}, {})}, cls.world)

	def ranking(self, who: str) -> list[tuple]:
		self.as_user(who)
		rows = bloc_ranking({"pledge": self.world.pledge})[1]
		return [
			(row.bloc_rank, row.member_unit, row.final_score, row.group_score, row.tie_break_note)
			for row in rows
		]

	def test_bloc_ranking_for_the_head(self):
		unit = self.world.unit
		self.assertEqual(
			self.ranking("officer_A"),
			[
				(1, unit("A"), 99, 47, ""),  # group I: 27 + 10 + 10
				(
					2,
					unit("B"),
					93,
					45,
					f"Same final score as {unit('C')}; ranked above it on a higher score in group I.",
				),
				(
					3,
					unit("C"),
					93,
					44,
					f"Same final score as {unit('B')}; ranked below it on a lower score in group I.",
				),
				(4, unit("D"), 100, 50, "Disqualified: ranked after every qualified unit."),
			],
		)

	def test_bloc_ranking_shows_a_member_only_its_own_row_before_publication(self):
		self.assertEqual([row[1] for row in self.ranking("officer_B")], [self.world.unit("B")])
		# and no tie-break note, on the report or on its evaluation: the note names C, its equal
		# neighbour, and their score (the head reads it: test_bloc_ranking_for_the_head)
		self.assertEqual(self.ranking("officer_B")[0][4], "")
		own = evaluation_of(self.world, "B")
		self.assertEqual((own.bloc_rank, own.tie_break_note), (2, ""))
		self.as_user("officer_X")
		_columns, rows, message = bloc_ranking({"pledge": self.world.pledge})
		self.assertEqual(
			(rows, message), ([], f"The filter Pledge names {self.world.pledge}, which you may not read.")
		)
		# B is told, above the table, why it sees one row; the head, who sees the bloc, is told nothing.
		self.as_user("officer_B")
		self.in_vietnamese()
		self.assertIn("các đơn vị khác", bloc_ranking({"pledge": self.world.pledge})[2])
		self.as_user("officer_A")
		self.assertIsNone(bloc_ranking({"pledge": self.world.pledge})[2])

	def test_bloc_ranking_in_vietnamese_with_a_chart(self):
		# Notes are written in the site's language; the desk of this province speaks Vietnamese.
		frappe.db.set_single_value("System Settings", "language", "vi")
		refresh_ranking(self.world.pledge)
		self.in_vietnamese()
		self.as_user("manager")
		columns, rows, _message, chart = bloc_ranking({"pledge": self.world.pledge})
		self.assertEqual(
			[column["label"] for column in columns][:3], ["Xếp hạng", "Đơn vị thành viên", "Bảng chấm điểm"]
		)
		self.assertEqual(
			rows[1].tie_break_note,
			f"Bằng điểm cuối cùng với {self.world.unit('C')}; xếp trên nhờ điểm nhóm I cao hơn.",
		)
		self.assertEqual(chart["data"]["datasets"][0]["values"], [99, 93, 93, 100])
		# Bars named by the units' short codes; the bands' lower bounds marked on the axis; values
		# written as the site writes numbers in the tooltip.
		codes = [
			frappe.db.get_value("Member Unit", self.world.unit(letter), "short_code") for letter in "ABCD"
		]
		self.assertEqual(chart["data"]["labels"], codes)
		self.assertEqual(
			[(marker["label"], marker["value"]) for marker in chart["data"]["yMarkers"]],
			[
				(band.label, band.min_score)
				for band in bands_of(pledge_for_scoring(self.world.pledge))
				if band.min_score
			],
		)
		self.assertEqual(chart["fieldtype"], "Float")
		# Every header fits its column in Vietnamese.
		for column in columns:
			self.assertGreaterEqual(column["width"], len(column["label"]) * 7.2 + 36, column["label"])

	def test_a_unit_not_yet_verified_shows_no_verified_figure_or_rank(self):
		self.as_user("manager")
		rows = {row.member_unit: row for row in bloc_ranking({"pledge": self.pledge_2018})[1]}
		verified, draft = rows[self.world.unit("B")], rows[self.world.unit("C")]
		self.assertEqual((verified.bloc_rank, verified.final_score), (1, 90.5))
		self.assertEqual(
			[draft[field] for field in ("bloc_rank", "verified_base", "final_score", "group_score")],
			[None, None, None, None],
		)
		self.assertEqual(draft.self_total, 0)

	def test_pledge_fulfilment(self):
		self.as_user("officer_A")
		_columns, rows, _message, _chart, summary = pledge_fulfilment({"pledge": self.world.pledge})
		fifth = [
			(row["member_unit"], row["committed_value"], row["achieved_value"], row["met"])
			for row in rows
			if row["target_no"] == 5
		]
		unit = self.world.unit
		self.assertEqual(
			fifth,
			[(unit("A"), 15, 20, 1), (unit("B"), 15, 12, 0), (unit("C"), 15, 20, 1), (unit("D"), 15, 20, 1)],
		)
		self.assertEqual([item["value"] for item in summary], [27, 1])  # 4 units × 7 targets, one missed

	def test_scoring_progress_for_the_head_and_for_a_member(self):
		self.as_user("officer_B")  # head of 2018
		columns, rows = scoring_progress({"pledge": self.pledge_2018, "as_of": "2018-12-31"})
		self.assertEqual(
			[column["fieldname"] for column in columns],
			[
				"member_unit",
				"workflow_state",
				"self_assessed_on",
				"self_assessment_due",
				"verified_on",
				"verification_due",
				"late",
				"evaluation",
			],
		)
		# every column is filled from the rows, and every row key has its column
		self.assertEqual(set(rows[0]), {column["fieldname"] for column in columns})
		self.assertEqual(
			[(row["member_unit"], row["workflow_state"], row["late"]) for row in rows],
			[
				(self.world.unit("A"), "Draft", "Self-assessment overdue"),
				(self.world.unit("B"), "Verified", ""),
				(self.world.unit("C"), "Draft", "Self-assessment overdue"),
				(self.world.unit("D"), "Draft", "Self-assessment overdue"),
			],
		)
		self.assertEqual(rows[1]["self_assessed_on"], frappe.utils.getdate())
		self.as_user("officer_D")  # a plain member in 2018: its own line only
		rows = scoring_progress({"pledge": self.pledge_2018, "as_of": "2018-01-31"})[1]
		self.assertEqual([(row["member_unit"], row["late"]) for row in rows], [(self.world.unit("D"), "")])

	def test_unit_history(self):
		self.as_user("officer_B")
		rows = unit_history({"member_unit": self.world.unit("B")})[1]
		self.assertEqual(
			[(row.year, row.final_score, row.bloc_rank) for row in rows], [(2017, 93, 2), (2018, 90.5, 1)]
		)
		rows = unit_history({"member_unit": self.world.unit("B"), "from_year": 2018, "to_year": 2018})[1]
		self.assertEqual([row.year for row in rows], [2018])
		self.assertEqual(unit_history({"member_unit": self.world.unit("C")})[1], [])  # another unit's drafts

	def test_a_successor_s_history_shows_the_units_it_succeeds(self):
		unit = self.world.unit
		merged = frappe.get_doc("Member Unit", unit("C"))
		merged.update(
			{"successor_unit": unit("B"), "succession_date": "2019-01-01", "succession_decision": "1/QĐ"}
		)
		merged.save()
		self.as_user("officer_B")
		report = unit_history({"member_unit": unit("B")})
		self.assertIn("member_unit", [column["fieldname"] for column in report[0]])
		self.assertEqual(
			[(row.year, row.member_unit, row.final_score) for row in report[1]],
			# C's 2018 evaluation is a draft: no final score yet, and no bar for it
			[(2017, unit("B"), 93), (2017, unit("C"), 93), (2018, unit("B"), 90.5), (2018, unit("C"), None)],
		)
		self.assertEqual(
			[(dataset["name"], dataset["values"]) for dataset in report[3]["data"]["datasets"]],
			[(unit("B"), [93, 90.5]), (unit("C"), [93, 0])],
		)
		own = unit_history({"member_unit": unit("B"), "without_predecessors": 1})
		self.assertEqual([row.member_unit for row in own[1]], [unit("B"), unit("B")])
		self.assertNotIn("member_unit", [column["fieldname"] for column in own[0]])
		# The successor reads the units it succeeds, and changes nothing of theirs.
		draft = frappe.db.get_value(
			"Emulation Evaluation", {"pledge": self.pledge_2018, "member_unit": unit("C")}
		)
		self.assertTrue(frappe.has_permission("Emulation Evaluation", "read", draft))
		self.assertFalse(frappe.has_permission("Emulation Evaluation", "write", draft))
		# No one else gains anything from it.
		self.as_user("officer_A")
		self.assertFalse(frappe.has_permission("Emulation Evaluation", "read", draft))

	def test_province_overview(self):
		self.as_user("manager")
		rows = province_overview({"year": 2017})[1]
		mine = [row for row in rows if row["bloc"] == self.world.bloc]
		self.assertEqual(
			[
				(
					row["member_units"],
					row["evaluations"],
					row["self_assessed"],
					row["verified"],
					row["leader"],
					row["leader_score"],
				)
				for row in mine
			],
			[(4, 4, 4, 4, self.world.unit("A"), 99)],
		)
		self.as_user("officer_X")
		self.assertEqual(
			[row for row in province_overview({"year": 2017})[1] if row["bloc"] == self.world.bloc], []
		)

	# ------------------------------------------------------------ print formats

	def print_html(self, doctype: str, name: str, print_format: str) -> str:
		# The print view offers each format in its default language, Vietnamese.
		self.in_vietnamese()
		return frappe.get_print(doctype, name, print_format)

	def test_pledge_covenant_in_the_state_format(self):
		self.as_user("officer_C")
		html = self.print_html("Emulation Pledge", self.world.pledge, "Bản giao ước thi đua")
		for text in (
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Độc lập - Tự do - Hạnh phúc",
			"Bản giao ước thi đua năm 2017",
			"ngày 07 tháng 3 năm 2017",
			"(chỉ tiêu: 15%)",
			"Head of D",  # every member's head in the signature grid
			"Times New Roman",
		):
			self.assertIn(text, html)

	def test_score_sheet_with_decimal_commas_and_its_permission(self):
		evaluation = evaluation_of(self.world, "B")
		self.as_user("officer_B")
		html = self.print_html("Emulation Evaluation", evaluation.name, "Bảng chấm điểm thi đua")
		self.assertIn("Bảng chấm điểm thi đua năm 2017", html)
		self.assertIn("TM. Khối thi đua", html)
		self.as_user("officer_C")
		self.assertRaises(
			(frappe.PermissionError, frappe.DoesNotExistError),
			self.print_html,
			"Emulation Evaluation",
			evaluation.name,
			"Bảng chấm điểm thi đua",
		)

	def test_long_score_sheet_repeats_its_header_on_every_pdf_page(self):
		evaluation = frappe.db.get_value(
			"Emulation Evaluation", {"pledge": self.pledge_2018, "member_unit": self.world.unit("B")}
		)
		self.as_user("officer_B")
		html = self.print_html("Emulation Evaluation", evaluation, "Bảng chấm điểm thi đua")
		self.assertIn(">20,5<", html)  # decimal comma
		self.assertIn(">90,5<", html)
		pdf = frappe.get_print("Emulation Evaluation", evaluation, "Bảng chấm điểm thi đua", as_pdf=True)
		pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
		self.assertGreaterEqual(len(pages), 2)
		for number, text in enumerate(pages, start=1):
			self.assertIn("Điểm tối đa", text, f"page {number} has no table header")

	def test_the_ranking_sheet_is_the_whole_bloc_s_or_none(self):
		self.as_user("officer_A")
		html = self.print_html("Emulation Pledge", self.world.pledge, "Bảng tổng hợp kết quả xếp hạng")
		self.assertIn("Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm 2017", html)
		for letter in "ABCD":
			self.assertIn(self.world.unit(letter), html)
		# Before the results are published a unit reads only its own row: it prints no sheet of one
		# row that would pass for the bloc's.
		self.as_user("officer_C")
		html = self.print_html("Emulation Pledge", self.world.pledge, "Bảng tổng hợp kết quả xếp hạng")
		self.assertIn("chỉ Trưởng khối, Phó khối và cấp tỉnh được in bảng tổng hợp xếp hạng", html)
		self.assertNotIn(self.world.unit("C"), html)
		self.assertNotIn("Bảng tổng hợp kết quả chấm điểm", html)
		self.as_user("officer_A")
		frappe.get_doc("Emulation Pledge", self.world.pledge).publish_results()
		self.as_user("officer_C")
		html = self.print_html("Emulation Pledge", self.world.pledge, "Bảng tổng hợp kết quả xếp hạng")
		for letter in "ABCD":
			self.assertIn(self.world.unit(letter), html)

	def test_pdf_keeps_vietnamese_diacritics(self):
		self.as_user("officer_A")
		self.in_vietnamese()
		pdf = frappe.get_print("Emulation Pledge", self.world.pledge, "Bản giao ước thi đua", as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))
		page = PdfReader(io.BytesIO(pdf)).pages[0]
		text = " ".join(page.extract_text().split())
		self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
		self.assertIn("Độc lập - Tự do - Hạnh phúc", text)
		self.assertIn("tại Bắc Ninh", text)
		# Every glyph comes from the Times-metric face: no fallback font for a missing diacritic.
		fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
		self.assertTrue(fonts, "no font in the PDF")
		self.assertEqual(
			{font for font in fonts if not any(face in font for face in ("Tinos", "Times"))}, set()
		)
