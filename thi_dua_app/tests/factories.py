"""Factories for integration tests: a small bloc with its units, users, template and pledge.

A ``World`` is made with a prefix, so several test classes (and the demo) can live in one site
without clashing. The scoring table is the demo's 100-point table (thi_dua_app.demo).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import frappe
from frappe.model.workflow import apply_workflow

from thi_dua_app import demo
from thi_dua_app.constants import (
	PROVINCE_MANAGER,
	SUBMIT_SELF_ASSESSMENT,
	UNIT_LEADER,
	UNIT_OFFICER,
	VERIFY,
	VIEWER,
)
from thi_dua_app.thi_dua.doctype.member_unit.member_unit import add_unit_user

PASSWORD = "Thidua-Test-2017!"


@dataclass
class World:
	prefix: str
	units: list[str] = field(default_factory=list)
	users: dict[str, str] = field(default_factory=dict)
	bloc: str = ""
	template: str = ""
	pledge: str = ""
	outside_unit: str = ""

	def unit(self, letter: str) -> str:
		return f"{self.prefix} Unit {letter}"

	def user(self, key: str) -> str:
		return self.users[key]


def make_user(email: str, roles: list[str], units: list[str] = ()) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"new_password": PASSWORD,
			}
		).insert(ignore_permissions=True)
		if roles:
			user.add_roles(*roles)
	for unit in units:
		add_unit_user(unit, email)
	# Cached roles and permissions of a same-named user from an earlier, rolled-back run.
	frappe.clear_cache(user=email)
	return email


def make_world(
	prefix: str, letters: str = "ABCD", head: str = "A", deputy: str = "D", sign: bool = True
) -> World:
	"""Units A…, a bloc of all of them, the demo scoring table, a pledge for 2017 (signed), and
	for each unit an officer and a leader; a unit X outside the bloc with its officer and leader;
	a manager, a viewer and a user of no unit and no role."""
	world = World(prefix=prefix)
	slug = prefix.lower().replace(" ", "")
	# X is a unit outside the bloc, to show what a stranger to the bloc sees.
	for letter in f"{letters}X":
		name = world.unit(letter)
		if not frappe.db.exists("Member Unit", name):
			frappe.get_doc(
				{
					"doctype": "Member Unit",
					"unit_name": name,
					"short_code": f"{slug.upper()}{letter}",
					"unit_kind": "Department",
					"head_title": "Giám đốc",
					"head_name": f"Head of {letter}",
				}
			).insert()
		if letter == "X":
			world.outside_unit = name
		else:
			world.units.append(name)
		world.users[f"officer_{letter}"] = make_user(
			f"{slug}.officer.{letter.lower()}@thidua.test", [UNIT_OFFICER], [name]
		)
		world.users[f"leader_{letter}"] = make_user(
			f"{slug}.leader.{letter.lower()}@thidua.test", [UNIT_LEADER], [name]
		)
	world.users["manager"] = make_user(f"{slug}.manager@thidua.test", [PROVINCE_MANAGER])
	world.users["viewer"] = make_user(f"{slug}.viewer@thidua.test", [VIEWER])
	world.users["outsider"] = make_user(f"{slug}.outsider@thidua.test", [])

	world.bloc = f"{prefix} Bloc"
	if not frappe.db.exists("Emulation Bloc", world.bloc):
		frappe.get_doc(
			{
				"doctype": "Emulation Bloc",
				"bloc_name": world.bloc,
				"bloc_code": f"{slug.upper()}B",
				"members": [{"member_unit": unit, "from_date": "2017-01-01"} for unit in world.units],
			}
		).insert()
	world.template = f"{prefix} Template"
	if not frappe.db.exists("Scoring Template", world.template):
		frappe.get_doc(demo.template_doc(world.template)).insert()
	pledge = make_pledge(world, head=world.unit(head), deputy=world.unit(deputy))
	if sign:
		pledge.submit()
	world.pledge = pledge.name
	return world


def make_pledge(world: World, head: str, deputy: str, year: int = 2017, **values):
	return frappe.get_doc(
		{
			"doctype": "Emulation Pledge",
			"bloc": world.bloc,
			"year": year,
			"head_unit": head,
			"deputy_unit": deputy,
			"signing_date": f"{year}-03-07",
			"signing_place": "Bắc Ninh",
			"scoring_template": world.template,
			"targets": demo.targets_rows(),
			**values,
		}
	).insert()


def evaluation_of(world: World, letter: str):
	name = frappe.db.get_value(
		"Emulation Evaluation",
		{"pledge": world.pledge, "member_unit": world.unit(letter), "docstatus": ("<", 2)},
	)
	return frappe.get_doc("Emulation Evaluation", name)


def fill(evaluation, scores: dict | None = None, occurrences: dict | None = None, evidence: bool = True):
	"""Self-score every row: base criteria at their maximum unless ``scores`` says otherwise,
	bonus, deduction and disqualifying rows by ``occurrences``; evidence where it is required."""
	scores, occurrences = scores or {}, occurrences or {}
	for row in evaluation.scores:
		if row.criterion_type == "Base":
			row.self_score = scores.get(row.criterion_code, row.max_points)
		else:
			row.self_occurrences = occurrences.get(row.criterion_code, 0)
		if evidence and row.evidence_required and (row.self_score or row.self_occurrences):
			row.evidence = demo.attach_evidence(evaluation, row.criterion_code)
	return evaluation


def act(evaluation_name: str, action: str):
	"""Apply a workflow action as the current user, as the desk does."""
	doc = frappe.get_doc("Emulation Evaluation", evaluation_name)
	return apply_workflow(doc.as_dict(), action)


def purge_world(world: World) -> None:
	"""Delete everything a committed world made (REST tests cannot roll back a web server's view)."""
	pledges = frappe.get_all("Emulation Pledge", filters={"bloc": world.bloc}, pluck="name")
	evaluations = frappe.get_all(
		"Emulation Evaluation", filters={"pledge": ("in", pledges or [""])}, pluck="name"
	)
	for name in frappe.get_all(
		"File",
		filters={
			"attached_to_doctype": "Emulation Evaluation",
			"attached_to_name": ("in", evaluations or [""]),
		},
		pluck="name",
	):
		frappe.delete_doc("File", name, force=True, ignore_permissions=True)
	meetings = frappe.get_all(
		"Bloc Review Meeting", filters={"pledge": ("in", pledges or [""])}, pluck="name"
	)
	units = [*world.units, world.outside_unit]
	proposals = frappe.get_all("Award Proposal", filters={"meeting": ("in", meetings or [""])}, pluck="name")
	# A unit's own proposals, from its reviews.
	proposals += frappe.get_all("Award Proposal", filters={"proposing_unit": ("in", units)}, pluck="name")
	sessions = frappe.get_all(
		"Council Tally", filters={"award_proposal": ("in", proposals or [""])}, pluck="parent", distinct=True
	)
	decisions = frappe.get_all(
		"Decision Line", filters={"award_proposal": ("in", proposals or [""])}, pluck="parent", distinct=True
	)
	# A unit head's decision on its own review awards the unit's people.
	decisions = sorted(
		{
			*decisions,
			*frappe.get_all(
				"Decision Line", filters={"member_unit": ("in", units)}, pluck="parent", distinct=True
			),
		}
	)

	def of_units(doctype: str) -> list[str]:
		return frappe.get_all(doctype, filters={"member_unit": ("in", units)}, pluck="name")

	flags = frappe.get_all(
		"Government Flag Line",
		filters={"member_unit": ("in", units)},
		pluck="parent",
		distinct=True,
	)
	owned = {
		"Unit Internal Review": (of_units("Unit Internal Review"), ("Internal Review Line",)),
		"Emulation Registration": (of_units("Emulation Registration"), ("Registration Line",)),
		"Division Year Record": (of_units("Division Year Record"), ()),
		"Staff Year Record": (of_units("Staff Year Record"), ("Staff Initiative",)),
		"Staff Member": (of_units("Staff Member"), ("Staff Assignment",)),
		"Unit Division": (of_units("Unit Division"), ()),
		"Government Flag Proposal": (flags, ("Government Flag Line",)),
		"Award Record": (of_units("Award Record"), ("Notified User",)),
		"Award Decision": (decisions, ("Decision Line",)),
		"Council Session": (sessions, ("Council Tally",)),
		"Award Proposal": (proposals, ("Proposal Line", "Proposal Return", "Notified User")),
		"Bloc Review Meeting": (meetings, ("Meeting Attendance", "Meeting Ranking Line", "Ballot Tally")),
		"Emulation Evaluation": (
			evaluations,
			("Evaluation Score", "Evaluation Target Result", "Evaluation Return"),
		),
		"Emulation Pledge": (
			pledges,
			(
				"Pledge Target",
				"Pledge Signatory",
				"Scoring Group",
				"Scoring Criterion",
				"Scoring Band",
				"Tie Break Rule",
			),
		),
		"Scoring Template": (
			[world.template],
			("Scoring Group", "Scoring Criterion", "Scoring Band", "Tie Break Rule"),
		),
		"Emulation Bloc": ([world.bloc], ("Emulation Bloc Member",)),
		"Member Unit": ([*world.units, world.outside_unit], ()),
	}
	for doctype, (names, children) in owned.items():
		if not names:
			continue
		for child in children:
			frappe.db.delete(child, {"parenttype": doctype, "parent": ("in", names)})
		frappe.db.delete("Version", {"ref_doctype": doctype, "docname": ("in", names)})
		frappe.db.delete(doctype, {"name": ("in", names)})
	users = list(world.users.values())
	frappe.db.delete("User Permission", {"user": ("in", users)})
	for user in users:
		frappe.delete_doc("User", user, force=True, ignore_permissions=True, ignore_missing=True)
		frappe.clear_cache(user=user)


def stage_evaluations(world: World) -> None:
	"""Evaluations in every early state: A and C drafts, B self-assessed, D verified."""
	frappe.get_doc("Emulation Pledge", world.pledge).create_evaluations()
	for letter in "BD":
		evaluation = fill(evaluation_of(world, letter))
		evaluation.save()
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
	act(evaluation_of(world, "D").name, VERIFY)


def verify_everyone(world: World, first_points: dict[str, float]) -> None:
	"""Every unit self-assessed and verified, unit by unit: criterion I.1 (at most 30) gets the
	points given for its letter, the rest their maximum, so the ranking follows ``first_points``."""
	frappe.get_doc("Emulation Pledge", world.pledge).create_evaluations()
	for letter, points in first_points.items():
		evaluation = fill(evaluation_of(world, letter), scores={"I.1": points})
		evaluation.save()
		act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
		act(evaluation.name, VERIFY)


def make_meeting(world: World, **values):
	return frappe.get_doc(
		{
			"doctype": "Bloc Review Meeting",
			"pledge": world.pledge,
			"meeting_date": "2017-12-08",
			"venue": "Hội trường Sở Tài nguyên và Môi trường",
			"chair_name": "Head of A",
			"chair_title": "Giám đốc",
			"secretary_name": "Secretary of A",
			**values,
		}
	).insert()


def count_ballot(meeting, votes: dict[tuple[str, str], tuple[int, int]], issued: int, invalid: int = 0):
	"""Record a ballot: every present unit got a ballot and returned it; ``votes`` by (unit, form)."""
	meeting.ballots_issued = issued
	meeting.ballots_returned = issued
	meeting.ballots_valid = issued - invalid
	meeting.ballots_invalid = invalid
	for row in meeting.candidates:
		row.votes_for, row.votes_against = votes.get((row.member_unit, row.award_form), (0, 0))
	return meeting


def hold_meeting(world: World, votes: dict[str, tuple[int, int]]):
	"""The head's officer holds and submits the bloc meeting; ``votes`` by letter, in the order
	of the pre-filled candidates (A for the Cờ, B and C for the Bằng khen)."""
	meeting = make_meeting(world)
	count_ballot(
		meeting,
		{(row.member_unit, row.award_form): votes[row.member_unit[-1]] for row in meeting.candidates},
		issued=meeting.members_present,
	)
	meeting.save()
	meeting.submit()
	return meeting


def make_proposal(world: World, meeting: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Award Proposal",
			"meeting": meeting,
			"proposal_number": "03/TTr-KTĐ",
			"proposal_date": "2017-12-12",
			"signer_title": "TRƯỞNG KHỐI",
			"signer_name": "Head of A",
			**values,
		}
	).insert()


