"""Trust: a unit's draft never leaks, and nothing the rules forbid is written, on any path the
framework exposes — as real users logged in to a running web server of the test site.

The canary sweep plants a unique marker in every text field, child row, evidence file, comment,
version, to-do, tag, return reason and framework log of unit C's evaluation (returned to it, so
back in its own hands), then, as every kind of user who may not read it, calls every whitelisted method of Frappe and the app (enumerated at run time from
``frappe.whitelisted``, with arguments generated for each of the app's DocTypes and the
framework rows pointing at them) and the REST routes of /api/resource and /api/v2. The marker
must never come back, and the planted rows must be byte-for-byte unchanged afterwards.

The sweep aims at the evaluation, one row of each of its child DocTypes (``CHILD_PARENTS``) and
one row of each framework DocType that points at documents (``REFERENCES``): a new DocType
listed there joins the sweep once ``plant`` gives it a row. It aims as well at the draft minutes
of the bloc meeting (``plant_meeting``), full of the marker, which only the head and deputy units
read: the head's leader is entitled to them, the other attackers are not.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import os
import pkgutil
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

import frappe
import requests

from thi_dua_app.constants import CHILD_PARENTS, REFERENCES, RETURN_TO_UNIT, SUBMIT_SELF_ASSESSMENT
from thi_dua_app.tests.factories import (
	act,
	evaluation_of,
	fill,
	outcome_chain,
	plant_person,
	plant_unit_proposal,
	stage_evaluations,
)
from thi_dua_app.tests.utils import RestSession, RestTestCase

EVALUATION = "Emulation Evaluation"
MEETING = "Bloc Review Meeting"

# Users who may not read unit C's draft: a peer member, the head's leader (drafts stay with
# their unit), a unit outside the bloc, and a desk user of no unit and no role.
ATTACKERS = ("officer_B", "leader_A", "officer_X", "outsider")
# Attackers who may read a target by right: the head unit prepares the bloc meeting's minutes.
ENTITLED = {MEETING: {"leader_A"}, "Award Proposal": {"leader_A"}}

# Arguments named like these take the target's DocType, or its name.
DOCTYPE_ARGS = {
	"doctype",
	"dt",
	"doc_type",
	"reference_doctype",
	"ref_doctype",
	"document_type",
	"reference_type",
	"share_doctype",
	"attached_to_doctype",
	"link_doctype",
	"parent_doctype",
	"parenttype",
	"from_doctype",
	"source_doctype",
}
NAME_ARGS = {
	"name",
	"docname",
	"dn",
	"doc_name",
	"reference_name",
	"ref_docname",
	"document_name",
	"share_name",
	"attached_to_name",
	"source_name",
	"library_file_name",
	"fid",
	"record",
	"value",
	"id",
}
NAME_LIST_ARGS = {"names", "docnames", "docs", "items", "name_list"}
# Methods that end the caller's session or reach outside this machine: the sweep would stop
# testing anything after them, or wait on the network.
SKIPPED = (
	"logout",
	"frappe.utils.change_log",
	"frappe.integrations",
	"frappe.website.doctype.web_form",
	# Frappe's email-open beacon: a tracking pixel that anyone, logged in or not, may load for a
	# sent email; it only notes that the email was read. Open by design, not a path to the data.
	"frappe.core.doctype.communication.email.mark_email_as_seen",
)
LIMIT_SECONDS = 1500
# Rows the framework only writes on events the test site does not have (energy points are off;
# workflow actions are made for workflows that notify).
NEVER_PLANTED = {"Energy Point Log", "Workflow Action"}


def import_everything() -> None:
	"""Import every module of Frappe and the app, so ``frappe.whitelisted`` lists every method."""
	for package_name in ("frappe", "thi_dua_app"):
		package = importlib.import_module(package_name)
		for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
			if any(part in module.name for part in (".tests", ".test_", ".patches.", "commands", "setup")):
				continue
			try:
				importlib.import_module(module.name)
			except Exception:
				continue


def changes(before: dict, after: dict) -> list[str]:
	"""Where two snapshots differ: table, row and column."""
	found = []
	for table in sorted(set(before) | set(after)):
		old, new = before.get(table), after.get(table)
		if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
			for old_row, new_row in zip(old, new, strict=True):
				for column in sorted(set(old_row) | set(new_row)):
					if old_row.get(column) != new_row.get(column):
						found.append(
							f"{table} {old_row.get('name')}.{column}: {old_row.get(column)!r} -> {new_row.get(column)!r}"
						)
		elif old != new:
			found.append(f"{table}: {len(old or [])} rows -> {len(new or [])} rows")
	return found


def parent_of(doctype: str) -> str:
	return CHILD_PARENTS[doctype][0] if doctype in CHILD_PARENTS else ""


def method_path(fn) -> str:
	return f"{fn.__module__}.{fn.__qualname__}"


def http_method(fn) -> str:
	"""The HTTP method a whitelisted function answers: POST where it takes POST."""
	methods = frappe.allowed_http_methods_for_whitelisted_func.get(fn) or ["GET", "POST"]
	return "POST" if "POST" in methods else methods[0]


class TestTrust(RestTestCase):
	prefix = "TDTrust"

	@classmethod
	def stage(cls):
		cls.marker = f"CANARY{secrets.token_hex(6)}"
		stage_evaluations(cls.world)
		cls.victim = evaluation_of(cls.world, "C").name
		cls.own = evaluation_of(cls.world, "B").name
		cls.plant()
		cls.plant_meeting()
		cls.plant_outcome()

	@classmethod
	def clean_up(cls):
		for doctype, (kind, name) in REFERENCES.items():
			if doctype != "File":
				frappe.db.delete(doctype, {kind: EVALUATION, name: ("in", [cls.victim, cls.own])})
		frappe.db.delete("Tag", {"name": ("like", f"{cls.marker}%")})
		frappe.db.delete("Comment", {"reference_doctype": MEETING, "reference_name": cls.meeting})

	@classmethod
	def plant(cls):
		"""Unit C fills its evaluation the way the desk does, with the marker everywhere it can type;
		the deputy returns it once (so it has a return history), and it is back in C's hands.
		Framework rows that only the system writes (activity, communication, view, notification
		logs, a share, a follow) are planted directly, pointing at it."""
		marker = cls.marker
		frappe.set_user(cls.world.user("officer_C"))
		doc = frappe.get_doc(EVALUATION, cls.victim)
		fill(doc, evidence=False)
		evidence = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{marker}-evidence.txt",
				"content": f"{marker} evidence",
				"is_private": 1,
				"attached_to_doctype": EVALUATION,
				"attached_to_name": doc.name,
			}
		).insert()
		cls.evidence = evidence
		for row in doc.scores:
			row.note = f"{marker} note {row.criterion_code}"
			if row.evidence_required:
				row.evidence = evidence.file_url
		for row in doc.target_results:
			row.achieved_value = 1
		doc.save(ignore_version=False)
		frappe.set_user(cls.world.user("leader_C"))
		act(doc.name, SUBMIT_SELF_ASSESSMENT)
		frappe.set_user(cls.world.user("officer_D"))
		returned = frappe.get_doc(EVALUATION, doc.name)
		returned.return_reason = f"{marker} return reason"
		returned.save()
		act(doc.name, RETURN_TO_UNIT)
		frappe.set_user(cls.world.user("officer_C"))
		doc = frappe.get_doc(EVALUATION, doc.name)
		doc.scores[0].note = f"{marker} note after the return"
		doc.save(ignore_version=False)
		doc.add_comment("Comment", f"{marker} comment")
		frappe.desk.form.assign_to.add(
			{
				"assign_to": [cls.world.user("officer_C")],
				"doctype": EVALUATION,
				"name": doc.name,
				"description": f"{marker} to-do",
			}
		)
		from frappe.desk.doctype.tag.tag import add_tag

		add_tag(f"{marker}tag", EVALUATION, doc.name)
		frappe.set_user("Administrator")
		frappe.share.add_docshare(
			EVALUATION, doc.name, cls.world.user("leader_C"), read=1, flags={"ignore_share_permission": True}
		)
		for values in (
			{"doctype": "Activity Log", "subject": f"{marker} activity"},
			{
				"doctype": "Communication",
				"subject": f"{marker} mail",
				"content": f"{marker} mail",
				"communication_type": "Communication",
				"sent_or_received": "Sent",
			},
			{"doctype": "View Log", "viewed_by": cls.world.user("officer_C")},
			{
				"doctype": "Notification Log",
				"subject": f"{marker} notice",
				"for_user": cls.world.user("officer_C"),
			},
			{"doctype": "Document Follow", "user": cls.world.user("officer_C")},
		):
			kind, name = REFERENCES[values["doctype"]]
			# Written as rows, as the framework (or an older site) leaves them: the app drops new
			# follows of its documents, but a stored one must not leak either.
			frappe.get_doc({**values, kind: EVALUATION, name: doc.name}).db_insert()

	@classmethod
	def plant_meeting(cls):
		"""The deputy unit drafts the bloc meeting's minutes (D is verified, so it is ranked), with the
		marker in every field it types, a candidate, an attendance row and a comment: a draft only
		the head and deputy units read."""
		marker = cls.marker
		frappe.set_user(cls.world.user("officer_D"))
		meeting = frappe.get_doc(
			{
				"doctype": MEETING,
				"pledge": cls.world.pledge,
				"meeting_date": "2017-12-08",
				"minutes_number": f"{marker}/BB",
				"venue": f"{marker} venue",
				"chair_name": f"{marker} chair",
				"secretary_name": f"{marker} secretary",
				"counting_team": f"{marker} counting team",
				"conclusions": f"{marker} conclusions",
			}
		).insert()
		meeting.attendance[0].representative = f"{marker} representative"
		meeting.attendance[1].present = 0
		meeting.attendance[1].absence_reason = f"{marker} absence"
		meeting.save()
		meeting.add_comment("Comment", f"{marker} meeting comment")
		cls.meeting = meeting.name
		frappe.set_user("Administrator")

	@classmethod
	def plant_outcome(cls):
		"""The year's outcome carried to a draft decision for 2018 (``outcome_chain``), with the marker
		in every field typed on the proposal, the council session, the decision and the province's
		draft proposal of the Government's flag, and a historic award of unit C: the proposal is read
		by the head and deputy units only, the rest by the province (and unit C its own award).
		A division of unit C and a person of it, with their years and the unit's draft registration,
		the marker in every field typed: unit C's and the province's only."""
		chain = outcome_chain(cls.world, 2018, cls.marker)
		record = frappe.get_doc(
			{
				"doctype": "Award Record",
				"recipient_kind": "Collective",
				"member_unit": cls.world.unit("C"),
				"award_form": "BK_TINH",
				"year": 2016,
				"decision_number": f"{cls.marker}/QĐ-UBND",
				"decision_date": "2017-01-20",
				"issued_by": f"{cls.marker} issuer",
			}
		).insert()
		person = plant_person(cls.world, "C", cls.marker)
		# Unit C's own proposal to the province (from its signed review): C's and the province's.
		# The head unit's leader reads the bloc's proposal, which carries the same marker, so the
		# sweep leaves it out here too; test_unit_review shows it cannot read C's.
		cls.more_targets = [
			("Award Proposal", plant_unit_proposal(cls.world, "C", person["Unit Division"], cls.marker))
		]
		cls.outcome = {
			**person,
			"Award Proposal": chain["proposal"],
			"Council Session": chain["session"],
			"Award Decision": chain["decision"],
			"Government Flag Proposal": chain["government_flag"],
			"Award Record": record.name,
		}

	# ------------------------------------------------------------ helpers

	def snapshot(self) -> dict:
		"""Every stored row of the planted draft, as the database holds it."""
		frappe.db.rollback()
		names = [self.victim]
		rows = {
			"evaluation": frappe.db.sql(
				f"select * from `tab{EVALUATION}` where name = %s", self.victim, as_dict=True
			)
		}
		for child in ("Evaluation Score", "Evaluation Target Result", "Evaluation Return"):
			rows[child] = frappe.db.sql(
				f"select * from `tab{child}` where parent = %s order by name", self.victim, as_dict=True
			)
		for doctype, (kind, name) in REFERENCES.items():
			rows[doctype] = frappe.db.sql(
				f"select * from `tab{doctype}` where `{kind}` = %s and `{name}` in %s order by name",
				(EVALUATION, names),
				as_dict=True,
			)
		# The workflow's notifications told the head's users of the submission: marking one's own
		# notification read is every user's right, so that flag of the attackers' own is left out.
		attackers = {self.world.user(who) for who in ATTACKERS}
		for row in rows["Notification Log"]:
			if row.for_user in attackers:
				row.pop("read", None)
		for doctype, name in self.planted():
			rows[f"{doctype} {name}"] = frappe.db.sql(
				f"select * from `tab{doctype}` where name = %s", name, as_dict=True
			)
			for child, parents in CHILD_PARENTS.items():
				if doctype in parents:
					rows[f"{child} of {name}"] = frappe.db.sql(
						f"select * from `tab{child}` where parent = %s order by name", name, as_dict=True
					)
		rows["meeting comments"] = frappe.db.sql(
			"select * from `tabComment` where reference_doctype = %s and reference_name = %s order by name",
			(MEETING, self.meeting),
			as_dict=True,
		)
		rows["meeting"] = frappe.db.sql(
			f"select * from `tab{MEETING}` where name = %s", self.meeting, as_dict=True
		)
		for child in ("Meeting Attendance", "Meeting Ranking Line", "Ballot Tally"):
			rows[child] = frappe.db.sql(
				f"select * from `tab{child}` where parent = %s order by name", self.meeting, as_dict=True
			)
		with open(frappe.get_site_path(self.evidence.file_url.lstrip("/")), "rb") as stored:
			rows["file on disk"] = stored.read().hex()
		return json.loads(frappe.as_json(rows))

	def planted(self) -> list[tuple[str, str]]:
		"""(DocType, name) of every planted document beyond the evaluation and the minutes."""
		return [*self.outcome.items(), *self.more_targets]

	def targets(self) -> list[tuple[str, str]]:
		"""(DocType, name) of every planted row the sweep aims at: the evaluation, one row of each of
		its child DocTypes, and one row of each framework DocType that points at it — a DocType
		listed in CHILD_PARENTS or REFERENCES joins the sweep by being planted."""
		frappe.db.rollback()
		targets = [(EVALUATION, self.victim)]
		for child, parents in CHILD_PARENTS.items():
			if EVALUATION in parents:
				targets.append(
					(child, frappe.db.get_value(child, {"parent": self.victim, "parenttype": EVALUATION}))
				)
		for doctype, (kind, name) in REFERENCES.items():
			if doctype not in NEVER_PLANTED:
				targets.append((doctype, frappe.db.get_value(doctype, {kind: EVALUATION, name: self.victim})))
		for doctype, name in ((MEETING, self.meeting), *self.planted()):
			targets.append((doctype, name))
			for child, parents in CHILD_PARENTS.items():
				if doctype in parents:
					targets.append(
						(child, frappe.db.get_value(child, {"parent": name, "parenttype": doctype}))
					)
		return targets

	@staticmethod
	@functools.cache
	def entitled(who: str, doctype: str, name: str) -> bool:
		"""Whether the attacker may read the target by right: judged on the document a child row is
		stored in (a child DocType may belong to several)."""
		owner = frappe.db.get_value(doctype, name, "parenttype") if doctype in CHILD_PARENTS else doctype
		return who in ENTITLED.get(owner, ())

	def assert_planted(self):
		"""The marker is where it was planted (a sweep of rows that are not there proves nothing)."""
		frappe.db.rollback()
		self.assertIn(
			self.marker, frappe.db.get_value("Evaluation Score", {"parent": self.victim, "idx": 1}, "note")
		)
		self.assertEqual(frappe.db.get_value(EVALUATION, self.victim, "workflow_state"), "Returned")
		for doctype, name in self.targets():
			self.assertTrue(name and frappe.db.exists(doctype, name), f"{doctype} was not planted")

	def arguments(self, fn, doctype: str, name: str) -> list[dict]:
		"""Two ways to aim a method at one row: the document as a JSON object and filters as a dict;
		and the document as its DocType (as the print view takes it), filters as a list and every
		column of the DocType asked for by name."""
		parameters = inspect.signature(inspect.unwrap(fn)).parameters
		parent = frappe.db.get_value(doctype, name, "parenttype") if doctype in CHILD_PARENTS else None
		columns = json.dumps(frappe.db.get_table_columns(doctype))
		variants = []
		for variant in (0, 1):
			values = {}
			for param in parameters:
				if param in DOCTYPE_ARGS:
					values[param] = doctype
				elif param in NAME_ARGS:
					values[param] = name
				elif param in NAME_LIST_ARGS:
					values[param] = json.dumps([name])
				elif param == "parent":
					values[param] = parent or doctype
				elif param in ("filters", "current_filters"):
					values[param] = json.dumps({"name": name} if variant == 0 else [["name", "=", name]])
				elif param in ("fields", "fieldname", "fieldnames", "columns"):
					values[param] = json.dumps(["*"]) if variant == 0 else columns
				elif param in ("doc", "args", "data"):
					values[param] = (
						json.dumps({"doctype": doctype, "name": name}) if variant == 0 else doctype
					)
				elif param in ("txt", "search_text", "text"):
					values[param] = ""
				elif param in ("file_url", "url", "path"):
					values[param] = self.evidence.file_url
				elif param in ("ignore_user_permissions", "ignore_permissions", "as_dict", "with_parent"):
					values[param] = 1
				elif param in ("page_length", "limit", "limit_page_length"):
					values[param] = 500
			variants.append(values)
		return variants

	def call(self, who: str, path: str, fn, values: dict):
		return self.send_call(self.session(who), http_method(fn), path, values)

	@staticmethod
	def send_call(session, http: str, path: str, values: dict):
		if http == "GET":
			return session.request("GET", f"/api/method/{path}", params=values)
		return session.request(http, f"/api/method/{path}", data=values)

	# ------------------------------------------------------------ the sweep

	def test_canary_sweep(self):
		self.assert_planted()
		before = self.snapshot()
		import_everything()
		functions = sorted({method_path(fn): fn for fn in frappe.whitelisted}.items())
		functions = [(path, fn) for path, fn in functions if not any(part in path for part in SKIPPED)]
		targets = self.targets()
		# Every call is worked out once, here (it reads the site), and then made by each attacker.
		plan = []
		for path, fn in functions:
			aimed = any(
				param in DOCTYPE_ARGS | NAME_ARGS | NAME_LIST_ARGS
				for param in inspect.signature(inspect.unwrap(fn)).parameters
			)
			for doctype, name in targets if aimed else targets[:1]:
				for values in self.arguments(fn, doctype, name):
					plan.append((doctype, name, path, http_method(fn), values))
		skipped = {
			(who, doctype, name)
			for who in ATTACKERS
			for doctype, name in targets
			if self.entitled(who, doctype, name)
		}
		deadline = time.monotonic() + LIMIT_SECONDS
		urls = os.environ.get("THI_DUA_TEST_URLS", self.base_url).split()

		def sweep_as(index: int, who: str) -> tuple[list, list, int, bool]:
			"""One attacker's whole sweep, in a session of its own on one of the test servers."""
			session = RestSession(urls[index % len(urls)], self.world.user(who))
			leaks, unanswered, calls = [], [], 0
			for doctype, name, path, http, values in plan:
				if (who, doctype, name) in skipped:
					continue
				if time.monotonic() > deadline:
					return leaks, unanswered, calls, True
				try:
					response = self.send_call(session, http, path, values)
				except requests.RequestException as error:
					unanswered.append(f"{who} {path} {doctype}: {error}")
					continue
				calls += 1
				if self.marker in response.text:
					leaks.append(f"{who} {path} on {doctype} {name}: HTTP {response.status_code}")
			return leaks, unanswered, calls, False

		# The attackers sweep side by side, spread over the test servers.
		with ThreadPoolExecutor(len(ATTACKERS)) as pool:
			results = list(pool.map(sweep_as, range(len(ATTACKERS)), ATTACKERS))
		leaks = [leak for result in results for leak in result[0]]
		unanswered = [call for result in results for call in result[1]]
		calls = sum(result[2] for result in results)
		if any(result[3] for result in results):
			self.fail(f"the sweep ran out of time after {calls} calls")
		for who in ATTACKERS:
			session = self.session(who)
			for doctype, name in targets:
				if self.entitled(who, doctype, name):
					continue
				for method, route in (
					("GET", f"/api/resource/{doctype}/{name}"),
					(
						"GET",
						f'/api/resource/{doctype}?fields=["*"]&limit_page_length=0&parent={parent_of(doctype)}',
					),
					("GET", f"/api/v2/document/{doctype}/{name}"),
					("GET", f'/api/v2/document/{doctype}?fields=["*"]&limit=0'),
					("GET", f"/api/v2/doctype/{doctype}/count"),
					("PUT", f"/api/resource/{doctype}/{name}"),
					("PUT", f"/api/v2/document/{doctype}/{name}"),
					("DELETE", f"/api/resource/{doctype}/{name}"),
					("DELETE", f"/api/v2/document/{doctype}/{name}"),
				):
					kwargs = (
						{"json": {"note": "overwritten", "content": "overwritten"}} if method == "PUT" else {}
					)
					response = session.request(method, route, **kwargs)
					calls += 1
					if self.marker in response.text:
						leaks.append(f"{who} {method} {route}: HTTP {response.status_code}")
			response = session.request("GET", self.evidence.file_url)
			calls += 1
			if self.marker in response.text:
				leaks.append(f"{who} GET {self.evidence.file_url}: HTTP {response.status_code}")
		print(
			f"\ncanary sweep: {len(functions)} whitelisted methods, {len(ATTACKERS)} users, "
			f"{len(targets)} targets ({', '.join(sorted({d for d, _ in targets}))}), {calls} calls"
		)
		self.assertEqual(leaks, [], "the marker came back")
		self.assertEqual(unanswered, [], "calls the server did not answer")
		self.assertEqual(changes(before, self.snapshot()), [], "a planted row changed")
		self.assert_planted()

	# ------------------------------------------------------------ each class of hole, on its own

	def test_child_rows_alone_are_neither_read_nor_written(self):
		row = frappe.db.get_value("Evaluation Score", {"parent": self.victim, "idx": 1})
		session = self.session("officer_B")
		for method, path, kwargs in (
			("GET", f"/api/resource/Evaluation Score/{row}", {}),
			(
				"GET",
				"/api/method/frappe.client.get",
				{"params": {"doctype": "Evaluation Score", "name": row, "parent": EVALUATION}},
			),
			(
				"GET",
				"/api/method/frappe.desk.form.load.getdoc",
				{"params": {"doctype": "Evaluation Score", "name": row}},
			),
			("PUT", f"/api/resource/Evaluation Score/{row}", {"json": {"verified_score": 1}}),
			("DELETE", f"/api/resource/Evaluation Score/{row}", {}),
			(
				"POST",
				"/api/method/frappe.client.save",
				{
					"json": {
						"doc": {
							"doctype": "Evaluation Score",
							"name": row,
							"verified_score": 1,
							"parent": self.own,
							"parenttype": EVALUATION,
							"parentfield": "scores",
						}
					}
				},
			),
			(
				"POST",
				"/api/resource/Evaluation Return",
				{
					"json": {
						"parent": self.victim,
						"parenttype": EVALUATION,
						"parentfield": "return_history",
						"reason": "forged",
					}
				},
			),
		):
			with self.subTest(method=method, path=path):
				response = session.request(method, path, **kwargs)
				self.assertEqual(response.status_code, 403, response.text[:300])
		# The unit reads its own rows alone, but changes them only through its evaluation.
		own_row = frappe.db.get_value("Evaluation Score", {"parent": self.own, "idx": 1})
		self.assertEqual(session.request("GET", f"/api/resource/Evaluation Score/{own_row}").status_code, 200)
		self.assertEqual(
			session.request(
				"PUT", f"/api/resource/Evaluation Score/{own_row}", json={"note": "x"}
			).status_code,
			403,
		)

	def test_a_save_keeps_rows_in_their_own_document(self):
		frappe.db.rollback()
		victim_row = frappe.db.get_value("Evaluation Score", {"parent": self.victim, "idx": 2})
		session = self.session("officer_A")  # A's own draft
		own = evaluation_of(self.world, "A")
		scores = own.as_dict(convert_dates_to_str=True)["scores"]
		for name in (victim_row, "no-such-row"):
			with self.subTest(name=name):
				changed = [dict(row) for row in scores]
				changed[1]["name"] = name
				response = session.request(
					"PUT", f"/api/resource/{EVALUATION}/{own.name}", json={"scores": changed}
				)
				self.assertEqual(response.status_code, 417, response.text[:300])
				self.assertIn("Unknown row", response.text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Evaluation Score", victim_row, "parent"), self.victim)
		self.assertEqual(frappe.db.count("Evaluation Score", {"parent": own.name}), len(scores))

	def test_searches_never_skip_permissions(self):
		for method in ("frappe.desk.search.search_widget", "frappe.desk.search.search_link"):
			for doctype in (EVALUATION, "Evaluation Score", "Evaluation Return", "File"):
				with self.subTest(method=method, doctype=doctype):
					params = {"doctype": doctype, "txt": "", "ignore_user_permissions": 1, "page_length": 500}
					if doctype in CHILD_PARENTS:
						params["reference_doctype"] = EVALUATION
					response = self.session("officer_B").request(
						"GET", f"/api/method/{method}", params=params
					)
					self.assertNotIn(self.victim, response.text)
					self.assertNotIn(self.evidence.name, response.text)

	def test_counts_and_group_bys_are_no_oracles(self):
		session = self.session("officer_B")
		response = session.request(
			"GET",
			"/api/method/frappe.client.get_count",
			params={"doctype": "Version", "filters": json.dumps([["data", "like", f"%{self.marker}%"]])},
		)
		self.assertEqual(response.status_code, 403, response.text[:200])
		for doctype in ("Comment", "ToDo", "File", "Tag Link"):
			_kind, name = REFERENCES[doctype]
			response = session.request(
				"GET",
				"/api/method/frappe.client.get_count",
				params={"doctype": doctype, "filters": json.dumps([[name, "=", self.victim]])},
			)
			self.assertIn(response.status_code, (200, 403), response.text[:200])
			if response.status_code == 200:
				self.assertEqual(response.json()["message"], 0, doctype)
		# A to-do of its own pointing at C's draft, then counting assignments of drafts above 0.
		response = session.request(
			"POST",
			"/api/resource/ToDo",
			json={
				"description": "x",
				"reference_type": EVALUATION,
				"reference_name": self.victim,
				"allocated_to": self.world.user("officer_B"),
			},
		)
		self.assertEqual(response.status_code, 403, response.text[:200])
		response = session.request(
			"GET",
			"/api/method/frappe.desk.listview.get_group_by_count",
			params={
				"doctype": EVALUATION,
				"current_filters": json.dumps([["self_total", ">", 0]]),
				"field": "assigned_to",
			},
		)
		self.assertEqual(response.status_code, 200, response.text[:200])
		self.assertEqual(response.json()["message"], [])

	def test_side_writes_need_write(self):
		cases = [
			("frappe.desk.like.toggle_like", {"doctype": EVALUATION, "name": "{name}", "add": "Yes"}),
			(
				"frappe.desk.form.utils.add_comment",
				{
					"reference_doctype": EVALUATION,
					"reference_name": "{name}",
					"content": "x",
					"comment_email": "{user}",
					"comment_by": "x",
				},
			),
			(
				"frappe.desk.form.assign_to.add",
				{"args": json.dumps({"assign_to": ["{user}"], "doctype": EVALUATION, "name": "{name}"})},
			),
			("frappe.desk.doctype.tag.tag.add_tag", {"tag": "side-write", "dt": EVALUATION, "dn": "{name}"}),
			("frappe.share.add", {"doctype": EVALUATION, "name": "{name}", "user": "{user}", "read": "1"}),
		]
		# B's self-assessed evaluation: B and the viewer read it, neither may change it.
		for who in ("viewer", "officer_B", "officer_C"):
			for method, params in cases:
				with self.subTest(who=who, method=method):
					values = {
						key: value.replace("{name}", self.own).replace("{user}", self.world.user(who))
						for key, value in params.items()
					}
					response = self.session(who).request("POST", f"/api/method/{method}", data=values)
					self.assertEqual(response.status_code, 403, f"{who} {method}: {response.text[:300]}")
		frappe.db.rollback()
		self.assertFalse(frappe.db.get_value(EVALUATION, self.own, "_liked_by") not in (None, "[]", ""))
		self.assertFalse(
			frappe.db.exists(
				"Comment", {"reference_name": self.own, "comment_type": ("in", ("Comment", "Like"))}
			)
		)
		self.assertFalse(frappe.db.exists("ToDo", {"reference_name": self.own}))
		self.assertFalse(frappe.db.exists("DocShare", {"share_name": self.own}))

	def test_evidence_cannot_be_borrowed_or_moved(self):
		session = self.session("officer_B")
		response = session.request(
			"POST",
			"/api/resource/File",
			json={"file_url": self.evidence.file_url, "file_name": "borrowed.txt", "is_private": 1},
		)
		self.assertEqual(response.status_code, 403, response.text[:300])
		self.assertNotEqual(session.request("GET", self.evidence.file_url).status_code, 200)
		response = session.request(
			"POST",
			"/api/method/upload_file",
			data={"library_file_name": self.evidence.name, "doctype": EVALUATION, "docname": self.own},
		)
		self.assertEqual(response.status_code, 403, response.text[:300])
		# The viewer reads every evaluation, but attaches to none.
		response = self.session("viewer").request(
			"POST",
			"/api/resource/File",
			json={
				"file_name": "v.txt",
				"content": "x",
				"is_private": 1,
				"attached_to_doctype": EVALUATION,
				"attached_to_name": self.victim,
			},
		)
		self.assertEqual(response.status_code, 403, response.text[:300])
		# Its own unit cannot make evidence public.
		response = self.session("officer_C").request(
			"PUT", f"/api/resource/File/{self.evidence.name}", json={"is_private": 0}
		)
		self.assertEqual(response.status_code, 417, response.text[:300])
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value("File", self.evidence.name, ["is_private", "file_url"]),
			(1, self.evidence.file_url),
		)

	def test_server_owned_fields_are_the_server_s(self):
		session = self.session("officer_A")
		own = evaluation_of(self.world, "A").name
		fields = [
			"bloc_rank",
			"tie_break_note",
			"verified_on",
			"self_assessed_on",
			"final_score",
			"classification",
		]
		frappe.db.rollback()
		before = frappe.db.get_value(EVALUATION, own, fields, as_dict=True)
		response = session.request(
			"PUT",
			f"/api/resource/{EVALUATION}/{own}",
			json={
				"bloc_rank": 1,
				"tie_break_note": "forged",
				"verified_on": "2017-12-31",
				"self_assessed_on": "2017-12-31",
				"final_score": 100,
				"classification": "Xuất sắc",
				"return_history": [{"from_state": "Verified", "to_state": "Returned", "reason": "forged"}],
			},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(EVALUATION, own, fields, as_dict=True), before)
		self.assertEqual((before.bloc_rank, before.final_score, before.verified_on), (0, 0.0, None))
		self.assertEqual(frappe.db.count("Evaluation Return", {"parent": own}), 0)

	# ------------------------------------------------------------ found by attacking the branch

	def test_files_are_not_copied_onto_documents_or_from_other_units(self):
		frappe.db.rollback()
		own_file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "b.txt",
				"content": "b",
				"is_private": 1,
				"owner": self.world.user("officer_B"),
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()
		session = self.session("officer_B")
		for doctype, name, files in (
			(EVALUATION, self.own, [self.evidence.name]),  # someone else's private file onto B's own
			(EVALUATION, self.victim, [own_file.name]),  # B's own file onto C's evaluation
		):
			with self.subTest(name=name):
				response = session.request(
					"POST",
					"/api/method/frappe.utils.file_manager.add_attachments",
					data={"doctype": doctype, "name": name, "attachments": json.dumps(files)},
				)
				self.assertEqual(response.status_code, 403, response.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("File", {"file_url": self.evidence.file_url}), 1)
		self.assertFalse(
			frappe.db.exists("File", {"attached_to_name": self.victim, "file_url": own_file.file_url})
		)
		frappe.delete_doc("File", own_file.name, force=True, ignore_permissions=True)
		frappe.db.commit()

	def test_evidence_of_a_self_assessed_evaluation_stays(self):
		frappe.db.rollback()
		evidence = frappe.db.get_value(
			"File", {"attached_to_doctype": EVALUATION, "attached_to_name": self.own}
		)
		self.assertTrue(evidence)
		# The bloc head verifying it, the unit itself, and the province: evidence sent is kept.
		for who in ("officer_A", "officer_B", "manager"):
			with self.subTest(who=who):
				response = self.session(who).request(
					"POST",
					"/api/method/frappe.desk.form.utils.remove_attach",
					data={"fid": evidence, "dt": EVALUATION, "dn": self.own},
				)
				self.assertEqual(response.status_code, 403, response.text[:300])
		frappe.db.rollback()
		self.assertTrue(frappe.db.exists("File", evidence))

	def test_upload_file_does_not_reach_round_the_overrides(self):
		response = self.session("officer_A").request(
			"POST",
			"/api/method/upload_file",
			data={
				"method": "frappe.desk.form.assign_to.add_multiple",
				"doctype": EVALUATION,
				"name": json.dumps([self.own]),
				"assign_to": json.dumps([self.world.user("officer_A")]),
			},
		)
		self.assertEqual(response.status_code, 403, response.text[:300])
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists("ToDo", {"reference_name": self.own}))

	def test_tags_are_plain_text(self):
		response = self.session("officer_A").request(
			"POST",
			"/api/method/frappe.desk.doctype.tag.tag.add_tag",
			data={
				"tag": 'x" onmouseover="alert(1)',
				"dt": EVALUATION,
				"dn": evaluation_of(self.world, "A").name,
			},
		)
		self.assertEqual(response.status_code, 417, response.text[:300])
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists("Tag", 'x" onmouseover="alert(1)'))

	def test_malformed_list_arguments_are_a_417(self):
		session = self.session("officer_B")
		cases = [
			("frappe.client.get_count", {"doctype": EVALUATION, "filters": "notjson"}),
			("frappe.client.get_count", {"doctype": EVALUATION, "filters": json.dumps({"name": {"a": 1}})}),
			("frappe.client.get_count", {"doctype": "ToDo", "filters": "notjson"}),
			(
				"frappe.desk.listview.get_group_by_count",
				{"doctype": EVALUATION, "current_filters": "notjson", "field": "assigned_to"},
			),
			(
				"frappe.client.get_list",
				{"doctype": EVALUATION, "filters": json.dumps([["name", "between", ["a"]]])},
			),
			(
				"frappe.client.get_list",
				{"doctype": EVALUATION, "filters": json.dumps([["year", "is", "weird"]])},
			),
			("frappe.client.get_list", {"doctype": EVALUATION, "limit_start": "-5"}),
			("frappe.client.get_list", {"doctype": EVALUATION, "order_by": "nonexistent desc"}),
			("frappe.client.get_list", {"doctype": EVALUATION, "fields": json.dumps([{"a": 1}])}),
			(
				"frappe.desk.reportview.get",
				{"doctype": EVALUATION, "fields": '["name"]', "group_by": "nonexistent"},
			),
			("frappe.desk.reportview.get", {"doctype": EVALUATION, "fields": "name"}),
			("frappe.desk.reportview.get_stats", {"doctype": EVALUATION, "stats": "notjson"}),
			("frappe.desk.form.save.savedocs", {"doc": "notjson", "action": "Save"}),
			("frappe.model.workflow.get_transitions", {"doc": "notjson"}),
			# JSON nested past what Python's reader can take (a RecursionError deep in a method)
			(
				"thi_dua_app.thi_dua.doctype.emulation_evaluation.emulation_evaluation.preview_totals",
				{"name": "x", "scores": "[" * 1000 + "]" * 1000},
			),
			("frappe.client.get_list", {"doctype": "ToDo", "filters": "[" * 3000 + "]" * 3000}),
			("frappe.client.get_list", {"doctype": EVALUATION, "filters": '{"a":' * 2000 + "1" + "}" * 2000}),
			# one document where the method takes one; a count Frappe writes into SQL as it comes
			("frappe.model.workflow.apply_workflow", {"doc": "[1]", "action": "Verify"}),
			("frappe.model.workflow.apply_workflow", {"doc": "1", "action": "Verify"}),
			("frappe.desk.doctype.notification_log.notification_log.get_notification_logs", {"limit": "-1"}),
			(
				"frappe.desk.doctype.notification_log.notification_log.get_notification_logs",
				{"limit": "99999999999999999999"},
			),
			("frappe.desk.form.assign_to.add", {"args": "notjson"}),
			("frappe.client.insert_many", {"docs": "notjson"}),
			(
				"frappe.desk.search.search_widget",
				{"doctype": EVALUATION, "txt": "", "query": "frappe.client.get_list"},
			),
			(
				"frappe.desk.query_report.run",
				{
					"report_name": "Bloc Ranking",
					"filters": json.dumps({"pledge": self.world.pledge}),
					"custom_columns": json.dumps([{"a": 1}]),
				},
			),
			(
				"frappe.desk.query_report.run",
				{
					"report_name": "Bloc Ranking",
					"filters": json.dumps({"pledge": self.world.pledge}),
					"custom_columns": json.dumps(
						[{"fieldname": "final_score", "doctype": EVALUATION, "link_field": "name"}]
					),
				},
			),
			# A column or filter of a table the query does not join.
			(
				"frappe.desk.reportview.get",
				{"doctype": "Award Record", "fields": json.dumps(["`tabStaff Member`.full_name"])},
			),
			(
				"frappe.desk.reportview.get",
				{
					"doctype": "Award Record",
					"fields": '["name"]',
					"filters": json.dumps([["Staff Member", "full_name", "like", "%"]]),
				},
			),
			# A required argument left out.
			("frappe.desk.form.document_follow.follow_document", {"doctype": EVALUATION, "doc_name": "x"}),
			("frappe.desk.form.save.cancel", {}),
			# Arguments of a shape the framework's method cannot take.
			(
				"frappe.desk.form.utils.get_next",
				{"doctype": EVALUATION, "value": "x", "prev": 1, "filters": "{}"},
			),
			("frappe.desk.reportview.get_count", {"doctype": EVALUATION, "parent": "x"}),
			(
				"frappe.desk.reportview.get_filter_dashboard_data",
				{"doctype": EVALUATION, "stats": json.dumps(["year"]), "filters": "[]"},
			),
			("frappe.model.mapper.make_mapped_doc", {"method": "frappe.client.get", "source_name": "x"}),
			("frappe.desk.search.get_link_title", {"doctype": "Staff Member"}),
		]
		for method, params in cases:
			with self.subTest(method=method, params=params):
				response = session.request("POST", f"/api/method/{method}", data=params)
				self.assertEqual(response.status_code, 417, response.text[:300])
		response = session.request(
			"GET",
			f"/api/resource/{EVALUATION}",
			params={"order_by": "`tabEmulation Evaluation`.`modified` desc"},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		# The report view's group-by with an aggregate is the desk's own call: it goes through.
		response = session.request(
			"POST",
			"/api/method/frappe.desk.reportview.get",
			data={
				"doctype": EVALUATION,
				"fields": json.dumps([f"`tab{EVALUATION}`.`year`"]),
				"group_by": f"`tab{EVALUATION}`.`year`",
				"aggregate_function": "count",
				"aggregate_on_field": "name",
				"aggregate_on_doctype": EVALUATION,
				"order_by": "_aggregate_column desc",
				"with_comment_count": 0,
				"view": "Report",
			},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])

	def test_a_link_s_title_is_told_only_to_whom_may_read_the_record(self):
		staff = self.outcome["Staff Member"]
		for who, expected in (("officer_B", staff), ("leader_A", staff), ("officer_C", None)):
			response = self.session(who).request(
				"GET",
				"/api/method/frappe.desk.search.get_link_title",
				params={"doctype": "Staff Member", "docname": staff},
			)
			self.assertEqual(response.status_code, 200, response.text[:300])
			if expected:
				self.assertEqual(response.json()["message"], expected)
			else:
				self.assertIn(self.marker, response.json()["message"])
		# A name that does not exist answers the same as one that may not be read.
		response = self.session("officer_B").request(
			"GET",
			"/api/method/frappe.desk.search.get_link_title",
			params={"doctype": "Staff Member", "docname": "NS-99999"},
		)
		self.assertEqual(response.json()["message"], "NS-99999")

	def test_a_made_up_document_prints_nothing_of_other_units(self):
		made_up = {
			"doctype": EVALUATION,
			"__islocal": 1,
			"member_unit": self.world.unit("C"),
			"pledge": self.world.pledge,
			"bloc": self.world.bloc,
			"head_unit": self.world.unit("A"),
		}
		response = self.session("officer_B").request(
			"POST",
			"/api/method/frappe.www.printview.get_html_and_style",
			data={"doc": json.dumps(made_up), "print_format": "Bảng chấm điểm thi đua"},
		)
		self.assertEqual(response.status_code, 403, response.text[:300])
		self.assertNotIn("Head of C", response.text)

	def test_a_document_sent_to_print_prints_what_is_stored_in_a_format_of_its_own(self):
		"""A JSON document naming a stored one the user may read (an award form, its own unit) with
		fields pointing elsewhere (a draft decision) prints the stored document, never the fields;
		a print format of another DocType is refused; a document object cannot be sent to the PDF
		download."""
		session = self.session("officer_B")
		decision = self.outcome["Award Decision"]
		for forged in (
			{"doctype": "Award Form", "name": "CO_TINH", "award_decision": decision, "award_form": "CO_TINH"},
			{"doctype": "Member Unit", "name": self.world.unit("B"), "award_decision": decision},
		):
			with self.subTest(doctype=forged["doctype"]):
				response = session.request(
					"POST",
					"/api/method/frappe.www.printview.get_html_and_style",
					data={"doc": json.dumps(forged), "print_format": "Bằng khen và Cờ thi đua"},
				)
				self.assertEqual(response.status_code, 417, response.text[:300])
				self.assertNotIn(self.marker, response.text)
				response = session.request(
					"POST",
					"/api/method/frappe.www.printview.get_html_and_style",
					data={"doc": json.dumps(forged)},
				)
				self.assertLess(response.status_code, 500, response.text[:300])
				self.assertNotIn(self.marker, response.text)
		response = session.request(
			"GET",
			"/api/method/frappe.utils.print_format.download_pdf",
			params={"doctype": "Award Decision", "name": decision, "doc": "x"},
		)
		self.assertEqual(response.status_code, 417, response.text[:300])

	def test_column_expressions_are_columns(self):
		subquery = "(select\ngroup_concat(note) from\n`tabEvaluation Score`) as x"
		for who in ("officer_B", "viewer"):
			for doctype in ("Country", EVALUATION, "Emulation Pledge"):
				with self.subTest(who=who, doctype=doctype):
					response = self.session(who).request(
						"GET",
						f"/api/resource/{doctype}",
						params={"fields": json.dumps(["name", subquery]), "limit_page_length": 1},
					)
					self.assertEqual(response.status_code, 417, response.text[:300])
					self.assertNotIn(self.marker, response.text)
		for method, params in (
			("frappe.client.get_list", {"doctype": "Country", "fields": json.dumps(["name", subquery])}),
			("frappe.desk.reportview.get", {"doctype": "Country", "fields": json.dumps(["name", subquery])}),
			("frappe.client.get_list", {"doctype": "Country", "order_by": "name;"}),
			("frappe.client.get_list", {"doctype": "Country", "filters": json.dumps([[subquery, "=", "x"]])}),
		):
			with self.subTest(method=method, params=params):
				response = self.session("officer_B").request("POST", f"/api/method/{method}", data=params)
				self.assertEqual(response.status_code, 417, response.text[:300])
				self.assertNotIn(self.marker, response.text)

	def test_a_file_url_spelled_another_way_is_refused(self):
		name = self.evidence.file_url.rsplit("/", 1)[1]
		session = self.session("officer_B")
		for url in (
			f"/private/files//{name}",
			f"/private/files/./{name}",
			f"/private/files/x/../{name}",
			"/private/files/" + name.replace("-", "%2D"),
		):
			with self.subTest(url=url):
				response = session.request(
					"POST", "/api/resource/File", json={"file_url": url, "is_private": 1}
				)
				self.assertEqual(response.status_code, 403, response.text[:300])
		self.assertNotEqual(session.request("GET", self.evidence.file_url).status_code, 200)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("File", {"file_url": self.evidence.file_url}), 1)

	def test_the_app_s_documents_are_not_followed_by_email(self):
		frappe.db.set_value("User", self.world.user("officer_B"), "document_follow_notify", 1)
		frappe.db.commit()
		try:
			session = self.session("officer_B")
			response = session.request(
				"POST",
				"/api/method/frappe.desk.form.document_follow.follow_document",
				data={"doctype": EVALUATION, "doc_name": self.own, "user": self.world.user("officer_B")},
			)
			self.assertEqual(response.status_code, 417, response.text[:300])
			# Frappe follows on its own too (here: as a comment is added by someone who may write).
			frappe.set_user(self.world.user("officer_A"))
			from frappe.desk.form.document_follow import follow_document

			follow_document(EVALUATION, evaluation_of(self.world, "A").name, self.world.user("officer_B"))
			frappe.set_user("Administrator")
			self.assertFalse(
				frappe.db.exists(
					"Document Follow", {"ref_doctype": EVALUATION, "user": self.world.user("officer_B")}
				)
			)
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
			frappe.db.set_value("User", self.world.user("officer_B"), "document_follow_notify", 0)
			frappe.db.commit()

	def test_saving_an_evaluation_is_not_announced_to_every_desk(self):
		frappe.db.rollback()
		frappe.set_user(self.world.user("officer_A"))
		try:
			doc = evaluation_of(self.world, "A")
			doc.scores[0].note = "announced?"
			doc.save()
			events = [event for event, _message, _room in getattr(frappe.local, "_realtime_log", [])]
			self.assertIn("doc_update", events)
			self.assertNotIn("list_update", events)
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
