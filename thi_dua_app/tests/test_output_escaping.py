"""What a unit or a manager typed comes out as text, never as markup: in every print format, in
the reports' data, messages and chart labels, and in the workspace chart.

Markup is planted straight into the database, the state an attacker reaches by text that looks
like JSON (Frappe's sanitiser skips it) or by an Attach value (never sanitised): each field gets
its own marker, so each one is seen escaped where it is printed. Report cells are escaped by the
desk formatter every report declares (thi_dua.report_formatter), which the browser test
(tests/browser/test_output_escaping.py) runs in Chromium; here the reports must hand the text over
unchanged, so the formatter and the Excel export see what was typed."""

import re
from pathlib import Path

import frappe
from markupsafe import escape

from thi_dua_app.constants import WORKFLOW_STATES
from thi_dua_app.tests.factories import stage_evaluations
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.dashboard_chart_source.evaluations_by_state.evaluations_by_state import (
	get as evaluations_by_state,
)
from thi_dua_app.thi_dua.report.award_history.award_history import execute as award_history
from thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking import execute as bloc_ranking
from thi_dua_app.thi_dua.report.pledge_fulfilment.pledge_fulfilment import execute as pledge_fulfilment
from thi_dua_app.thi_dua.report.province_overview.province_overview import execute as province_overview
from thi_dua_app.thi_dua.report.scoring_progress.scoring_progress import execute as scoring_progress
from thi_dua_app.thi_dua.report.title_eligibility.title_eligibility import execute as title_eligibility
from thi_dua_app.thi_dua.report.unit_history.unit_history import execute as unit_history

REPORT_DIR = Path(__file__).resolve().parents[1] / "thi_dua" / "report"


def img(tag: str) -> str:
	return f"<img src=x onerror=alert(1) class=td-{tag}>"


def script(tag: str) -> str:
	"""Looks like JSON, so Frappe's sanitiser lets it through when it is saved."""
	return f'["<script>alert(1)</script>", "td-{tag}"]'


def first_row(doctype: str, parent: str, parentfield: str) -> str:
	return frappe.get_all(
		doctype, filters={"parent": parent, "parentfield": parentfield}, order_by="idx asc", pluck="name"
	)[0]


