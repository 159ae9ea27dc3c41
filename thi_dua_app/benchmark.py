"""Speed of the app beside what the database itself can do, for a whole province.

    bench --site SITE execute thi_dua_app.benchmark.run            (or scripts/benchmark_reports.sh)
    bench --site SITE execute thi_dua_app.benchmark.run --kwargs "{'size': 'small'}"

The full province is 40 blocs × 12 units × 10 years with a 40-criterion table; the small one (run
by the test command, so the benchmark cannot silently break) is 3 blocs × 12 units × 2 years.
The first run generates it (units, blocs and template through the ORM; pledges and evaluations —
with totals and ranks from thi_dua_app.rules.scoring — in bulk inserts) and keeps it. Then:

- each report runs several times as the province manager and as a bloc head, and its median time
  is printed beside the median of the same aggregate done as one SQL query, with the ratio, the
  part of it that is the check of the report's filters, and the ratio without that part;
- re-ranking a pledge of 12 and of 40 units: its queries (the same number whatever the size —
  the run fails otherwise) and its time;
- a unit saving its evaluation (one score changed, as the desk sends the whole form) through the
  app's full path, beside a plain Frappe save of the same document with the app's code and hooks
  off: both times, the ratio and both query counts.
"""

from __future__ import annotations

import copy
import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import frappe
from frappe.model.document import Document
from frappe.utils import flt, now_datetime

from thi_dua_app.constants import DRAFT, PROVINCE_MANAGER, UNIT_OFFICER
from thi_dua_app.rules.scoring import Band as ScoreBand
from thi_dua_app.rules.scoring import Criterion, Entry, Standing, TieBreak, classify, compute_totals, rank
from thi_dua_app.thi_dua.doctype.member_unit.member_unit import add_unit_user
from thi_dua_app.thi_dua.scoring_table import CRITERION_FIELDS


@dataclass(frozen=True)
class Size:
	prefix: str
	blocs: int
	units: int  # per bloc
	years: tuple[int, ...]
	people_prefix: str
	people_units: int  # of 50 people each


SIZES = {
	"full": Size("BM", 40, 12, tuple(range(2016, 2026)), "BMP", 400),
	# Past a thousand evaluations, so that a full scan would show in the EXPLAIN check.
	"small": Size("BS", 12, 12, tuple(range(2019, 2026)), "BSP", 8),
}
BIG_BLOC_UNITS = 40  # the re-ranking is measured on a bloc this size too
GROUPS = [("I", 40), ("II", 30), ("III", 30), ("IV", 25)]  # 8 base criteria each: 320+240+240+200 = 1000
BANDS = [("Xuất sắc", 900, 1100), ("Tốt", 700, 900), ("Hoàn thành", 500, 700), ("Chưa hoàn thành", 0, 500)]
MANAGER = "bm.manager@thidua.test"
HEAD = "bm.head@thidua.test"
OFFICER = "bm.officer@thidua.test"


def criteria_rows() -> list[dict]:
	rows = []
	for group, maximum in GROUPS:
		rows += [
			{
				"criterion_code": f"{group}.{n}",
				"group_code": group,
				"criterion_type": "Base",
				"max_points": maximum,
			}
			for n in range(1, 9)
		]
	rows += [
		{
			"criterion_code": f"V.{n}",
			"group_code": "V",
			"criterion_type": "Bonus",
			"max_points": 40,
			"points_per_occurrence": 20,
		}
		for n in range(1, 5)
	]
	rows += [
		{
			"criterion_code": f"VI.{n}",
			"group_code": "VI",
			"criterion_type": "Deduction",
			"points_per_occurrence": 5,
		}
		for n in range(1, 4)
	]
	rows.append({"criterion_code": "VII.1", "group_code": "VII", "criterion_type": "Disqualifier"})
	for row in rows:
		row["description"] = f"Tiêu chí {row['criterion_code']}"
	return rows


