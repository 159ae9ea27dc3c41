"""Reports check their filters and never raise, so a bad run cannot switch a report to prepared
mode for the whole site.

The mechanism (frappe/core/doctype/report/report.py, Report.execute_script_report): before a
script report's ``execute`` runs, Frappe starts a ``threading.Timer`` of 15 seconds that calls
``enable_prepared_report`` (which sets the Report's ``prepared_report`` flag), and cancels it only
when ``execute`` returns. A run that raises leaves the timer running. Instead of waiting 15
seconds, these tests replace the timer with one that records whether it was cancelled: a timer
left running is a run that would have switched the report."""

import json
from unittest.mock import patch

import frappe
from frappe.core.doctype.report import report as report_module
from frappe.desk.query_report import run as frappe_run

from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua import report_data
from thi_dua_app.thi_dua.report_data import FilterRefused, ReportFilter, clean_filters

REPORTS = (
	"Bloc Ranking",
	"Pledge Fulfilment",
	"Scoring Progress",
	"Unit History",
	"Province Overview",
	"Awards Granted",
	"Award History",
	"Award Quota Check",
	"Title Eligibility",
	"Award Statistics",
)
HUGE = "x" * 10_000


class RecordingTimer:
	"""Stands for threading.Timer in Frappe's report runner: records, never fires."""

	started: list["RecordingTimer"] = []

	def __init__(self, interval, function, args=None, kwargs=None):
		self.interval, self.function, self.kwargs = interval, function, kwargs
		self.cancelled = False

	def start(self):
		RecordingTimer.started.append(self)

	def cancel(self):
		self.cancelled = True