def act_on(doctype: str, name: str, action: str):
	"""Apply a workflow action to any document as the current user, as the desk does."""
	return apply_workflow(frappe.get_doc(doctype, name).as_dict(), action)


def make_staff(unit: str, full_name: str, division: str | None = None, **values) -> str:
	"""A staff member of ``unit`` (in ``division`` when given), recruited long ago."""
	doc = {
		"doctype": "Staff Member",
		"full_name": full_name,
		"member_unit": unit,
		"recruited_on": "2010-01-01",
	}
	return frappe.get_doc({**doc, "division": division, **values}).insert().name


def make_staff_year(member: str, year: int = 2017, rating: str = "HTXSNV", **values) -> str:
	"""A person's record of ``year``: a full year worked, good conduct, the given rating."""
	doc = {"doctype": "Staff Year Record", "staff_member": member, "year": year, "rating": rating}
	return frappe.get_doc({**doc, "months_worked": 12, "conduct": "Good", **values}).insert().name


def make_division(unit: str, name: str) -> str:
	return (
		frappe.get_doc({"doctype": "Unit Division", "division_name": name, "member_unit": unit}).insert().name
	)


def make_division_year(division: str, year: int = 2017, **values) -> str:
	"""A division's record of ``year``: excellent, active in the movements, united."""
	doc = {"doctype": "Division Year Record", "division": division, "year": year, "rating": "HTXSNV"}
	return frappe.get_doc({**doc, "active_in_movements": "Yes", "united": "Yes", **values}).insert().name