def build_province(size: Size) -> None:
	"""Make whatever part of the province is missing (an interrupted run resumes)."""
	prefix, years = size.prefix, size.years
	if frappe.db.exists("Emulation Pledge", f"GUTD-{years[0]}-{prefix}{size.blocs:02d}-01"):
		fresh_drafts(size)
		return
	random.seed(2017)
	started = time.perf_counter()
	name = f"{prefix} Template"
	if not frappe.db.exists("Scoring Template", name):
		frappe.get_doc(
			{
				"doctype": "Scoring Template",
				"template_name": name,
				"scale_total": "1000",
				"bonus_cap": 100,
				"groups": [
					{"group_code": code, "group_title": f"Nhóm {code}"}
					for code in ("I", "II", "III", "IV", "V", "VI", "VII")
				],
				"criteria": criteria_rows(),
				"bands": [{"band": band, "min_score": low, "max_score": high} for band, low, high in BANDS],
				"tie_breaks": [{"rule": "Group score", "group_code": "I"}, {"rule": "Deduction points"}],
			}
		).insert()
	# As stored (0 where a row left a number empty), for the rows copied into pledges below.
	template = frappe.get_doc("Scoring Template", name)
	for user, role in ((MANAGER, PROVINCE_MANAGER), (HEAD, UNIT_OFFICER), (OFFICER, UNIT_OFFICER)):
		if not frappe.db.exists("User", user):
			frappe.get_doc(
				{"doctype": "User", "email": user, "first_name": user.split("@")[0], "send_welcome_email": 0}
			).insert(ignore_permissions=True).add_roles(role)
	blocs = [make_bloc(size, f"{b:02d}", size.units) for b in range(1, size.blocs + 1)]
	big_bloc = make_bloc(size, "XL", BIG_BLOC_UNITS)
	add_unit_user(blocs[0][1][0], HEAD)  # the head of bloc 01 in every year
	add_unit_user(blocs[0][1][1], OFFICER)  # a member of bloc 01, who saves its evaluation
	frappe.db.commit()
	insert_pledges_and_evaluations(template, blocs, years)
	insert_pledges_and_evaluations(template, [big_bloc], years[-1:])
	frappe.db.commit()
	fresh_drafts(size)
	print(f"Generated the province in {time.perf_counter() - started:.0f} s")


def fresh_drafts(size: Size) -> None:
	"""The year under way in bloc 01, every evaluation a draft — made again when anything moved
	one on (a person trying the desk on this site, say)."""
	year = size.years[-1] + 1
	states = frappe.get_all(
		"Emulation Evaluation", filters={"pledge": f"GUTD-{year}-{size.prefix}01-01"}, pluck="workflow_state"
	)
	if len(states) == size.units and set(states) == {DRAFT}:
		return
	remove_pledges([f"GUTD-{year}-{size.prefix}01-01"])
	template = frappe.get_doc("Scoring Template", f"{size.prefix} Template")
	insert_pledges_and_evaluations(template, [make_bloc(size, "01", size.units)], (year,), drafts=True)
	frappe.db.commit()


def remove_pledges(pledges: list[str]) -> None:
	"""Pledges and their evaluations gone, with their rows, versions and workflow actions."""
	evaluations = frappe.get_all("Emulation Evaluation", filters={"pledge": ("in", pledges)}, pluck="name")
	for names, doctype in ((evaluations, "Emulation Evaluation"), (pledges, "Emulation Pledge")):
		if not names:
			continue
		for df in frappe.get_meta(doctype).get_table_fields():
			frappe.db.delete(df.options, {"parenttype": doctype, "parent": ("in", names)})
		frappe.db.delete("Version", {"ref_doctype": doctype, "docname": ("in", names)})
		actions = {"reference_doctype": doctype, "reference_name": ("in", names)}
		for action in frappe.get_all("Workflow Action", filters=actions, pluck="name"):
			frappe.db.delete("Workflow Action Permitted Role", {"parent": action})
		frappe.db.delete("Workflow Action", actions)
		frappe.db.delete(doctype, {"name": ("in", names)})
	frappe.db.commit()


def make_bloc(size: Size, code: str, unit_count: int):
	"""A bloc of the province and its units (made through the ORM where missing)."""
	units = []
	for u in range(1, unit_count + 1):
		unit = f"{size.prefix} Unit {code}-{u:02d}"
		if not frappe.db.exists("Member Unit", unit):
			frappe.get_doc(
				{
					"doctype": "Member Unit",
					"unit_name": unit,
					"short_code": f"{size.prefix}{code}{u:02d}",
					"unit_kind": "Department",
				}
			).insert()
		units.append(unit)
	bloc_name = f"{size.prefix} Bloc {code}"
	if frappe.db.exists("Emulation Bloc", bloc_name):
		return frappe.get_doc("Emulation Bloc", bloc_name), units
	bloc = frappe.get_doc(
		{
			"doctype": "Emulation Bloc",
			"bloc_name": bloc_name,
			"bloc_code": f"{size.prefix}{code}",
			"members": [{"member_unit": unit, "from_date": f"{size.years[0]}-01-01"} for unit in units],
		}
	).insert()
	return bloc, units


