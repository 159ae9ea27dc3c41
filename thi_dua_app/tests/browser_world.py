"""A committed world for the browser tests, made and removed through `bench execute`:

    bench --site SITE execute thi_dua_app.tests.browser_world.create
    bench --site SITE execute thi_dua_app.tests.browser_world.purge --args '["PREFIX"]'

Each unit has one user who is both its officer and its leader, as in the demo."""

import secrets
import time

import frappe
from frappe.utils.background_jobs import get_queue, get_queue_list

from thi_dua_app.constants import UNIT_LEADER, UNIT_OFFICER
from thi_dua_app.tests.factories import PASSWORD, World, make_user, make_world, purge_world


def create() -> dict:
	frappe.set_user("Administrator")
	prefix = f"TDWeb{secrets.token_hex(3)}"
	world = make_world(prefix)
	frappe.get_doc("Emulation Pledge", world.pledge).create_evaluations()
	users = {}
	for letter in "ABCD":
		email = f"{prefix.lower()}.unit.{letter.lower()}@thidua.test"
		users[letter] = make_user(email, [UNIT_OFFICER, UNIT_LEADER], [world.unit(letter)])
		frappe.db.set_value("User", email, "language", "vi")
	frappe.db.set_value("User", world.user("manager"), "language", "vi")
	evaluations = {
		letter: frappe.db.get_value(
			"Emulation Evaluation", {"pledge": world.pledge, "member_unit": world.unit(letter)}
		)
		for letter in "ABCD"
	}
	frappe.db.commit()
	return {
		"prefix": prefix,
		"password": PASSWORD,
		"pledge": world.pledge,
		"units": {letter: world.unit(letter) for letter in "ABCD"},
		"unit_users": users,
		"manager": world.user("manager"),
		"evaluations": evaluations,
	}


def purge(prefix: str) -> None:
	frappe.set_user("Administrator")
	world = World(prefix=prefix, bloc=f"{prefix} Bloc", template=f"{prefix} Template")
	world.units = [world.unit(letter) for letter in "ABCD"]
	world.outside_unit = world.unit("X")
	users = frappe.get_all(
		"User", filters={"name": ("like", f"{prefix.lower()}.%@thidua.test")}, pluck="name"
	)
	world.users = {email: email for email in users}
	purge_world(world)
	frappe.db.commit()


def markup(tag: str) -> str:
	"""What an attacker stores: text that looks like JSON passes Frappe's sanitiser on save."""
	return f'["<img src=x onerror=alert(1) class=td-{tag}>"]'


def plant_markup(prefix: str) -> dict:
	"""Unit C's evaluation verified, then markup written straight into every text and attach
	field a unit or a manager can type on the way to the province's screens and documents."""
	from thi_dua_app.constants import SUBMIT_SELF_ASSESSMENT, VERIFY
	from thi_dua_app.tests.factories import act, fill

	frappe.set_user("Administrator")
	bloc = f"{prefix} Bloc"
	pledge = frappe.db.get_value("Emulation Pledge", {"bloc": bloc, "docstatus": 1})
	unit = f"{prefix} Unit C"
	name = frappe.db.get_value("Emulation Evaluation", {"pledge": pledge, "member_unit": unit})
	fill(frappe.get_doc("Emulation Evaluation", name)).save()
	act(name, SUBMIT_SELF_ASSESSMENT)
	act(name, VERIFY)

	def plant(doctype: str, docname: str, values: dict):
		frappe.db.set_value(doctype, docname, values, update_modified=False)

	def first(doctype: str, parent: str) -> str:
		return frappe.get_all(doctype, filters={"parent": parent}, order_by="idx asc", pluck="name")[0]

	plant(
		"Member Unit",
		unit,
		{field: markup(field) for field in ("governing_body", "head_title", "head_name", "address")},
	)
	plant(
		"Emulation Bloc",
		bloc,
		{field: markup(field) for field in ("parent_body", "place_name", "description")},
	)
	plant(
		"Emulation Pledge", pledge, {field: markup(field) for field in ("signing_place", "chair", "guests")}
	)
	plant(
		"Pledge Target", first("Pledge Target", pledge), {"content": markup("target"), "uom": markup("uom")}
	)
	plant(
		"Pledge Signatory",
		first("Pledge Signatory", pledge),
		{"representative": markup("representative"), "title": markup("title")},
	)
	plant(
		"Emulation Evaluation",
		name,
		{field: markup(field) for field in ("classification", "tie_break_note", "return_reason")},
	)
	# Published: the report and the sheet show the evaluations' stored notes (before publication
	# they show the notes as the ranking writes them).
	frappe.db.set_value("Emulation Pledge", pledge, "results_published", 1, update_modified=False)
	plant(
		"Evaluation Score",
		first("Evaluation Score", name),
		{
			"note": markup("note"),
			"verifier_note": markup("verifier-note"),
			"evidence": "/private/files/<img src=x onerror=alert(1) class=td-evidence>",
		},
	)
	plant(
		"Evaluation Target Result",
		first("Evaluation Target Result", name),
		{"content": markup("achieved-target"), "uom": markup("achieved-uom")},
	)
	frappe.db.commit()
	return {"evaluation": name, "unit": unit}


