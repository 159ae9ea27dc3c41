"""Generated hostile payloads (Hypothesis) for every DocType of the app, sent through REST by a
unit officer: the server never answers 5xx, and after a 4xx nothing has been written."""

from __future__ import annotations

import json

import frappe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thi_dua_app.constants import APP_PARENT_DOCTYPES, CHILD_PARENTS
from thi_dua_app.tests.factories import (
	evaluation_of,
	make_meeting,
	outcome_chain,
	plant_person,
	stage_evaluations,
)
from thi_dua_app.tests.utils import RestTestCase

EVALUATION = "Emulation Evaluation"

HOSTILE = st.one_of(
	st.none(),
	st.booleans(),
	st.integers(min_value=-(2**70), max_value=2**70),
	st.floats(allow_nan=True, allow_infinity=True),
	st.text(max_size=40),
	st.sampled_from(
		[
			"x" * 70000,
			"<img src=x onerror=alert(1)>",
			'["<script>alert(1)</script>"]',
			"NaN",
			"abc",
			"2.7",
			"2017-13-45",
			"1' or '1'='1",
			"/private/files/../../site_config.json",
			"Administrator",
		]
	),
	st.lists(st.integers(), max_size=3),
	st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
SETTINGS = settings(
	max_examples=40,
	deadline=None,
	derandomize=True,
	database=None,
	suppress_health_check=list(HealthCheck),
)


def fields_of(doctype: str) -> list[str]:
	return [
		df.fieldname
		for df in frappe.get_meta(doctype).fields
		if df.fieldtype not in frappe.model.no_value_fields
	]


class TestHostileInput(RestTestCase):
	prefix = "TDHostile"

	@classmethod
	def stage(cls):
		stage_evaluations(cls.world)
		cls.own = evaluation_of(cls.world, "A").name  # A's draft: its officer may write it
		# The bloc meeting's draft minutes: A is the head unit, so its officer prepares them.
		cls.meeting = make_meeting(cls.world).name
		# The year's outcome for another year, to a draft decision, and a historic award of A.
		cls.outcome = outcome_chain(cls.world, 2019, "hostile")
		cls.people = plant_person(cls.world, "A", "hostile")
		cls.record = (
			frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": "Collective",
					"member_unit": cls.world.unit("A"),
					"award_form": "BK_TINH",
					"year": 2016,
					"decision_number": "12/QĐ-UBND",
					"decision_date": "2017-01-20",
				}
			)
			.insert()
			.name
		)

	def target(self, doctype: str) -> str:
		"""A stored document of each DocType that the officer's unit has to do with."""
		if doctype in CHILD_PARENTS:
			parent = CHILD_PARENTS[doctype][0]
			return frappe.db.get_value(doctype, {"parenttype": parent, "parent": self.target(parent)})
		return {
			EVALUATION: self.own,
			"Emulation Pledge": self.world.pledge,
			"Emulation Bloc": self.world.bloc,
			"Scoring Template": self.world.template,
			"Member Unit": self.world.unit("A"),
			"Bloc Review Meeting": self.meeting,
			"Award Proposal": self.outcome["proposal"],
			"Council Session": self.outcome["session"],
			"Award Decision": self.outcome["decision"],
			"Government Flag Proposal": self.outcome["government_flag"],
			"Award Record": self.record,
			**self.people,
			"Award Form": "CO_TINH",
			"Legal Regime": "LTDKT2013-ND91",
			"Base Salary Rate": frappe.db.get_value("Base Salary Rate", {"effective_from": "2017-07-01"}),
			"Thi Dua Settings": "Thi Dua Settings",
		}[doctype]

	def stored(self, doctype: str) -> str:
		"""Every row of the DocType, and of its own child tables, as the database holds them."""
		frappe.db.rollback()
		if frappe.get_meta(doctype).issingle:
			return frappe.as_json(
				frappe.db.sql(
					"select field, value from `tabSingles` where doctype = %s order by field",
					doctype,
					as_dict=True,
				)
			)
		tables = [doctype] + [df.options for df in frappe.get_meta(doctype).get_table_fields()]
		return frappe.as_json(
			{
				table: frappe.db.sql(f"select * from `tab{table}` order by name", as_dict=True)
				for table in tables
			}
		)

	def send(self, method: str, path: str, payload) -> None:
		before = self.stored(self.doctype)
		body = json.dumps(payload, allow_nan=True)
		response = self.session("officer_A").request(
			method, path, data=body, headers={"Content-Type": "application/json"}
		)
		self.assertLess(response.status_code, 500, f"{method} {path} {body[:300]}: {response.text[:500]}")
		if response.status_code >= 400:
			self.assertEqual(
				self.stored(self.doctype),
				before,
				f"{method} {path} {body[:300]} wrote after {response.status_code}",
			)

	def fuzz(self, doctype: str):
		self.doctype = CHILD_PARENTS[doctype][0] if doctype in CHILD_PARENTS else doctype
		name = self.target(doctype)
		payloads = st.dictionaries(st.sampled_from(fields_of(doctype)), HOSTILE, min_size=1, max_size=4)

		@SETTINGS
		@given(payload=payloads, create=st.booleans())
		def run(payload, create):
			if create:
				self.send("POST", f"/api/resource/{doctype}", payload)
			else:
				self.send("PUT", f"/api/resource/{doctype}/{name}", payload)

		run()

	def test_every_doctype(self):
		for doctype in [*APP_PARENT_DOCTYPES, *CHILD_PARENTS]:
			with self.subTest(doctype=doctype):
				self.fuzz(doctype)

	def test_rows_inside_the_own_evaluation(self):
		self.doctype = EVALUATION

		@SETTINGS
		@given(
			table=st.sampled_from(["scores", "target_results", "return_history"]),
			index=st.integers(min_value=0, max_value=30),
			field=st.sampled_from(
				[
					"self_score",
					"self_occurrences",
					"note",
					"evidence",
					"verified_score",
					"achieved_value",
					"name",
					"criterion_code",
					"idx",
					"parent",
				]
			),
			value=HOSTILE,
		)
		def run(table, index, field, value):
			frappe.db.rollback()
			doc = frappe.get_doc(EVALUATION, self.own).as_dict(convert_dates_to_str=True)
			rows = [dict(row) for row in doc.get(table) or [{}]]
			rows[index % len(rows)][field] = value
			self.send(
				"PUT", f"/api/resource/{EVALUATION}/{self.own}", {table: rows, "modified": doc["modified"]}
			)

		run()