def insert_pledges_and_evaluations(template, blocs, years, drafts: bool = False) -> None:
	"""Signed pledges of ``blocs`` for ``years``, with an evaluation per unit: approved and ranked,
	or (``drafts``) drafts the units are still filling in. Pledges already there are left as they are."""
	now, user = now_datetime(), "Administrator"
	criteria = [
		Criterion(
			row.criterion_code,
			row.group_code,
			row.criterion_type,
			flt(row.max_points),
			flt(row.points_per_occurrence),
		)
		for row in template.criteria
	]
	score_bands = [ScoreBand(*band) for band in BANDS]
	tie_breaks = [TieBreak("Group score", "I"), TieBreak("Deduction points")]
	copied = {
		"groups": ("Scoring Group", ["group_code", "group_title"]),
		"criteria": ("Scoring Criterion", list(CRITERION_FIELDS)),
		"bands": ("Scoring Band", ["band", "min_score", "max_score"]),
		"tie_breaks": ("Tie Break Rule", ["rule", "group_code"]),
	}
	targets = [(f"Chỉ tiêu {n}", "Percent", 100, "%") for n in range(1, 8)]
	short_codes = dict(
		frappe.get_all(
			"Member Unit",
			filters={"name": ("in", [unit for _bloc, units in blocs for unit in units])},
			fields=["name", "short_code"],
			as_list=True,
		)
	)
	rows: dict[str, tuple[list[str], list[tuple]]] = {}

	def add(doctype: str, values: dict):
		values = {
			"name": values.get("name") or frappe.generate_hash(length=12),
			"owner": user,
			"modified_by": user,
			"creation": now,
			"modified": now,
			**values,
		}
		fields, data = rows.setdefault(doctype, (list(values), []))
		data.append(tuple(values[field] for field in fields))

	def child(doctype: str, parenttype: str, parent: str, parentfield: str, idx: int, values: dict):
		add(
			doctype,
			{
				"parent": parent,
				"parenttype": parenttype,
				"parentfield": parentfield,
				"idx": idx,
				"docstatus": 0 if drafts else 1,
				**values,
			},
		)

	for bloc, units in blocs:
		for year in years:
			pledge = f"GUTD-{year}-{bloc.bloc_code}-01"
			if frappe.db.exists("Emulation Pledge", pledge):
				continue
			add(
				"Emulation Pledge",
				{
					"name": pledge,
					"docstatus": 1,
					"idx": 0,
					"bloc": bloc.name,
					"year": year,
					"head_unit": units[0],
					"deputy_unit": units[1],
					"signing_date": f"{year}-03-01",
					"self_assessment_due": f"{year}-11-15",
					"verification_due": f"{year}-11-30",
					"scoring_template": template.name,
					"scale_total": 1000,
					"bonus_cap": 100,
					"results_published": int(not drafts),
				},
			)
			for table, (doctype, fields) in copied.items():
				for idx, row in enumerate(template.get(table), start=1):
					child(
						doctype,
						"Emulation Pledge",
						pledge,
						table,
						idx,
						{field: row.get(field) for field in fields},
					)
			for idx, unit in enumerate(units, start=1):
				child(
					"Pledge Signatory",
					"Emulation Pledge",
					pledge,
					"signatories",
					idx,
					{"member_unit": unit, "representative": "Giám đốc"},
				)
			for idx, (content, kind, value, uom) in enumerate(targets, start=1):
				child(
					"Pledge Target",
					"Emulation Pledge",
					pledge,
					"targets",
					idx,
					{"content": content, "indicator_kind": kind, "committed_value": value, "uom": uom},
				)

			entries, standings = {}, []
			for unit in units:
				name = f"DGTD-{year}-{short_codes[unit]}-01"
				entries[name] = {
					c.code: Entry(
						score=round(c.max_points * random.uniform(0.6, 1.0)),
						occurrences=random.choice((0, 0, 1))
						if c.kind != "Disqualifier"
						else int(random.random() < 0.03),
					)
					for c in criteria
				}
				totals = compute_totals(criteria, entries[name], 100)
				standings.append(
					Standing(
						name,
						totals.final,
						totals.base,
						totals.bonus,
						totals.deduction,
						totals.group_scores,
						totals.disqualified,
					)
				)
			placements = {placement.key: placement for placement in rank(standings, tie_breaks)}
			for unit, standing in zip(units, standings, strict=True):
				name = standing.key
				result = {
					"docstatus": 1,
					"workflow_state": "Approved",
					"verified_base": standing.base,
					"verified_bonus": standing.bonus,
					"verified_deduction": standing.deduction,
					"final_score": standing.final,
					"classification": classify(standing.final, score_bands),
					"bloc_rank": placements[name].rank,
					"disqualified": int(standing.disqualified),
					"self_assessed_on": f"{year}-11-10",
					"verified_on": f"{year}-11-25",
				}
				if drafts:
					result = {"docstatus": 0, "workflow_state": DRAFT}
				add(
					"Emulation Evaluation",
					{
						"name": name,
						"idx": 0,
						"pledge": pledge,
						"member_unit": unit,
						"bloc": bloc.name,
						"year": year,
						"head_unit": units[0],
						"deputy_unit": units[1],
						"self_total": standing.final,
						"self_base": standing.base,
						"self_bonus": standing.bonus,
						"self_deduction": standing.deduction,
						**result,
					},
				)
				for idx, (criterion, row) in enumerate(
					zip(criteria, template.criteria, strict=True), start=1
				):
					entry = entries[name][criterion.code]
					child(
						"Evaluation Score",
						"Emulation Evaluation",
						name,
						"scores",
						idx,
						{
							**{field: row.get(field) for field in CRITERION_FIELDS},
							"self_score": entry.score,
							"verified_score": 0 if drafts else entry.score,
							"self_occurrences": entry.occurrences,
							"verified_occurrences": 0 if drafts else entry.occurrences,
						},
					)
				for idx, (content, kind, value, uom) in enumerate(targets, start=1):
					achieved = random.choice((90, 100, 100))
					child(
						"Evaluation Target Result",
						"Emulation Evaluation",
						name,
						"target_results",
						idx,
						{
							"content": content,
							"indicator_kind": kind,
							"committed_value": value,
							"uom": uom,
							"achieved_value": achieved,
							"met": int(achieved >= value),
						},
					)
		for doctype, (fields, data) in rows.items():
			frappe.db.bulk_insert(doctype, fields, data, chunk_size=5000)
		rows.clear()