def create_outcome() -> dict:
	"""A world whose four units are verified and whose bloc meeting is drafted by the head unit,
	for the meeting → proposal → decision flow in the desk."""
	from thi_dua_app.tests.factories import make_meeting, verify_everyone

	data = create()
	world = World(prefix=data["prefix"], bloc=f"{data['prefix']} Bloc", template=f"{data['prefix']} Template")
	world.units = [world.unit(letter) for letter in "ABCD"]
	world.pledge = data["pledge"]
	verify_everyone(world, {"A": 30, "B": 28, "C": 26, "D": 24})
	# Minutes carry the meeting's hours (an empty Time field is filled with "now" by the desk).
	data["meeting"] = make_meeting(world, start_time="08:00:00", end_time="11:00:00").name
	frappe.db.commit()
	return data


def appraise_and_vote(proposal: str) -> str:
	"""The province's steps between the proposal and the decision: received, every line agreed,
	appraised, and a council session that passes them all."""
	from thi_dua_app.tests.factories import act_on

	frappe.set_user("Administrator")
	act_on("Award Proposal", proposal, "Receive")
	doc = frappe.get_doc("Award Proposal", proposal)
	for line in doc.lines:
		line.appraisal_result = "Agreed"
	doc.save()
	act_on("Award Proposal", proposal, "Appraise")
	session = frappe.get_doc(
		{
			"doctype": "Council Session",
			"session_date": "2018-01-05",
			"legal_regime": doc.legal_regime,
			"members_total": 15,
			"members_present": 15,
		}
	).insert()
	session.get_appraised_lines()
	session.reload()
	for row in session.tallies:
		row.votes_for = 15
	session.save()
	session.submit()
	frappe.db.commit()
	return session.name


def create_review() -> dict:
	"""The browser world, and unit C's 2017 records for its own review: a division rated
	excellent and four of its people, three with a recognised initiative (CSTĐCS material, more
	than the 2013 law's 15 % quota allows) and one good without."""
	data = create()
	frappe.set_user("Administrator")
	unit = data["units"]["C"]
	division = frappe.get_doc(
		{"doctype": "Unit Division", "division_name": "Phòng Tổng hợp", "member_unit": unit}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Division Year Record",
			"division": division.name,
			"year": 2017,
			"rating": "HTXSNV",
			"active_in_movements": "Yes",
			"united": "Yes",
		}
	).insert()
	for full_name, initiative in (
		("Nguyễn Văn Một", True),
		("Trần Thị Hai", True),
		("Lê Văn Ba", True),
		("Phạm Thị Bốn", False),
	):
		member = frappe.get_doc(
			{
				"doctype": "Staff Member",
				"full_name": full_name,
				"member_unit": unit,
				"division": division.name,
				"recruited_on": "2010-01-01",
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "Staff Year Record",
				"staff_member": member.name,
				"year": 2017,
				"rating": "HTXSNV" if initiative else "HTTNV",
				"months_worked": 12,
				"conduct": "Good",
				"initiatives": [{"title": f"Sáng kiến của {full_name}", "scope": "Unit"}]
				if initiative
				else [],
			}
		).insert()
	frappe.db.commit()
	return {**data, "division": division.name}


def wait_for_background_jobs(timeout: int = 300) -> int:
	"""Wait until no job of this site is waiting in a queue (the worker run by run_tests.sh works
	them off: notifications, and what making and removing the worlds' users leaves); returns how
	many seconds that took. Raises when they are not done in ``timeout`` seconds."""
	site, started = frappe.local.site, time.monotonic()
	while True:
		waiting = sum(
			1 for queue in get_queue_list() for job in get_queue(queue).jobs if job.kwargs.get("site") == site
		)
		if not waiting:
			return round(time.monotonic() - started)
		if time.monotonic() - started > timeout:
			raise TimeoutError(f"{waiting} background jobs of {site} still wait after {timeout} s")
		time.sleep(1)