class TestOutputEscaping(ThiDuaTestCase):
	prefix = "TDEscape"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		world = cls.world
		stage_evaluations(world)  # B self-assessed; D verified (ranked 1)
		cls.evaluation = frappe.db.get_value(
			"Emulation Evaluation", {"pledge": world.pledge, "member_unit": world.unit("D")}
		)
		cls.planted: dict[str, str] = {}
		cls.places: dict[str, tuple[str, str, str]] = {}

		def plant(doctype: str, name: str, fieldname: str, value: str, key: str = ""):
			frappe.db.set_value(doctype, name, fieldname, value, update_modified=False)
			key = key or f"{doctype}.{fieldname}"
			cls.planted[key] = value
			cls.places[key] = (doctype, name, fieldname)

		for fieldname in ("governing_body", "head_title", "head_name"):
			plant("Member Unit", world.unit("D"), fieldname, img(f"unit-{fieldname}"))
		plant("Member Unit", world.unit("A"), "head_name", script("head-name"), key="Bloc head.head_name")
		plant("Emulation Bloc", world.bloc, "parent_body", img("parent-body"))
		plant("Emulation Bloc", world.bloc, "place_name", script("place-name"))
		for fieldname in ("signing_place", "chair", "guests"):
			plant("Emulation Pledge", world.pledge, fieldname, img(f"pledge-{fieldname}"))
		target = first_row("Pledge Target", world.pledge, "targets")
		plant("Pledge Target", target, "content", script("pledge-target"))
		measured = frappe.get_all(
			"Pledge Target",
			filters={"parent": world.pledge, "indicator_kind": ("!=", "Yes/No")},
			order_by="idx asc",
			pluck="name",
		)[0]
		plant("Pledge Target", measured, "uom", img("pledge-uom"))
		signatory = first_row("Pledge Signatory", world.pledge, "signatories")
		plant("Pledge Signatory", signatory, "representative", img("representative"))
		plant("Pledge Signatory", signatory, "title", script("signatory-title"))
		plant(
			"Scoring Group", first_row("Scoring Group", world.pledge, "groups"), "group_title", img("group")
		)
		plant(
			"Scoring Criterion",
			first_row("Scoring Criterion", world.pledge, "criteria"),
			"description",
			script("criterion"),
		)
		for fieldname, value in (
			("classification", img("classification")),
			("tie_break_note", script("tie-break-note")),
			("disqualification_reason", img("disqualification")),
		):
			plant("Emulation Evaluation", cls.evaluation, fieldname, value)
		frappe.db.set_value("Emulation Evaluation", cls.evaluation, "disqualified", 1, update_modified=False)
		# Published: the evaluations' stored notes are what the report and the sheet show (before
		# publication they show the notes as the ranking writes them).
		frappe.db.set_value("Emulation Pledge", world.pledge, "results_published", 1, update_modified=False)
		score = first_row("Evaluation Score", cls.evaluation, "scores")
		plant("Evaluation Score", score, "evidence", f"/private/files/{img('evidence')}")
		plant("Evaluation Score", score, "note", script("note"))
		plant("Evaluation Score", score, "verifier_note", img("verifier-note"))
		plant("Evaluation Score", score, "description", img("score-description"))
		result = first_row("Evaluation Target Result", cls.evaluation, "target_results")
		plant("Evaluation Target Result", result, "content", img("achieved-target"))
		plant("Evaluation Target Result", result, "uom", script("achieved-uom"))

	def setUp(self):
		super().setUp()
		self.as_user("manager")  # the province manager opens what the units wrote
		self.in_vietnamese()

	def assertShownAsText(self, output: str, keys: list[str]):
		# assertTrue rather than assertIn: a failure names the field, not the whole page.
		self.assertFalse("<script>alert(1)" in output or "<img src=x" in output, "raw markup printed")
		for key in keys:
			planted = self.planted[key]
			shown = planted.split("/")[-1] if key == "Evaluation Score.evidence" else planted
			self.assertTrue(str(escape(shown)) in output, f"{key} is not shown as text")

	# ------------------------------------------------------------ print formats

	def test_pledge_covenant(self):
		html = frappe.get_print("Emulation Pledge", self.world.pledge, "Bản giao ước thi đua")
		self.assertShownAsText(
			html,
			[
				"Emulation Bloc.parent_body",
				"Emulation Bloc.place_name",
				"Emulation Pledge.signing_place",
				"Emulation Pledge.chair",
				"Emulation Pledge.guests",
				"Pledge Target.content",
				"Pledge Target.uom",
				"Pledge Signatory.representative",
				"Pledge Signatory.title",
				"Scoring Group.group_title",
				"Scoring Criterion.description",
			],
		)

	def test_evaluation_score_sheet(self):
		html = frappe.get_print("Emulation Evaluation", self.evaluation, "Bảng chấm điểm thi đua")
		self.assertShownAsText(
			html,
			[
				"Member Unit.governing_body",
				"Member Unit.head_title",
				"Member Unit.head_name",
				"Emulation Bloc.place_name",
				"Scoring Group.group_title",
				"Evaluation Score.description",
				"Evaluation Score.evidence",
				"Evaluation Score.note",
				"Evaluation Score.verifier_note",
				"Emulation Evaluation.classification",
				"Emulation Evaluation.disqualification_reason",
				"Bloc head.head_name",
			],
		)

	def test_bloc_ranking_sheet(self):
		html = frappe.get_print("Emulation Pledge", self.world.pledge, "Bảng tổng hợp kết quả xếp hạng")
		self.assertShownAsText(
			html,
			[
				"Emulation Bloc.parent_body",
				"Emulation Bloc.place_name",
				"Emulation Evaluation.classification",
				"Emulation Evaluation.tie_break_note",
				"Bloc head.head_name",
			],
		)

	# ------------------------------------------------------------ reports

	def test_reports_hand_the_text_over_unchanged(self):
		# The desk formatter escapes it on screen; the export writes it as typed.
		rows = bloc_ranking({"pledge": self.world.pledge})[1]
		ranked = next(row for row in rows if row.name == self.evaluation)
		self.assertEqual(
			(ranked.classification, ranked.tie_break_note),
			(img("classification"), script("tie-break-note")),
		)
		rows = pledge_fulfilment({"pledge": self.world.pledge})[1]
		first = next(row for row in rows if row["evaluation"] == self.evaluation and row["target_no"] == 1)
		self.assertEqual((first["target"], first["uom"]), (img("achieved-target"), script("achieved-uom")))
		rows = unit_history({"member_unit": self.world.unit("D")})[1]
		self.assertEqual([row.classification for row in rows], [img("classification")])

	def test_every_report_declares_the_escaping_formatter(self):
		scripts = sorted(REPORT_DIR.glob("*/*.js"))
		self.assertEqual(len(scripts), len(list(REPORT_DIR.glob("*/*.json"))))
		for path in scripts:
			self.assertIn("formatter: thi_dua.report_formatter,", path.read_text(), path.name)

	def test_every_report_column_the_formatter_leaves_alone_is_a_link_or_a_number(self):
		# The formatter escapes every text value except Link cells, which Frappe builds as text.
		pledge = {"pledge": self.world.pledge}
		for columns in (
			bloc_ranking(pledge)[0],
			pledge_fulfilment(pledge)[0],
			scoring_progress(pledge)[0],
			unit_history({"member_unit": self.world.unit("D")})[0],
			province_overview({"year": 2017})[0],
			award_history({"from_year": 2016, "to_year": 2017})[0],
			title_eligibility({"year": 2017})[0],
		):
			# A Dynamic Link is escaped by the formatter like text (only Link is left to Frappe).
			self.assertEqual(
				{column["fieldtype"] for column in columns}
				- {"Data", "Link", "Dynamic Link", "Int", "Float", "Date", "Check"},
				set(),
			)

	def test_a_name_cannot_hold_markup(self):
		# Which is why Link cells and chart labels made of names need no escaping of their own.
		frappe.set_user("Administrator")
		with self.assertRaises(frappe.NameError):
			frappe.get_doc(
				{
					"doctype": "Member Unit",
					"unit_name": img("unit-name"),
					"short_code": "TDESCNAME",
					"unit_kind": "Department",
				}
			).insert()

	def test_a_refused_filter_value_is_escaped_in_the_report_message(self):
		hostile = '"><img src=x onerror=alert(1)>'
		_columns, rows, message = bloc_ranking({"pledge": hostile})
		self.assertEqual(rows, [])
		self.assertNotIn("<img", message)
		self.assertIn("&lt;img src=x onerror=alert(1)&gt;", message)

	def test_chart_labels_cannot_be_markup(self):
		from thi_dua_app.thi_dua.report_data import chart_label

		self.assertEqual(chart_label(img("label")), "‹img src=x onerror=alert(1) class=td-label›")
		chart = bloc_ranking({"pledge": self.world.pledge})[3]
		# bars are named by the unit's short code, as it is stored (and never as markup)
		self.assertEqual(
			chart["data"]["labels"], [frappe.db.get_value("Member Unit", self.world.unit("D"), "short_code")]
		)
		self.assertFalse(any("<" in label for label in chart["data"]["labels"]))
		labels = evaluations_by_state()["labels"]
		self.assertTrue(labels)
		self.assertLessEqual(set(labels), {frappe._(state) for state in WORKFLOW_STATES})

	def test_every_planted_field_was_planted(self):
		# Guard against a planting that silently wrote nothing (a field renamed, a row missing).
		for key, (doctype, name, fieldname) in self.places.items():
			self.assertEqual(frappe.db.get_value(doctype, name, fieldname), self.planted[key], key)
		self.assertEqual(len(self.planted), 24)
		self.assertTrue(all(re.search(r"<(img|script)", value) for value in self.planted.values()))