def median_ms(call: Callable, repeat: int, after: Callable | None = None) -> float:
	"""The median time of ``call`` (``after`` runs after each call, outside the time)."""
	timings = []
	for _ in range(repeat):
		started = time.perf_counter()
		call()
		timings.append((time.perf_counter() - started) * 1000)
		if after:
			after()
	return statistics.median(timings)


@contextmanager
def counted_queries() -> Iterator[list[tuple]]:
	"""The SQL statements run inside the block, each with its values (Frappe's ORM and query
	builder go through db.sql)."""
	counted: list[tuple] = []
	real_sql = frappe.db.sql

	def counting(query, values=(), *args, **kwargs):
		counted.append((str(query), values))
		return real_sql(query, values, *args, **kwargs)

	frappe.db.sql = counting
	try:
		yield counted
	finally:
		frappe.db.sql = real_sql


def run(size: str = "full", repeat: int = 7) -> None:
	"""Generate the province of that size where missing, then print the three measurements."""
	province = SIZES[size]
	frappe.set_user("Administrator")
	build_province(province)
	run_reports(province, repeat)
	run_reranking(province, repeat)
	run_saves(province, repeat)
	run_explain(province)
	frappe.set_user("Administrator")


def run_reports(size: Size, repeat: int) -> None:
	from thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking import execute as bloc_ranking
	from thi_dua_app.thi_dua.report.pledge_fulfilment.pledge_fulfilment import execute as pledge_fulfilment
	from thi_dua_app.thi_dua.report.province_overview.province_overview import execute as province_overview
	from thi_dua_app.thi_dua.report.scoring_progress.scoring_progress import execute as scoring_progress
	from thi_dua_app.thi_dua.report.unit_history.unit_history import execute as unit_history
	from thi_dua_app.thi_dua.report_data import clean_filters

	prefix, year = size.prefix, size.years[-1]
	pledge, unit = f"GUTD-{year}-{prefix}01-01", f"{prefix} Unit 01-01"
	blocs = [f"{prefix} Bloc {b:02d}" for b in range(1, size.blocs + 1)]
	evaluation_count = frappe.db.count("Emulation Evaluation", {"bloc": ("in", blocs)})
	score_rows = frappe.db.sql(
		"""select count(*) from `tabEvaluation Score` s join `tabEmulation Evaluation` e on e.name = s.parent
		where e.bloc in %s""",
		[tuple(blocs)],
	)[0][0]
	print(
		f"Province: {size.blocs} blocs × {size.units} units × {len(size.years)} years = "
		f"{evaluation_count} evaluations, {score_rows} score rows"
	)

	sql = {
		"Bloc Ranking": lambda: frappe.db.sql(
			"""select e.name, e.member_unit, e.bloc_rank, e.final_score,
				sum(least(s.verified_score, s.max_points)) from `tabEmulation Evaluation` e
			join `tabEvaluation Score` s on s.parent = e.name and s.criterion_type = 'Base' and s.group_code = 'I'
			where e.pledge = %s group by e.name order by e.bloc_rank""",
			pledge,
		),
		"Pledge Fulfilment": lambda: frappe.db.sql(
			"""select e.member_unit, t.idx, t.committed_value, t.achieved_value, t.met
			from `tabEmulation Evaluation` e join `tabEvaluation Target Result` t on t.parent = e.name
			where e.pledge = %s""",
			pledge,
		),
		"Scoring Progress": lambda: frappe.db.sql(
			"""select s.member_unit, e.workflow_state from `tabPledge Signatory` s
			left join `tabEmulation Evaluation` e on e.pledge = s.parent and e.member_unit = s.member_unit
			where s.parent = %s""",
			pledge,
		),
		"Unit History": lambda: frappe.db.sql(
			"select year, final_score, bloc_rank from `tabEmulation Evaluation` where member_unit = %s order by year",
			unit,
		),
		"Province Overview": lambda: frappe.db.sql(
			"""select p.name, p.bloc, count(e.name), sum(e.workflow_state in ('Verified', 'Approved')),
				max(if(e.bloc_rank = 1, e.member_unit, null))
			from `tabEmulation Pledge` p left join `tabEmulation Evaluation` e on e.pledge = p.name
			where p.year = %s and p.docstatus = 1 group by p.name""",
			year,
		),
	}
	reports = {
		"Bloc Ranking": (bloc_ranking, {"pledge": pledge}),
		"Pledge Fulfilment": (pledge_fulfilment, {"pledge": pledge}),
		"Scoring Progress": (scoring_progress, {"pledge": pledge}),
		"Unit History": (unit_history, {"member_unit": unit}),
		"Province Overview": (province_overview, {"year": year}),
	}
	# The province reads every row, so its queries carry none of the app's row rules; the bloc
	# head's carry them all. "rules ×" is what the row rules cost: the head's time over the
	# province's, for the same report. "filters ms" is the check of the report's filters: the
	# record a Link filter names is read whole (a pledge with its six tables, about 75 rows in
	# 8 queries) because Frappe's permission check of a document takes the document; the report
	# then works from that same copy. "rest ×" is the ratio without it.
	print(
		f"{'report':<20}{'as':<12}{'median ms':>10}{'one SQL':>9}{'ratio':>7}{'queries':>9}"
		f"{'filters ms':>12}{'rest ×':>8}{'rules ×':>9}  under 1 s"
	)
	province_ms = {}
	for user, label in ((MANAGER, "province"), (HEAD, "bloc head")):
		frappe.set_user(user)
		for name, (report, filters) in reports.items():
			report(dict(filters))  # caches warmed (metadata, roles, the user's units)
			with counted_queries() as queries:
				report(dict(filters))
			report_ms = median_ms(lambda report=report, filters=filters: report(dict(filters)), repeat)
			specs = report.filter_specs
			filters_ms = median_ms(
				lambda specs=specs, filters=filters: clean_filters(dict(filters), specs), repeat
			)
			sql_ms = median_ms(sql[name], repeat)
			verdict = "yes" if report_ms < 1000 else "NO"
			rules = f"{report_ms / province_ms[name]:>9.1f}" if name in province_ms else f"{'':>9}"
			province_ms.setdefault(name, report_ms)
			print(
				f"{name:<20}{label:<12}{report_ms:>10.1f}{sql_ms:>9.1f}{report_ms / sql_ms:>7.1f}{len(queries):>9}"
				f"{filters_ms:>12.1f}{max(report_ms - filters_ms, 0) / sql_ms:>8.1f}{rules}  {verdict}"
			)
	print(
		"Where a ratio is above 2, what remains is a fixed cost, the same for a bloc of 12 or a province:\n"
		"- 'filters ms': the record a Link filter names is read whole (a pledge: about 75 rows in 8\n"
		"  queries), because Frappe's permission check of a document takes the document;\n"
		"- the rest: each Frappe list query builds the user's permission conditions (roles, shares,\n"
		"  the app's row rule, which reads the user's units) and the pure-Python database driver turns\n"
		"  each row into a dict; a report makes 1 to 3 such queries.\n"
		"The one-query floor does none of it, and the app does not bypass Frappe's permission layer."
	)
	frappe.set_user("Administrator")


