"""The deadline, as the server sees it: the year's drafts for the load test's units, its users, and
the check afterwards that nothing acknowledged was lost. The load itself comes from
scripts/load_test.py, over HTTP, against gunicorn and the background workers (scripts/load_test.sh).

    bench --site SITE execute thi_dua_app.load_test.prepare --kwargs "{'officers': 48, 'path': PLAN}"
    bench --site SITE execute thi_dua_app.load_test.check --kwargs "{'plan': PLAN, 'results': RESULTS}"

It works in the benchmark's small province (thi_dua_app.benchmark): two years after its last is
the year under way, every unit's evaluation a draft; each bloc's head unit has a head (an officer
of the head unit) who verifies, and each other unit an officer who fills, saves and submits.
"""

from __future__ import annotations

import json
import math

import frappe

from thi_dua_app.benchmark import (
	SIZES,
	build_province,
	insert_pledges_and_evaluations,
	make_bloc,
	remove_pledges,
)
from thi_dua_app.constants import RANKED_STATES, SELF_ASSESSED, UNIT_LEADER, UNIT_OFFICER
from thi_dua_app.thi_dua.doctype.member_unit.member_unit import add_unit_user
from thi_dua_app.thi_dua.ranking import rank_pledge

SIZE = SIZES["small"]
PASSWORD = "Load-test-2026-thidua"


def load_user(kind: str, number: int) -> str:
	return f"load.{kind}.{number:02d}@thidua.test"


def prepare(officers: int, path: str) -> None:
	"""Drafts anew for as many blocs as ``officers`` need (a unit each, head units aside), their
	users, and the plan the driver follows, written to ``path``."""
	frappe.set_user("Administrator")
	build_province(SIZE)
	per_bloc = SIZE.units - 1
	blocs = [make_bloc(SIZE, f"{b:02d}", SIZE.units) for b in range(1, math.ceil(officers / per_bloc) + 1)]
	if len(blocs) > SIZE.blocs:
		frappe.throw(f"The small province has units for {SIZE.blocs * per_bloc} officers at most.")
	# Two years after the province's last: the benchmark keeps the year after for its own drafts.
	year = SIZE.years[-1] + 2
	remove_pledges([f"GUTD-{year}-{bloc.bloc_code}-01" for bloc, _units in blocs])
	template = frappe.get_doc("Scoring Template", f"{SIZE.prefix} Template")
	insert_pledges_and_evaluations(template, blocs, (year,), drafts=True)

	plan = {"password": PASSWORD, "officers": [], "heads": []}
	short_codes = dict(frappe.get_all("Member Unit", fields=["name", "short_code"], as_list=True))
	for number, (bloc, units) in enumerate(blocs, start=1):
		head = make_user(load_user("head", number), [UNIT_OFFICER, UNIT_LEADER], units[0])
		plan["heads"].append({"user": head, "pledge": f"GUTD-{year}-{bloc.bloc_code}-01"})
		for unit in units[1:]:
			if len(plan["officers"]) == officers:
				break
			user = make_user(
				load_user("officer", len(plan["officers"]) + 1), [UNIT_OFFICER, UNIT_LEADER], unit
			)
			plan["officers"].append({"user": user, "evaluation": f"DGTD-{year}-{short_codes[unit]}-01"})
	frappe.db.commit()
	with open(path, "w") as out:
		json.dump(plan, out, indent=1)
	print(f"Load plan: {len(plan['officers'])} officers in {len(blocs)} blocs, {len(plan['heads'])} heads")


def make_user(email: str, roles: list[str], unit: str) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"new_password": PASSWORD,
			}
		).insert(ignore_permissions=True).add_roles(*roles)
	add_unit_user(unit, email)
	return email


def check(plan: str, results: str) -> None:
	"""Every acknowledged write is in the database: each score an officer saved with a 200 (the
	last one of each row), each submission and each verification; and the stored ranks of each
	pledge are those a fresh ranking gives. Prints the counts; fails on any loss."""
	plan, results = json.load(open(plan)), json.load(open(results))
	lost = []
	for name, rows in results["scores"].items():
		stored = dict(
			frappe.get_all(
				"Evaluation Score",
				filters={"parent": name, "parenttype": "Emulation Evaluation"},
				fields=["name", "self_score"],
				as_list=True,
			)
		)
		lost += [
			f"{name} row {row}: saved {value}, stored {stored.get(row)}"
			for row, value in rows.items()
			if float(stored.get(row, -1)) != value
		]
	states = dict(
		frappe.get_all(
			"Emulation Evaluation",
			filters={"name": ("in", [officer["evaluation"] for officer in plan["officers"]] or [""])},
			fields=["name", "workflow_state"],
			as_list=True,
		)
	)
	lost += [
		f"{name}: submitted, but {states.get(name)}"
		for name in results["submitted"]
		if states.get(name) not in (SELF_ASSESSED, *RANKED_STATES)
	]
	lost += [
		f"{name}: verified, but {states.get(name)}"
		for name in results["verified"]
		if states.get(name) not in RANKED_STATES
	]
	stale = []

	def ranks(pledge: str) -> dict[str, int]:
		return dict(
			frappe.get_all(
				"Emulation Evaluation", filters={"pledge": pledge}, fields=["name", "bloc_rank"], as_list=True
			)
		)

	for head in plan["heads"]:
		before = ranks(head["pledge"])
		rank_pledge(head["pledge"], wait=True)
		after = ranks(head["pledge"])
		stale += [
			f"{name}: rank {before[name]}, should be {after[name]}"
			for name in after
			if before.get(name) != after[name]
		]
	frappe.db.rollback()
	rows = sum(len(rows) for rows in results["scores"].values())
	print(
		f"Read back: {rows} saved score rows, {len(results['submitted'])} submissions, "
		f"{len(results['verified'])} verifications; lost updates {len(lost)}; stale ranks {len(stale)}"
	)
	if lost or stale:
		frappe.throw("\n".join(lost + stale))
