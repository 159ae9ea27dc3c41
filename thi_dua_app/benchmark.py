"""Report speed for a whole province: 40 blocs × 12 units × 10 years, a 40-criterion table.

    bench --site SITE execute thi_dua_app.benchmark.run            (or scripts/benchmark_reports.sh)

The first run generates the province (units, blocs and template through the ORM; pledges and
evaluations — with totals and ranks from thi_dua_app.scoring — in bulk inserts) and keeps it.
Each report then runs several times as the province manager and as a bloc head, and its median
time is printed beside the median of the same aggregate done as one SQL query, with the ratio.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import frappe
from frappe.utils import flt, now_datetime

from thi_dua_app.constants import PROVINCE_MANAGER, UNIT_OFFICER
from thi_dua_app.scoring import Band as ScoreBand
from thi_dua_app.scoring import Criterion, Entry, Standing, TieBreak, classify, compute_totals, rank
from thi_dua_app.thi_dua.doctype.member_unit.member_unit import add_unit_user
from thi_dua_app.thi_dua.scoring_table import CRITERION_FIELDS

PREFIX = "BM"
BLOCS, UNITS_PER_BLOC, YEARS = 40, 12, list(range(2016, 2026))
GROUPS = [("I", 40), ("II", 30), ("III", 30), ("IV", 25)]  # 8 base criteria each: 320+240+240+200 = 1000
BANDS = [("Xuất sắc", 900, 1100), ("Tốt", 700, 900), ("Hoàn thành", 500, 700), ("Chưa hoàn thành", 0, 500)]
MANAGER = "bm.manager@thidua.test"
HEAD = "bm.head@thidua.test"


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


def build_province() -> None:
	"""Make whatever part of the province is missing (an interrupted run resumes)."""
	if frappe.db.exists("Emulation Pledge", f"GUTD-{YEARS[-1]}-{PREFIX}{BLOCS:02d}-01"):
		return
	random.seed(2017)
	started = time.perf_counter()
	name = f"{PREFIX} Template"
	if not frappe.db.exists("Scoring Template", name):
		frappe.get_doc(
			{
				"doctype": "Scoring Template",
				"template_name": f"{PREFIX} Template",
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
	for user, role in ((MANAGER, PROVINCE_MANAGER), (HEAD, UNIT_OFFICER)):
		if not frappe.db.exists("User", user):
			frappe.get_doc(
				{"doctype": "User", "email": user, "first_name": user.split("@")[0], "send_welcome_email": 0}
			).insert(ignore_permissions=True).add_roles(role)
	blocs = []
	for b in range(1, BLOCS + 1):
		units = []
		for u in range(1, UNITS_PER_BLOC + 1):
			unit = f"{PREFIX} Unit {b:02d}-{u:02d}"
			if not frappe.db.exists("Member Unit", unit):
				frappe.get_doc(
					{
						"doctype": "Member Unit",
						"unit_name": unit,
						"short_code": f"{PREFIX}{b:02d}{u:02d}",
						"unit_kind": "Department",
					}
				).insert()
			units.append(unit)
		bloc_name = f"{PREFIX} Bloc {b:02d}"
		if frappe.db.exists("Emulation Bloc", bloc_name):
			bloc = frappe.get_doc("Emulation Bloc", bloc_name)
		else:
			bloc = frappe.get_doc(
				{
					"doctype": "Emulation Bloc",
					"bloc_name": bloc_name,
					"bloc_code": f"{PREFIX}{b:02d}",
					"members": [{"member_unit": unit, "from_date": f"{YEARS[0]}-01-01"} for unit in units],
				}
			).insert()
		blocs.append((bloc, units))
	if not frappe.db.exists("User Permission", {"user": HEAD}):
		add_unit_user(blocs[0][1][0], HEAD)  # the head of bloc 01 in every year
	frappe.db.commit()
	insert_pledges_and_evaluations(template, blocs)
	frappe.db.commit()
	print(f"Generated the province in {time.perf_counter() - started:.0f} s")


def insert_pledges_and_evaluations(template, blocs) -> None:
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
			filters={"name": ("like", f"{PREFIX} Unit %")},
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
				"docstatus": 1,
				**values,
			},
		)

	for bloc, units in blocs:
		for year in YEARS:
			pledge = f"GUTD-{year}-{bloc.bloc_code}-01"
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
					"results_published": 1,
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
				add(
					"Emulation Evaluation",
					{
						"name": name,
						"docstatus": 1,
						"idx": 0,
						"pledge": pledge,
						"member_unit": unit,
						"workflow_state": "Approved",
						"bloc": bloc.name,
						"year": year,
						"head_unit": units[0],
						"deputy_unit": units[1],
						"self_total": standing.final,
						"self_base": standing.base,
						"self_bonus": standing.bonus,
						"self_deduction": standing.deduction,
						"verified_base": standing.base,
						"verified_bonus": standing.bonus,
						"verified_deduction": standing.deduction,
						"final_score": standing.final,
						"classification": classify(standing.final, score_bands),
						"bloc_rank": placements[name].rank,
						"disqualified": int(standing.disqualified),
						"self_assessed_on": f"{year}-11-10",
						"verified_on": f"{year}-11-25",
					},
				)
				for idx, criterion in enumerate(criteria, start=1):
					entry = entries[name][criterion.code]
					child(
						"Evaluation Score",
						"Emulation Evaluation",
						name,
						"scores",
						idx,
						{
							"criterion_code": criterion.code,
							"group_code": criterion.group,
							"criterion_type": criterion.kind,
							"max_points": criterion.max_points,
							"points_per_occurrence": criterion.points_per_occurrence,
							"self_score": entry.score,
							"verified_score": entry.score,
							"self_occurrences": entry.occurrences,
							"verified_occurrences": entry.occurrences,
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


def median_ms(call: Callable, repeat: int) -> float:
	timings = []
	for _ in range(repeat):
		started = time.perf_counter()
		call()
		timings.append((time.perf_counter() - started) * 1000)
	return statistics.median(timings)


def run(repeat: int = 7) -> None:
	from thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking import execute as bloc_ranking
	from thi_dua_app.thi_dua.report.pledge_fulfilment.pledge_fulfilment import execute as pledge_fulfilment
	from thi_dua_app.thi_dua.report.province_overview.province_overview import execute as province_overview
	from thi_dua_app.thi_dua.report.scoring_progress.scoring_progress import execute as scoring_progress
	from thi_dua_app.thi_dua.report.unit_history.unit_history import execute as unit_history

	frappe.set_user("Administrator")
	build_province()
	year, pledge, unit = YEARS[-1], f"GUTD-{YEARS[-1]}-{PREFIX}01-01", f"{PREFIX} Unit 01-01"
	evaluation_count = frappe.db.count("Emulation Evaluation", {"bloc": ("like", f"{PREFIX} Bloc %")})
	score_rows = frappe.db.count("Evaluation Score", {"parent": ("like", f"DGTD-%-{PREFIX}%")})
	print(
		f"Province: {BLOCS} blocs × {UNITS_PER_BLOC} units × {len(YEARS)} years = {evaluation_count} evaluations, {score_rows} score rows"
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
		"Bloc Ranking": lambda: bloc_ranking({"pledge": pledge}),
		"Pledge Fulfilment": lambda: pledge_fulfilment({"pledge": pledge}),
		"Scoring Progress": lambda: scoring_progress({"pledge": pledge}),
		"Unit History": lambda: unit_history({"member_unit": unit}),
		"Province Overview": lambda: province_overview({"year": year}),
	}
	# The province reads every row, so its queries carry none of the app's row rules; the bloc
	# head's carry them all. "rules ×" is what the row rules cost: the head's time over the
	# province's, for the same report.
	print(f"{'report':<20}{'as':<12}{'median ms':>11}{'one SQL ms':>12}{'ratio':>8}{'rules ×':>9}  under 1 s")
	province_ms = {}
	for user, label in ((MANAGER, "province"), (HEAD, "bloc head")):
		frappe.set_user(user)
		for name, report in reports.items():
			report_ms = median_ms(report, repeat)
			sql_ms = median_ms(sql[name], repeat)
			verdict = "yes" if report_ms < 1000 else "NO"
			rules = f"{report_ms / province_ms[name]:>9.1f}" if name in province_ms else f"{'':>9}"
			province_ms.setdefault(name, report_ms)
			print(
				f"{name:<20}{label:<12}{report_ms:>11.1f}{sql_ms:>12.1f}{report_ms / sql_ms:>8.1f}{rules}  {verdict}"
			)
	frappe.set_user("Administrator")


# ---------------------------------------------------------------- people and their titles

PEOPLE_PREFIX = "BMP"
PEOPLE_UNITS, PEOPLE_PER_UNIT, PEOPLE_YEARS = 400, 50, (2023, 2024, 2025)
RATINGS = ("HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV")


def build_people() -> None:
	"""400 units of 50 people (20,000), three years of records each, an initiative for one year in
	four, a CSTĐCS in the ledger for one in three — inserted in bulk, once."""
	if frappe.db.exists("Member Unit", f"{PEOPLE_PREFIX} Unit {PEOPLE_UNITS:03d}"):
		return
	random.seed(2025)
	now, user = now_datetime(), "Administrator"
	rows: dict[str, tuple[list[str], list[tuple]]] = {}

	def add(doctype: str, values: dict):
		values = {"owner": user, "modified_by": user, "creation": now, "modified": now, **values}
		fields, data = rows.setdefault(doctype, (list(values), []))
		data.append(tuple(values[field] for field in fields))

	for u in range(1, PEOPLE_UNITS + 1):
		unit = f"{PEOPLE_PREFIX} Unit {u:03d}"
		add(
			"Member Unit",
			{
				"name": unit,
				"unit_name": unit,
				"short_code": f"{PEOPLE_PREFIX}{u:03d}",
				"unit_kind": "Department",
				"is_active": 1,
			},
		)
		for p in range(1, PEOPLE_PER_UNIT + 1):
			member, full_name = f"NS-{PEOPLE_PREFIX}-{u:03d}-{p:02d}", f"Cán bộ {u:03d}-{p:02d}"
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
				record = f"KQ-{PEOPLE_PREFIX}-{year}-{u:03d}-{p:02d}"
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


def run_people(repeat: int = 3) -> None:
	"""Every person's titles for a year, for the whole province (20,000 people), as the province
	manager: the median time and the number of queries, beside the floor — the same rows read by
	plain SQL — and the ratio."""
	from thi_dua_app.thi_dua import people

	frappe.set_user("Administrator")
	build_people()
	if not frappe.db.exists("User", MANAGER):
		frappe.get_doc(
			{"doctype": "User", "email": MANAGER, "first_name": "bm.manager", "send_welcome_email": 0}
		).insert(ignore_permissions=True).add_roles(PROVINCE_MANAGER)
		frappe.db.commit()
	frappe.set_user(MANAGER)
	year = PEOPLE_YEARS[-1]
	people.person_verdicts(year)  # caches warmed (metadata, the regime, the user's roles)
	counted = []
	real_sql = frappe.db.sql

	def counting(*args, **kwargs):
		counted.append(1)
		return real_sql(*args, **kwargs)

	frappe.db.sql = counting
	try:
		results, _rules = people.person_verdicts(year)
	finally:
		frappe.db.sql = real_sql
	evaluated = sum(1 for result in results if result.member_unit.startswith(PEOPLE_PREFIX))

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
		f"Title eligibility, {evaluated} people of {PEOPLE_UNITS} units ({len(results)} in all), year {year}: "
		f"{verdicts_ms:.0f} ms, {len(counted)} queries; the same rows by plain SQL {floor_ms:.0f} ms; "
		f"ratio {verdicts_ms / floor_ms:.1f}"
	)
	frappe.set_user("Administrator")