def run_reranking(size: Size, repeat: int) -> None:
	"""Re-ranking a pledge after a verification: its queries and time for a bloc of 12 and of 40."""
	from thi_dua_app.thi_dua.ranking import rank_pledge

	frappe.set_user("Administrator")
	year = size.years[-1]
	counts = {}
	for code, units in (("01", size.units), ("XL", BIG_BLOC_UNITS)):
		pledge = f"GUTD-{year}-{size.prefix}{code}-01"
		rank_pledge(pledge, wait=True)  # caches warmed (metadata, the site's language)
		frappe.db.rollback()
		with counted_queries() as queries:
			rank_pledge(pledge, wait=True)
		frappe.db.rollback()
		counts[units] = len(queries)
		took = median_ms(
			lambda pledge=pledge: rank_pledge(pledge, wait=True), repeat, after=frappe.db.rollback
		)
		print(f"Re-ranking a pledge of {units} units: {len(queries)} queries, {took:.1f} ms")
	if len(set(counts.values())) != 1:
		frappe.throw(f"Re-ranking takes a number of queries that grows with the bloc: {counts}")


def run_saves(size: Size, repeat: int) -> None:
	"""A unit saves its evaluation with one score changed, as the desk sends it (the whole form,
	then Frappe's save), through the app; and the same through plain Frappe with the app's code
	and hooks off: the document's base class, no doc_events, permission hooks or row rules."""
	name = f"DGTD-{size.years[-1] + 1}-{size.prefix}0102-01"
	frappe.set_user(OFFICER)
	sent = frappe.get_doc("Emulation Evaluation", name).as_dict(convert_dates_to_str=True)
	row = next(row for row in sent["scores"] if row["criterion_type"] == "Base")
	row["self_score"] = max(flt(row["self_score"]) - 1, 0)

	def through_app():
		frappe.get_doc(copy.deepcopy(sent)).save()

	def plain():
		with app_hooks_off():
			Document(copy.deepcopy(sent)).save()

	measured = {}
	for label, save in (("the app", through_app), ("plain Frappe", plain)):
		save()  # caches warmed
		frappe.db.rollback()
		with counted_queries() as queries:
			save()
		frappe.db.rollback()
		measured[label] = (median_ms(save, repeat, after=frappe.db.rollback), len(queries))
	(app_ms, app_queries), (plain_ms, plain_queries) = measured["the app"], measured["plain Frappe"]
	print(
		f"Saving an evaluation ({len(sent['scores'])} score rows, {len(sent['target_results'])} targets): "
		f"the app {app_ms:.1f} ms, {app_queries} queries; plain Frappe {plain_ms:.1f} ms, "
		f"{plain_queries} queries; ratio {app_ms / plain_ms:.2f}"
	)
	frappe.set_user("Administrator")


