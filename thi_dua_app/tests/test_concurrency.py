"""Work that happens at the same moment: verifications of one bloc by its head and deputy, and two
people saving one evaluation — as real users through a running web server of the test site
(threaded, so the requests overlap in the database)."""

from __future__ import annotations

import threading

import frappe

from thi_dua_app.constants import SUBMIT_SELF_ASSESSMENT, VERIFIED
from thi_dua_app.tests.factories import act, evaluation_of, fill
from thi_dua_app.tests.utils import RestSession, RestTestCase

EVALUATION = "Emulation Evaluation"


def at_once(calls):
	"""Run the calls in threads released together; their answers in order."""
	barrier = threading.Barrier(len(calls))
	answers = [None] * len(calls)

	def run(index, call):
		barrier.wait()
		answers[index] = call()

	threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join(120)
	return answers


class TestConcurrency(RestTestCase):
	prefix = "TDConc"
	letters = "ABCDEFGH"

	@classmethod
	def stage(cls):
		frappe.get_doc("Emulation Pledge", cls.world.pledge).create_evaluations()
		# B, C, E, F and G self-assessed, each with its own score on criterion I.1 (no ties); H a draft.
		for points, letter in zip((10, 9, 8, 7, 6), "BCEFG", strict=True):
			evaluation = fill(evaluation_of(cls.world, letter), scores={"I.1": points})
			evaluation.save()
			act(evaluation.name, SUBMIT_SELF_ASSESSMENT)

	def verify(self, session: RestSession, letter: str):
		doc = evaluation_of(self.world, letter).as_dict(convert_dates_to_str=True)
		return lambda: session.request(
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": frappe.as_json(doc), "action": "Verify"},
		)

	def test_simultaneous_verifications_all_succeed_and_rank_1_to_n(self):
		frappe.db.rollback()
		verifiers = {
			"B": self.new_session("officer_A"),
			"C": self.new_session("officer_D"),
			"E": self.new_session("leader_A"),
			"F": self.new_session("leader_D"),
			"G": self.new_session("officer_A"),
		}
		calls = [self.verify(session, letter) for letter, session in verifiers.items()]
		answers = at_once(calls)
		self.assertEqual(
			[answer.status_code for answer in answers],
			[200] * len(calls),
			[a.text[:300] for a in answers if a.status_code != 200],
		)
		frappe.db.rollback()
		rows = frappe.get_all(
			EVALUATION,
			filters={"pledge": self.world.pledge, "workflow_state": VERIFIED},
			fields=["member_unit", "bloc_rank"],
			order_by="bloc_rank",
		)
		self.assertEqual(
			[(row.member_unit, row.bloc_rank) for row in rows],
			[(self.world.unit(letter), rank) for rank, letter in enumerate("BCEFG", start=1)],
		)

	def test_simultaneous_saves_of_one_evaluation_one_wins(self):
		frappe.db.rollback()
		doc = evaluation_of(self.world, "H").as_dict(convert_dates_to_str=True)
		sessions = {"officer_H": self.new_session("officer_H"), "leader_H": self.new_session("leader_H")}

		def save(who):
			scores = [dict(row) for row in doc["scores"]]
			scores[0]["note"] = f"saved by {who}"
			return lambda: sessions[who].request(
				"PUT",
				f"/api/resource/{EVALUATION}/{doc['name']}",
				json={"modified": doc["modified"], "scores": scores},
			)

		answers = at_once([save("officer_H"), save("leader_H")])
		self.assertEqual(
			sorted(answer.status_code for answer in answers), [200, 417], [a.text[:300] for a in answers]
		)
		loser = next(answer for answer in answers if answer.status_code == 417)
		self.assertIn("TimestampMismatchError", loser.text)
		winner = "officer_H" if answers[0].status_code == 200 else "leader_H"
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value("Evaluation Score", {"parent": doc["name"], "idx": 1}, "note"),
			f"saved by {winner}",
		)