class TestReportFilters(ThiDuaTestCase):
	prefix = "TDFilter"

	def hostile_filters(self) -> dict[str, list[dict]]:
		pledge, unit = self.world.pledge, self.world.unit("A")
		shapes = [["x"], {"a": 1}, HUGE, 123, True, None]
		return {
			"Bloc Ranking": [{"pledge": value} for value in shapes] + [{"pledge": "' or 1=1 -- "}],
			"Pledge Fulfilment": [{"pledge": value} for value in shapes],
			"Scoring Progress": [{"pledge": value} for value in shapes]
			+ [
				{"pledge": pledge, "as_of": value}
				for value in ("not a date", "2017-02-30", ["2017-01-01"], {"a": 1}, HUGE, 20170101)
			],
			"Unit History": [{"member_unit": value} for value in shapes]
			+ [
				{"member_unit": unit, "from_year": value}
				for value in ("abc", "2017) or (1=1", ["2017"], {"a": 1}, HUGE, 1e300, float("nan"), 2.5)
			]
			+ [{"member_unit": unit, "to_year": 10**30}]
			+ [
				{"member_unit": unit, "without_predecessors": value} for value in ("yes", 2, ["1"], HUGE, 1.0)
			],
			"Province Overview": [
				{"year": value}
				for value in ("abc", ["2017"], {"a": 1}, HUGE, None, True, 99999, "2017; drop table x")
			],
			"Awards Granted": [
				{"year": "abc"},
				{"bloc": HUGE},
				{"award_form": ["CO_TINH"]},
				{"award_form": "NOPE"},
			],
			"Award History": [
				{"from_year": value, "to_year": 2017} for value in ("abc", None, {"a": 1}, 10**30)
			]
			+ [{"from_year": 2017, "to_year": 2017, "member_unit": unit + "x"}],
			"Award Quota Check": [{"year": value} for value in ("abc", None, ["2017"], HUGE)],
			"Title Eligibility": [{"year": value} for value in ("abc", None, ["2017"], HUGE, 10**30)]
			+ [
				{"year": 2017, "member_unit": unit + "x"},
				{"year": 2017, "title": "NOPE"},
				{"year": 2017, "status": ["Qualified"]},
			],
		}

	def run_report(self, report_name: str, filters) -> dict:
		"""Run as the desk does, through Frappe's runner, with the watchdog recorded."""
		RecordingTimer.started = []
		with patch.object(report_module.threading, "Timer", RecordingTimer):
			result = frappe_run(report_name, filters=json.dumps(filters))
		self.assertEqual(len(RecordingTimer.started), 1, "the runner's watchdog did not start")
		watchdog = RecordingTimer.started[0]
		self.assertIs(watchdog.function, report_module.enable_prepared_report)
		self.assertTrue(watchdog.cancelled, f"{report_name} {filters!r} would switch to prepared mode")
		return result

	def assertNeverPrepared(self):
		self.assertEqual(
			frappe.get_all("Report", filters={"name": ("in", REPORTS), "prepared_report": 1}, pluck="name"),
			[],
		)

	def test_hostile_filters_answer_a_message_and_leave_the_watchdog_cancelled(self):
		self.as_user("officer_A")
		for report_name, cases in self.hostile_filters().items():
			for filters in cases:
				with self.subTest(report=report_name, filters=repr(filters)[:80]):
					result = self.run_report(report_name, filters)
					self.assertEqual(result["result"], [])
					self.assertIsInstance(result["message"], str)
					self.assertTrue(result["message"])
					self.assertNotIn(HUGE, result["message"])
		self.assertNeverPrepared()

	def test_the_province_s_statistics_refuse_hostile_filters_too(self):
		# The statistical forms are the province's (officers of units may not run them).
		self.as_user("manager")
		good = {"statistical_form": "0603", "from_date": "2017-01-01", "to_date": "2017-12-31"}
		cases = [{**good, "statistical_form": value} for value in ("0699", ["0603"], HUGE, None, 603)]
		cases += [{**good, "from_date": value} for value in ("2017-02-30", 20170101, {"a": 1}, HUGE)]
		cases += [{**good, "to_date": "2016-12-31"}]
		for filters in cases:
			with self.subTest(filters=repr(filters)[:80]):
				result = self.run_report("Award Statistics", filters)
				self.assertEqual(result["result"], [])
				self.assertTrue(result["message"])
				self.assertNotIn(HUGE, result["message"])
		self.assertTrue(self.run_report("Award Statistics", good)["result"])
		self.assertNeverPrepared()
		self.as_user("officer_A")
		self.assertRaises(frappe.PermissionError, frappe_run, "Award Statistics", filters=json.dumps(good))

	def test_the_messages_name_the_filter_in_the_users_language(self):
		self.as_user("officer_A")
		self.in_vietnamese()
		cases = [
			(
				"Scoring Progress",
				"as_of",
				"not a date",
				"Bộ lọc Tính đến ngày phải là một ngày (YYYY-MM-DD).",
			),
			("Province Overview", "year", "abc", "Bộ lọc Năm phải là một số nguyên."),
			("Province Overview", "year", ["2017"], "Bộ lọc Năm chỉ nhận một giá trị."),
			("Province Overview", "year", 99999, "Bộ lọc Năm phải nằm trong khoảng từ 1000 đến 9999."),
			("Bloc Ranking", "pledge", HUGE, "Bộ lọc Giao ước quá dài."),
		]
		for report_name, fieldname, value, message in cases:
			filters = {fieldname: value}
			if fieldname == "as_of":
				filters["pledge"] = self.world.pledge
			with self.subTest(report=report_name, fieldname=fieldname):
				self.assertEqual(self.run_report(report_name, filters)["message"], message)

	def test_good_filters_still_run(self):
		self.as_user("manager")
		result = self.run_report("Scoring Progress", {"pledge": self.world.pledge, "as_of": "2017-12-31"})
		self.assertEqual([row["member_unit"] for row in result["result"]], self.world.units)
		result = self.run_report("Province Overview", {"year": "2017"})
		self.assertIn(self.world.bloc, [row["bloc"] for row in result["result"]])

	def test_an_unexpected_error_is_logged_and_answered_not_raised(self):
		self.as_user("manager")
		with patch(
			"thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking.evaluations",
			side_effect=frappe.db.OperationalError("lost connection"),
		):
			result = self.run_report("Bloc Ranking", {"pledge": self.world.pledge})
		self.assertEqual(
			(result["result"], result["message"]),
			([], "The report could not be run; the error has been logged."),
		)
		self.assertNeverPrepared()

	def test_the_recording_timer_sees_a_run_that_raises(self):
		# Without the app's guard a run that raises leaves the watchdog running: filters that are
		# not an object fail inside Frappe's runner itself, before the report's execute.
		self.as_user("manager")
		RecordingTimer.started = []
		with patch.object(report_module.threading, "Timer", RecordingTimer), self.assertRaises(Exception):
			frappe_run("Bloc Ranking", filters="[1]")
		self.assertEqual([timer.cancelled for timer in RecordingTimer.started], [False])

	def test_the_apps_runner_refuses_filters_that_are_not_an_object_before_the_watchdog(self):
		# thi_dua_app.thi_dua.report_data.run stands in for frappe.desk.query_report.run (and
		# export_query) through override_whitelisted_methods.
		self.as_user("manager")
		for filters in ("[1]", '"abc"', "not json", "1", json.dumps([["pledge", "x"]]), ["x"]):
			RecordingTimer.started = []
			with (
				self.subTest(filters=filters),
				patch.object(report_module.threading, "Timer", RecordingTimer),
				self.assertRaises(frappe.ValidationError) as refused,
			):
				report_data.run("Bloc Ranking", filters=filters)
			self.assertEqual(RecordingTimer.started, [])
			self.assertEqual(str(refused.exception), "The report's filters must be named values.")
		RecordingTimer.started = []
		with patch.object(report_module.threading, "Timer", RecordingTimer):
			result = report_data.run("Bloc Ranking", filters=json.dumps({"pledge": self.world.pledge}))
		self.assertEqual(len(result["result"]), 0)  # no evaluation yet; the run went through
		self.assertEqual([timer.cancelled for timer in RecordingTimer.started], [True])

	def test_clean_filters_keeps_only_the_declared_filters_each_of_its_type(self):
		specs = (
			ReportFilter("year", "Year", "Int", reqd=True, minimum=1000, maximum=9999),
			ReportFilter("as_of", "As of", "Date"),
			ReportFilter("kind", "Indicator", "Select", ("Percent", "Number")),
		)
		self.assertEqual(
			clean_filters({"year": " 2017 ", "as_of": "2017-03-07", "kind": "Number", "extra": "x"}, specs),
			{"year": 2017, "as_of": frappe.utils.getdate("2017-03-07"), "kind": "Number"},
		)
		self.assertEqual(clean_filters({"year": 2017.0}, specs), {"year": 2017})
		for filters, message in (
			({}, "Set the filter Year."),
			({"year": 2017, "kind": "Yes/No"}, "The filter Indicator must be one of: Percent, Number."),
			({"year": 2017, "kind": ["Percent"]}, "The filter Indicator takes a single value."),
			({"year": False}, "The filter Year must be a whole number."),
			({"year": 2017, "as_of": "07-03-2017"}, "The filter As of must be a date (YYYY-MM-DD)."),
			("year=2017", "The report's filters must be named values."),
		):
			with self.subTest(filters=filters), self.assertRaises(FilterRefused) as refused:
				clean_filters(filters, specs)
			self.assertEqual(str(refused.exception), message)

	def test_a_link_filter_needs_a_record_the_user_may_read(self):
		self.as_user("officer_A")
		other = self.world.unit("B")
		_columns, rows, message = report_data.guarded_report(
			ReportFilter("member_unit", "Member unit", "Link", "Member Unit", reqd=True)
		)(lambda filters: self.fail("ran with a unit the user may not read"))({"member_unit": other})
		self.assertEqual(
			(rows, message), ([], f"The filter Member unit names {other}, which you may not read.")
		)