# A full scan (or a full index scan) of a table this large is a missing index.
LARGE_TABLE_ROWS = 1000


def run_explain(size: Size) -> None:
	"""The plan of every query of the reports, the list views, counts, searches and child-row
	reads, as the province, a bloc head and a unit officer; fail on a full scan of a large table."""
	from thi_dua_app import framework_api
	from thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking import execute as bloc_ranking
	from thi_dua_app.thi_dua.report.pledge_fulfilment.pledge_fulfilment import execute as pledge_fulfilment
	from thi_dua_app.thi_dua.report.province_overview.province_overview import execute as province_overview
	from thi_dua_app.thi_dua.report.scoring_progress.scoring_progress import execute as scoring_progress
	from thi_dua_app.thi_dua.report.unit_history.unit_history import execute as unit_history

	year = size.years[-1]
	pledge, unit = f"GUTD-{year}-{size.prefix}01-01", f"{size.prefix} Unit 01-02"
	draft = f"DGTD-{year + 1}-{size.prefix}0102-01"
	paths = {
		"Bloc Ranking": lambda: bloc_ranking({"pledge": pledge}),
		"Pledge Fulfilment": lambda: pledge_fulfilment({"pledge": pledge}),
		"Scoring Progress": lambda: scoring_progress({"pledge": pledge}),
		"Unit History": lambda: unit_history({"member_unit": unit}),
		"Province Overview": lambda: province_overview({"year": year}),
		"evaluation list": lambda: frappe.get_list(
			"Emulation Evaluation",
			filters={"year": year},
			fields=["name", "member_unit", "workflow_state", "final_score"],
			order_by="modified desc",
			limit_page_length=20,
		),
		"evaluation count": lambda: framework_api.get_count("Emulation Evaluation", {"year": year}),
		"score rows of one": lambda: frappe.get_list(
			"Evaluation Score",
			parent_doctype="Emulation Evaluation",
			filters={"parent": draft},
			fields=["parent", "criterion_code", "self_score"],
		),
		"target rows of a pledge": lambda: frappe.get_list(
			"Evaluation Target Result",
			parent_doctype="Emulation Evaluation",
			filters={"parent": ("like", f"DGTD-{year}-%")},
			fields=["parent", "achieved_value"],
			limit_page_length=50,
		),
		"pledge list": lambda: frappe.get_list("Emulation Pledge", filters={"year": year}, fields=["name"]),
	}
	# A search box matches anywhere in a name (LIKE '%text%'): no index can serve that, so its scan
	# is printed, not failed.
	substring_searches = {
		"evaluation search": lambda: framework_api.search_link("Emulation Evaluation", f"DGTD-{year}"),
	}
	sizes = {
		table: rows
		for table, rows in frappe.db.sql(
			"select table_name, table_rows from information_schema.tables where table_schema = database()"
		)
	}
	real_sql = frappe.db.sql
	checked, scans, inherent = 0, [], []
	for user in (MANAGER, HEAD, OFFICER):
		frappe.set_user(user)
		for label, path in (*paths.items(), *substring_searches.items()):
			with counted_queries() as queries:
				path()
			for query, values in queries:
				if not query.lstrip().lower().startswith("select"):
					continue
				checked += 1
				# MariaDB's ANALYZE runs the query and tells the rows each step really read (r_rows):
				# an index read in order under a LIMIT stops early, a full scan does not.
				for step in real_sql(f"analyze {query}", values, as_dict=True):
					table = (step.table or "").strip("`")
					large, read = sizes.get(table) or 0, float(str(step.r_rows or 0).split()[0])
					if step.type in ("ALL", "index") and large >= LARGE_TABLE_ROWS and read >= large / 2:
						found = f"{label} as {user}: {step.type} scan of {table} ({read:.0f} of {large} rows)"
						(inherent if label in substring_searches else scans).append(found)
	frappe.set_user("Administrator")
	print(
		f"Query plans (ANALYZE) of {checked} queries ({len(paths) + len(substring_searches)} paths × 3 users): "
		f"{len(scans)} full scans of a table of {LARGE_TABLE_ROWS}+ rows; "
		f"{len(inherent)} by substring searches, which scan by nature"
	)
	if scans:
		frappe.throw("Full scans of large tables:\n" + "\n".join(dict.fromkeys(scans)))