def plant_person(world: World, letter: str, text: str) -> dict[str, str]:
	"""A division of the unit with its 2017 record, a person of it with theirs, and the unit's draft
	registration and review for 2017 naming both, with ``text`` in every field typed (the unit's officer enters
	them, as the desk does): the names by DocType."""
	frappe.set_user(world.user(f"officer_{letter}"))
	division = frappe.get_doc(
		{"doctype": "Unit Division", "division_name": f"{text} Phòng", "member_unit": world.unit(letter)}
	).insert()
	division_year = frappe.get_doc(
		{
			"doctype": "Division Year Record",
			"division": division.name,
			"year": 2017,
			"rating": "HTXSNV",
			"active_in_movements": "Yes",
			"united": "Yes",
			"notes": f"{text} division notes",
		}
	).insert()
	staff = frappe.get_doc(
		{
			"doctype": "Staff Member",
			"full_name": f"{text} Nguyễn Văn Canary",
			"gender": "Male",
			"date_of_birth": "1980-02-03",
			"member_unit": world.unit(letter),
			"division": division.name,
			"position": f"{text} position",
			"leadership_level": "Head of division",
			"employment_type": "Civil servant",
			"recruited_on": "2005-09-01",
		}
	).insert()
	record = frappe.get_doc(
		{
			"doctype": "Staff Year Record",
			"staff_member": staff.name,
			"year": 2017,
			"rating": "HTXSNV",
			"months_worked": 12,
			"conduct": "Good",
			"discipline_form": "Reprimand",
			"discipline_decision": f"{text}/QĐ",
			"discipline_from": "2017-02-01",
			"discipline_to": "2017-08-01",
			"notes": f"{text} notes",
			"initiatives": [
				{
					"title": f"{text} initiative",
					"scope": "Province",
					"recognition_decision": f"{text}/QĐ-UBND",
					"recognised_on": "2017-11-30",
				}
			],
		}
	).insert()
	# The unit's draft registration for the year, naming the person and the division.
	registration = frappe.get_doc(
		{
			"doctype": "Emulation Registration",
			"member_unit": world.unit(letter),
			"year": 2017,
			"registration_date": "2017-02-15",
			"signed_by": f"{text} signer",
			"signer_title": f"{text} Giám đốc",
			"commitments": f"{text} commitments",
			"lines": [
				{
					"subject_kind": "Person",
					"award_form": "CSTDCS",
					"staff_member": staff.name,
					"note": f"{text} person line",
				},
				{"subject_kind": "Division", "award_form": "TTLDXS", "division": division.name},
				{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": 5},
				{"subject_kind": "Unit", "award_form": "TTLDXS", "note": f"{text} unit line"},
			],
		}
	).insert()
	# The unit's draft review of the year, proposing the person and the division.
	review = frappe.get_doc(
		{
			"doctype": "Unit Internal Review",
			"member_unit": world.unit(letter),
			"year": 2017,
			"council_date": "2017-12-20",
			"council_members": 7,
			"decision_number": f"{text}/QĐ",
			"signer_title": f"{text} Giám đốc",
			"signer_name": f"{text} signer",
			"fund_source": f"{text} fund",
			"lines": [
				{
					"recipient_kind": "Individual",
					"staff_member": staff.name,
					"award_form": "LDTT",
					"votes_for": 7,
					"achievement": f"{text} achievement",
				},
				{"recipient_kind": "Collective", "division": division.name, "award_form": "TTLDTT"},
			],
		}
	).insert()
	frappe.set_user("Administrator")
	return {
		"Unit Internal Review": review.name,
		"Staff Member": staff.name,
		"Staff Year Record": record.name,
		"Unit Division": division.name,
		"Division Year Record": division_year.name,
		"Emulation Registration": registration.name,
	}


def plant_unit_proposal(world: World, letter: str, division: str, text: str) -> str:
	"""The unit's proposal to the province from its signed review of 2018: a person of ``division``
	(LĐTT) and the division (TTLĐTT) decided by the unit head, the division's TTLĐXS proposed to
	the province; the unit's officer then types ``text`` into every field of the proposal it
	writes and sends it, and the province returns it once. Its name."""
	frappe.set_user(world.user(f"officer_{letter}"))
	make_division_year(division, 2018)
	member = make_staff(world.unit(letter), f"{text} Trần Thị Proposal", division)
	make_staff_year(member, 2018, initiatives=[{"title": f"{text} initiative 2018", "scope": "Unit"}])
	review = frappe.get_doc(
		{
			"doctype": "Unit Internal Review",
			"member_unit": world.unit(letter),
			"year": 2018,
			"council_date": "2018-12-20",
			"council_members": 7,
			"decision_number": f"{text}/QĐ-2018",
			"decision_date": "2018-12-22",
			"signer_title": "Giám đốc",
			"signer_name": f"{text} signer",
			"lines": [
				{
					"recipient_kind": "Individual",
					"staff_member": member,
					"award_form": "LDTT",
					"votes_for": 7,
				},
				{
					"recipient_kind": "Collective",
					"division": division,
					"award_form": "TTLDTT",
					"votes_for": 7,
				},
				{
					"recipient_kind": "Collective",
					"division": division,
					"award_form": "TTLDXS",
					"votes_for": 7,
				},
			],
		}
	).insert()
	frappe.set_user(world.user(f"leader_{letter}"))
	frappe.get_doc("Unit Internal Review", review.name).submit()
	frappe.set_user(world.user(f"officer_{letter}"))
	proposal = frappe.get_doc(
		"Award Proposal", frappe.db.get_value("Unit Internal Review", review.name, "award_proposal")
	)
	proposal.update(
		{
			"proposal_number": f"{text}/TTr",
			"signer_name": f"{text} signer",
			"legal_basis": f"{text} legal basis",
		}
	)
	proposal.lines[0].achievement_summary = f"{text} achievement"
	proposal.save()
	act_on("Award Proposal", proposal.name, "Send to province")
	# Returned once by the province (its reason, told to the unit's users, carries no marker).
	frappe.set_user("Administrator")
	returned = frappe.get_doc("Award Proposal", proposal.name)
	returned.return_reason = "Thiếu báo cáo thành tích của tập thể"
	returned.save()
	act_on("Award Proposal", proposal.name, "Return to bloc")
	return proposal.name


def outcome_chain(world: World, year: int, text: str = "") -> dict[str, str]:
	"""Another year of the world's bloc carried to a draft decision, as Administrator: a signed
	pledge, D verified (the only ranked unit), the meeting submitted with D selected for the Cờ,
	the proposal sent, appraised and voted by a council session, a decision drafted on it, and a
	draft proposal of the Government's flag for D (given the province's flag by a historic record).
	``text`` goes into every field a user types on the proposal, the session, the decision and the
	Government flag proposal."""
	pledge = make_pledge(world, head=world.unit("A"), deputy=world.unit("D"), year=year)
	pledge.submit()
	pledge.create_evaluations()
	name = frappe.db.get_value(
		"Emulation Evaluation", {"pledge": pledge.name, "member_unit": world.unit("D")}
	)
	evaluation = fill(frappe.get_doc("Emulation Evaluation", name))
	evaluation.save()
	act(evaluation.name, SUBMIT_SELF_ASSESSMENT)
	act(evaluation.name, VERIFY)
	meeting = make_meeting(world, pledge=pledge.name, meeting_date=f"{year}-12-08")
	count_ballot(
		meeting, {(world.unit("D"), "CO_TINH"): (len(world.units), 0)}, issued=meeting.members_present
	)
	meeting.save()
	meeting.submit()
	proposal = make_proposal(world, meeting.name, proposal_date=f"{year}-12-12", signer_name=f"{text} signer")
	proposal.lines[0].achievement_summary = f"{text} achievement"
	proposal.legal_basis = f"{text} legal basis"
	proposal.save()
	act_on("Award Proposal", proposal.name, "Send to province")
	returned = frappe.get_doc("Award Proposal", proposal.name)
	# The reason is told to the head and deputy units' users (a notification they may read), so it
	# carries no marker: every field only the province and the bloc head read does.
	returned.return_reason = "Thiếu báo cáo thành tích"
	returned.save()
	act_on("Award Proposal", proposal.name, "Return to bloc")
	act_on("Award Proposal", proposal.name, "Send to province")
	act_on("Award Proposal", proposal.name, "Receive")
	proposal = frappe.get_doc("Award Proposal", proposal.name)
	proposal.lines[0].appraisal_result = "Agreed"
	proposal.appraisal_note = f"{text} appraisal"
	proposal.save()
	act_on("Award Proposal", proposal.name, "Appraise")
	session = frappe.get_doc(
		{
			"doctype": "Council Session",
			"session_date": f"{year + 1}-01-05",
			"minutes_number": f"{text} session",
			"chair_name": f"{text} chair",
			"legal_regime": frappe.db.get_value("Award Proposal", proposal.name, "legal_regime"),
			"members_total": 20,
			"members_present": 20,
		}
	).insert()
	session.get_appraised_lines()
	session.reload()
	session.tallies[0].votes_for = 20
	session.save()
	session.submit()
	decision = frappe.get_doc(
		{
			"doctype": "Award Decision",
			"decision_number": f"{text}/QĐ-UBND",
			"decision_date": f"{year + 1}-01-15",
			"year": year,
			"signer_name": f"{text} signer",
			"legal_basis": f"{text} legal basis",
			"lines": [],
		}
	)
	decision.insert()
	decision.get_passed_lines()
	# D holds the province's flag for the year (a historic record) and the province drafts its
	# proposal of the Government's flag.
	frappe.get_doc(
		{
			"doctype": "Award Record",
			"recipient_kind": "Collective",
			"member_unit": world.unit("D"),
			"award_form": "CO_TINH",
			"year": year,
			"decision_number": "01/QĐ-UBND",
			"decision_date": f"{year + 1}-01-10",
			"issued_by": "Chủ tịch UBND tỉnh",
		}
	).insert()
	flag = frappe.get_doc(
		{
			"doctype": "Government Flag Proposal",
			"year": year,
			"proposal_number": f"{text} flag number",
			"proposal_date": f"{year + 1}-03-20",
			"signer_name": f"{text} signer",
			"legal_basis": f"{text} legal basis",
			"council_date": f"{year + 1}-03-10",
			"council_minutes_number": f"{text} council minutes",
			"members_total": 20,
			"members_present": 20,
			"quota_override_reason": f"{text} reason",
			"lines": [
				{"member_unit": world.unit("D"), "votes_for": 20, "achievement_summary": f"{text} flag"}
			],
		}
	).insert()
	return {
		"pledge": pledge.name,
		"meeting": meeting.name,
		"proposal": proposal.name,
		"session": session.name,
		"decision": decision.name,
		"government_flag": flag.name,
	}
