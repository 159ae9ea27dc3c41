"""The permission matrix — role × DocType × action × own/other unit — through the REST API of a
running web server of the test site, as real users who log in with a password.

The harness (scripts/run_tests.sh) starts the server and sets THI_DUA_TEST_URL. Without it this
test fails: a permission matrix that did not run is not a pass. Data here is committed (the
server reads it through its own connection) and deleted again at the end.
"""

import json

import frappe
import requests

from thi_dua_app.tests.factories import evaluation_of, make_pledge, stage_evaluations
from thi_dua_app.tests.utils import RestTestCase

EVALUATION = "Emulation Evaluation"


class TestRestPermissionMatrix(RestTestCase):
	@classmethod
	def stage(cls):
		stage_evaluations(cls.world)
		cls.draft_pledge = make_pledge(cls.world, cls.world.unit("A"), cls.world.unit("B"), year=2018).name
		cls.evaluations = {letter: evaluation_of(cls.world, letter).name for letter in "ABCD"}

	def setUp(self):
		# See what the server committed: end this connection's snapshot.
		frappe.db.rollback()

	def resource(self, doctype: str, name: str = "") -> str:
		path = f"/api/resource/{doctype}"
		return f"{path}/{name}" if name else path

	def target(self, doctype: str, key: str) -> str:
		"""Name of a document: a unit letter for evaluations and units, else the world's record."""
		if doctype == EVALUATION:
			return self.evaluations[key]
		if doctype == "Member Unit":
			return self.world.unit(key)
		return {"pledge": self.world.pledge, "draft_pledge": self.draft_pledge, "bloc": self.world.bloc}.get(
			key, self.world.template
		)

	def assertStatus(self, response: requests.Response, expected: int, label: str):
		self.assertEqual(response.status_code, expected, f"{label}: {response.text[:300]}")

	# ------------------------------------------------------------ read and list

	READ_MATRIX = [
		# who, doctype, target, expected HTTP status
		("officer_B", EVALUATION, "B", 200),  # own unit
		("officer_B", EVALUATION, "C", 403),  # another member's draft
		("leader_C", EVALUATION, "C", 200),
		("leader_C", EVALUATION, "B", 403),  # another member's self-assessment
		("officer_A", EVALUATION, "B", 200),  # bloc head, self-assessed
		("officer_A", EVALUATION, "C", 403),  # bloc head, still a draft
		("officer_D", EVALUATION, "B", 200),  # deputy, self-assessed
		("officer_X", EVALUATION, "B", 403),  # outside the bloc
		("viewer", EVALUATION, "C", 200),
		("manager", EVALUATION, "C", 200),
		("outsider", EVALUATION, "B", 403),
		("officer_B", "Emulation Pledge", "pledge", 200),
		("officer_X", "Emulation Pledge", "pledge", 403),
		("officer_B", "Emulation Bloc", "bloc", 200),
		("officer_X", "Emulation Bloc", "bloc", 403),
		("officer_B", "Member Unit", "B", 200),
		("officer_B", "Member Unit", "C", 403),
		("officer_B", "Scoring Template", "template", 200),
		("outsider", "Scoring Template", "template", 403),
	]

	def test_read(self):
		for who, doctype, key, expected in self.READ_MATRIX:
			with self.subTest(who=who, doctype=doctype, target=key):
				response = self.session(who).request("GET", self.resource(doctype, self.target(doctype, key)))
				self.assertStatus(response, expected, f"{who} reads {doctype} {key}")

	LIST_MATRIX = [
		("officer_B", EVALUATION, "B"),
		("officer_C", EVALUATION, "C"),
		("officer_A", EVALUATION, "ABD"),
		("officer_D", EVALUATION, "BD"),
		("officer_X", EVALUATION, ""),
		("officer_B", "Member Unit", "B"),
	]

	def test_list(self):
		for who, doctype, letters in self.LIST_MATRIX:
			with self.subTest(who=who, doctype=doctype):
				response = self.session(who).request(
					"GET", self.resource(doctype), params={"fields": '["name"]', "limit_page_length": 0}
				)
				self.assertStatus(response, 200, f"{who} lists {doctype}")
				self.assertEqual(
					{row["name"] for row in response.json()["data"]},
					{self.target(doctype, key) for key in letters},
				)

	def test_province_lists_every_evaluation(self):
		for who in ("manager", "viewer"):
			response = self.session(who).request(
				"GET",
				self.resource(EVALUATION),
				params={"fields": '["name"]', "filters": json.dumps([["pledge", "=", self.world.pledge]])},
			)
			self.assertEqual(
				{row["name"] for row in response.json()["data"]}, set(self.evaluations.values()), who
			)

	def test_a_user_of_no_unit_cannot_list(self):
		response = self.session("outsider").request("GET", self.resource(EVALUATION))
		self.assertStatus(response, 403, "outsider lists evaluations")

	# ------------------------------------------------------------ write, create, delete

	def put_scores(self, who: str, letter: str, field: str, value) -> requests.Response:
		frappe.db.rollback()
		doc = frappe.get_doc(EVALUATION, self.evaluations[letter]).as_dict(convert_dates_to_str=True)
		scores = doc["scores"]
		scores[1][field] = value
		return self.session(who).request(
			"PUT", self.resource(EVALUATION, self.evaluations[letter]), json={"scores": scores}
		)

	def test_write_evaluation(self):
		cases = [
			("officer_C", "C", "self_score", 9, 200),  # own draft
			("officer_C", "B", "self_score", 9, 403),  # another unit
			("officer_B", "B", "self_score", 9, 403),  # own, but self-assessed: locked
			("officer_A", "B", "self_score", 9, 403),  # head may not touch the unit's claim
			("officer_A", "B", "verified_score", 8, 200),  # head verifies
			("officer_A", "C", "verified_score", 8, 403),  # not yet self-assessed
			("viewer", "C", "self_score", 9, 403),
			("manager", "C", "self_score", 8, 200),
		]
		for who, letter, field, value, expected in cases:
			with self.subTest(who=who, target=letter, field=field):
				response = self.put_scores(who, letter, field, value)
				self.assertStatus(response, expected, f"{who} writes {field} of {letter}")
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value(
				"Evaluation Score", {"parent": self.evaluations["B"], "idx": 2}, "self_score"
			),
			10,
		)

	def test_bad_input_is_refused_with_a_message_and_not_written(self):
		response = self.put_scores("officer_C", "C", "self_score", 99)
		self.assertStatus(response, 417, "score above maximum")
		self.assertIn("above its maximum 10", response.text)
		response = self.put_scores("officer_C", "C", "self_score", -1)
		self.assertStatus(response, 417, "negative score")
		frappe.db.rollback()
		self.assertNotIn(
			frappe.db.get_value(
				"Evaluation Score", {"parent": self.evaluations["C"], "idx": 2}, "self_score"
			),
			(99, -1),
		)

	def test_create_evaluation(self):
		cases = [
			("officer_B", "C", 403),  # for another unit
			("officer_C", "C", 409),  # its own, but it has one already
		]
		for who, letter, expected in cases:
			with self.subTest(who=who, unit=letter):
				response = self.session(who).request(
					"POST",
					self.resource(EVALUATION),
					json={"pledge": self.world.pledge, "member_unit": self.world.unit(letter)},
				)
				self.assertStatus(response, expected, f"{who} creates an evaluation for {letter}")

	def test_delete_evaluation_is_the_province_s(self):
		response = self.session("officer_C").request(
			"DELETE", self.resource(EVALUATION, self.evaluations["C"])
		)
		self.assertStatus(response, 403, "officer deletes own draft")

	def test_write_masters_and_pledges(self):
		cases = [
			("officer_A", "Emulation Pledge", "draft_pledge", {"signing_place": "X"}, 403),
			("manager", "Emulation Pledge", "draft_pledge", {"signing_place": "Hội trường Sở"}, 200),
			("officer_B", "Emulation Bloc", "bloc", {"managing_body": "X"}, 403),
			("manager", "Emulation Bloc", "bloc", {"managing_body": "Sở Nội vụ"}, 200),
			("officer_B", "Member Unit", "B", {"address": "X"}, 403),
			("manager", "Member Unit", "B", {"address": "Bắc Ninh"}, 200),
			("officer_B", "Scoring Template", "template", {"description": "X"}, 403),
		]
		for who, doctype, key, values, expected in cases:
			with self.subTest(who=who, doctype=doctype):
				response = self.session(who).request(
					"PUT", self.resource(doctype, self.target(doctype, key)), json=values
				)
				self.assertStatus(response, expected, f"{who} writes {doctype}")

	def test_units_cannot_create_pledges(self):
		response = self.session("officer_A").request(
			"POST",
			self.resource("Emulation Pledge"),
			json={"bloc": self.world.bloc, "year": 2030, "head_unit": self.world.unit("A")},
		)
		self.assertStatus(response, 403, "officer creates a pledge")

	# ------------------------------------------------------------ frappe.client, search, report, export, print

	def call(self, who: str, method: str, http: str = "GET", **params) -> requests.Response:
		if http == "GET":
			return self.session(who).request("GET", f"/api/method/{method}", params=params)
		return self.session(who).request("POST", f"/api/method/{method}", data=params)

	def test_frappe_client(self):
		response = self.call("officer_B", "frappe.client.get", doctype=EVALUATION, name=self.evaluations["C"])
		self.assertStatus(response, 403, "client.get of another unit")
		response = self.call(
			"officer_B",
			"frappe.client.get_value",
			doctype=EVALUATION,
			fieldname="final_score",
			filters=json.dumps({"name": self.evaluations["C"]}),
		)
		self.assertFalse(response.json().get("message"))
		response = self.call("officer_B", "frappe.client.get_list", doctype=EVALUATION, fields='["name"]')
		self.assertEqual({row["name"] for row in response.json()["message"]}, {self.evaluations["B"]})
		response = self.call("officer_B", "frappe.client.get_count", doctype=EVALUATION)
		self.assertEqual(response.json()["message"], 1)

	def test_child_tables_and_attachments_follow_their_parent(self):
		def parents(who, doctype, parent_doctype):
			response = self.session(who).request(
				"GET",
				self.resource(doctype),
				params={"parent": parent_doctype, "fields": '["parent"]', "limit_page_length": 0},
			)
			self.assertStatus(response, 200, f"{who} lists {doctype}")
			return {row["parent"] for row in response.json()["data"]}

		self.assertEqual(parents("officer_B", "Evaluation Score", EVALUATION), {self.evaluations["B"]})
		self.assertEqual(
			parents("officer_A", "Evaluation Score", EVALUATION), {self.evaluations[k] for k in "ABD"}
		)
		self.assertEqual(parents("officer_X", "Pledge Signatory", "Emulation Pledge"), set())
		self.assertEqual(
			parents("officer_B", "Pledge Signatory", "Emulation Pledge"),
			{self.world.pledge, self.draft_pledge},
		)
		response = self.call("officer_B", "frappe.client.get_count", doctype="Evaluation Score")
		self.assertEqual(response.json()["message"], 25)
		response = self.session("officer_B").request(
			"GET",
			self.resource("File"),
			params={
				"fields": '["attached_to_name"]',
				"filters": json.dumps([["attached_to_doctype", "=", EVALUATION]]),
				"limit_page_length": 0,
			},
		)
		self.assertEqual(
			{row["attached_to_name"] for row in response.json()["data"]}, {self.evaluations["B"]}
		)

	def test_link_search(self):
		response = self.call(
			"officer_B", "frappe.desk.search.search_link", doctype=EVALUATION, txt="DGTD", page_length=50
		)
		self.assertEqual({row["value"] for row in response.json()["message"]}, {self.evaluations["B"]})

	def test_report_view(self):
		response = self.call(
			"officer_A",
			"frappe.desk.reportview.get",
			http="POST",
			doctype=EVALUATION,
			fields='["name"]',
			page_length=100,
		)
		self.assertEqual(
			{row[0] for row in response.json()["message"]["values"]}, {self.evaluations[k] for k in "ABD"}
		)

	def test_export(self):
		response = self.call(
			"officer_B",
			"frappe.desk.reportview.export_query",
			http="POST",
			doctype=EVALUATION,
			file_format_type="CSV",
			fields=json.dumps([f"`tab{EVALUATION}`.`name`", f"`tab{EVALUATION}`.`member_unit`"]),
			filters="[]",
		)
		self.assertStatus(response, 200, "export")
		self.assertIn(self.evaluations["B"], response.text)
		for letter in "ACD":
			self.assertNotIn(self.evaluations[letter], response.text)

	def test_report_and_its_export(self):
		def ranking(who):
			response = self.call(
				who,
				"frappe.desk.query_report.run",
				http="POST",
				report_name="Bloc Ranking",
				filters=json.dumps({"pledge": self.world.pledge}),
			)
			self.assertStatus(response, 200, f"{who} runs the ranking")
			return {row["name"] for row in response.json()["message"]["result"]}

		self.assertEqual(ranking("officer_B"), {self.evaluations["B"]})
		self.assertEqual(ranking("officer_A"), {self.evaluations[k] for k in "ABD"})
		response = self.call(
			"officer_B",
			"frappe.desk.query_report.export_query",
			http="POST",
			report_name="Bloc Ranking",
			file_format_type="CSV",
			filters=json.dumps({"pledge": self.world.pledge}),
			visible_idx="[]",
		)
		self.assertStatus(response, 200, "export of the ranking")
		self.assertIn(self.world.unit("B"), response.text)
		for letter in "ACD":
			self.assertNotIn(self.world.unit(letter), response.text)
		# The file says what it is, in its name and its first rows.
		self.assertIn(
			f"Bloc Ranking - {self.world.pledge} - 2017.csv", response.headers["Content-Disposition"]
		)
		first_lines = response.content.decode("utf-8-sig").splitlines()[:2]
		self.assertEqual(first_lines[0], "Bloc Ranking")
		self.assertIn(f"Pledge: {self.world.pledge}", first_lines[1])
		self.assertIn("Year: 2017", first_lines[1])
		response = self.call(
			"officer_B",
			"frappe.desk.query_report.export_query",
			http="POST",
			report_name="Bloc Ranking",
			file_format_type="Excel",
			filters=json.dumps({"pledge": self.world.pledge}),
			visible_idx="[]",
		)
		self.assertStatus(response, 200, "Excel export of the ranking")
		from io import BytesIO

		from openpyxl import load_workbook

		sheet = load_workbook(BytesIO(response.content)).active
		self.assertEqual(sheet["A1"].value, "Bloc Ranking")
		self.assertIn(f"Pledge: {self.world.pledge}", sheet["A2"].value)
		self.assertIn(self.world.unit("B"), [cell.value for row in sheet.iter_rows() for cell in row])
		response = self.call(
			"officer_X",
			"frappe.desk.query_report.run",
			http="POST",
			report_name="Bloc Ranking",
			filters=json.dumps({"pledge": self.world.pledge}),
		)
		self.assertStatus(response, 200, "a unit outside the bloc runs the ranking")
		self.assertEqual(response.json()["message"]["result"], [])

	def test_print(self):
		for who, letter, expected in (
			("officer_B", "C", 403),
			("officer_B", "B", 200),
			("officer_A", "B", 200),
		):
			with self.subTest(who=who, target=letter):
				response = self.call(
					who,
					"frappe.www.printview.get_html_and_style",
					doc=EVALUATION,
					name=self.evaluations[letter],
				)
				self.assertStatus(response, expected, f"{who} prints {letter}")

	# ------------------------------------------------------------ workflow through REST

	def apply(self, who: str, letter: str, action: str) -> requests.Response:
		frappe.db.rollback()
		doc = frappe.get_doc(EVALUATION, self.evaluations[letter]).as_dict(convert_dates_to_str=True)
		return self.call(
			who, "frappe.model.workflow.apply_workflow", http="POST", doc=json.dumps(doc), action=action
		)

	def test_workflow_transitions_by_role(self):
		# B waits for verification: a member that is not head or deputy has no such action.
		self.assertStatus(self.apply("officer_C", "B", "Verify"), 403, "member verifies another unit")
		self.assertStatus(self.apply("officer_B", "B", "Verify"), 417, "unit verifies itself")
		# D is verified: only the province approves.
		self.assertStatus(self.apply("officer_A", "D", "Approve"), 417, "head approves")
		self.assertStatus(self.apply("manager", "D", "Approve"), 200, "province approves")
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value(EVALUATION, self.evaluations["D"], ["workflow_state", "docstatus"]),
			("Approved", 1),
		)