@contextmanager
def app_hooks_off() -> Iterator[None]:
	"""Frappe as if the app were not installed, for a document's save: Frappe's own doc_events,
	permission hooks and row rules but none of the app's, and child rows of the base class."""
	from frappe.model import base_document

	real_get_hooks, real_get_controller = frappe.get_hooks, base_document.get_controller
	off = {"doc_events", "has_permission", "permission_query_conditions"}

	def get_hooks(hook=None, default="_KEEP_DEFAULT_LIST", app_name=None):
		# Frappe's own hooks of these kinds stay (workflow actions, versions …); the app's go.
		return real_get_hooks(hook, default, "frappe" if hook in off else app_name)

	def forget_doc_events():
		# Frappe keeps the doc_events it found for the request.
		if hasattr(frappe.local, "doc_events_hooks"):
			del frappe.local.doc_events_hooks

	forget_doc_events()
	frappe.get_hooks, base_document.get_controller = get_hooks, lambda doctype: Document
	try:
		yield
	finally:
		frappe.get_hooks, base_document.get_controller = real_get_hooks, real_get_controller
		forget_doc_events()


# ---------------------------------------------------------------- people and their titles

PEOPLE_PER_UNIT, PEOPLE_YEARS = 50, (2023, 2024, 2025)
RATINGS = ("HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV")


def build_people(size: Size) -> None:
	"""Units of 50 people (400 units, 20,000 people, in the full province), three years of records
	each, an initiative for one year in four, a CSTĐCS in the ledger for one in three — inserted in
	bulk, once."""
	prefix, unit_count = size.people_prefix, size.people_units
	if frappe.db.exists("Member Unit", f"{prefix} Unit {unit_count:03d}"):
		return
	random.seed(2025)
	now, user = now_datetime(), "Administrator"
	rows: dict[str, tuple[list[str], list[tuple]]] = {}

	def add(doctype: str, values: dict):
		values = {"owner": user, "modified_by": user, "creation": now, "modified": now, **values}
		fields, data = rows.setdefault(doctype, (list(values), []))
		data.append(tuple(values[field] for field in fields))

	for u in range(1, unit_count + 1):
		unit = f"{prefix} Unit {u:03d}"
		add(
			"Member Unit",
			{
				"name": unit,
				"unit_name": unit,
				"short_code": f"{prefix}{u:03d}",
				"unit_kind": "Department",
				"is_active": 1,
			},
		)
		for p in range(1, PEOPLE_PER_UNIT + 1):
			member, full_name = f"NS-{prefix}-{u:03d}-{p:02d}", f"Cán bộ {u:03d}-{p:02d}"
			add(
				"Staff Member",
				{
					"name": member,
					"full_name": full_name,
					"member_unit": unit,
					"is_active": 1,
					"recruited_on": "2010-01-01",
				},
			)
			for year in PEOPLE_YEARS:
				record = f"KQ-{prefix}-{year}-{u:03d}-{p:02d}"
				add(
					"Staff Year Record",
					{
						"name": record,
						"staff_member": member,
						"full_name": full_name,
						"member_unit": unit,
						"year": year,
						"rating": random.choice(RATINGS),
						"months_worked": random.choice((12, 12, 12, 9)),
						"conduct": "Good",
						"under_review": 0,
					},
				)
				if random.random() < 0.25:
					add(
						"Staff Initiative",
						{
							"name": frappe.generate_hash(length=12),
							"parent": record,
							"parenttype": "Staff Year Record",
							"parentfield": "initiatives",
							"idx": 1,
							"title": "Sáng kiến",
							"kind": "Initiative",
							"scope": random.choice(("Unit", "Unit", "Province")),
						},
					)
				if year < PEOPLE_YEARS[-1] and random.random() < 0.33:
					add(
						"Award Record",
						{
							"name": frappe.generate_hash(length=12),
							"recipient_kind": "Individual",
							"member_unit": unit,
							"staff_member": member,
							"staff_name": full_name,
							"award_form": "CSTDCS",
							"year": year,
							"award_type": "Regular",
							"counts_for_streaks": 1,
							"decision_number": f"{u}/QĐ",
							"decision_date": f"{year + 1}-01-10",
						},
					)
	for doctype, (fields, data) in rows.items():
		frappe.db.bulk_insert(doctype, fields, data, chunk_size=5000)
	frappe.db.commit()


def run_people(size: str = "full", repeat: int = 3) -> None:
	"""Every person's titles for a year, for the whole province (20,000 people in the full one), as
	the province manager: the median time and the number of queries, beside the floor — the same
	rows read by plain SQL — and the ratio."""
	from thi_dua_app.thi_dua import people

	province = SIZES[size]
	frappe.set_user("Administrator")
	build_people(province)
	if not frappe.db.exists("User", MANAGER):
		frappe.get_doc(
			{"doctype": "User", "email": MANAGER, "first_name": "bm.manager", "send_welcome_email": 0}
		).insert(ignore_permissions=True).add_roles(PROVINCE_MANAGER)
		frappe.db.commit()
	frappe.set_user(MANAGER)
	year = PEOPLE_YEARS[-1]
	people.person_verdicts(year)  # caches warmed (metadata, the regime, the user's roles)
	with counted_queries() as counted:
		results, _rules = people.person_verdicts(year)
	evaluated = sum(1 for result in results if result.member_unit.startswith(province.people_prefix))
	real_sql = frappe.db.sql

	def floor():
		real_sql(
			"select name, staff_member, member_unit, rating from `tabStaff Year Record` where year = %s", year
		)
		real_sql(
			"""select name, staff_member, year, rating, months_worked, conduct, under_review,
				discipline_form, discipline_from, discipline_to from `tabStaff Year Record` where year <= %s""",
			year,
		)
		real_sql("select parent, scope from `tabStaff Initiative` where parenttype = 'Staff Year Record'")
		real_sql(
			"select staff_member, year, award_form, counts_for_streaks, revoked from `tabAward Record` "
			"where staff_member is not null and year <= %s",
			year,
		)

	verdicts_ms = median_ms(lambda: people.person_verdicts(year), repeat)
	floor_ms = median_ms(floor, repeat)
	print(
		f"Title eligibility, {evaluated} people of {province.people_units} units ({len(results)} in all), year {year}: "
		f"{verdicts_ms:.0f} ms, {len(counted)} queries; the same rows by plain SQL {floor_ms:.0f} ms; "
		f"ratio {verdicts_ms / floor_ms:.1f}"
	)
	frappe.set_user("Administrator")
