"""The province's proposal of the Government's emulation flag in a real site: only the year's bloc
leaders, the council's vote against the decree's threshold, the share of the bloc leaders as a
warning that the province overrides with a reason, the Prime Minister's decision made from it and
written into the ledger, the letter, and who may see it."""

import frappe

from thi_dua_app.tests.factories import hold_meeting, verify_everyone
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.doctype.government_flag_proposal.government_flag_proposal import (
	make_award_decision,
)

PROPOSAL = "Government Flag Proposal"


def new_decision(proposal: str):
	"""The decision the desk opens from the proposal, as a document of this process."""
	values = make_award_decision(proposal)
	values.pop("__islocal")
	for row in values["lines"]:
		row.pop("__islocal")
	return frappe.get_doc(values)


class TestGovernmentFlagProposal(ThiDuaTestCase):
	prefix = "TDGovFlag"
	letters = "ABCDEF"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		verify_everyone(cls.world, {"A": 30, "B": 28, "C": 26, "D": 24, "E": 22, "F": 20})
		frappe.set_user(cls.world.user("officer_A"))
		cls.meeting = hold_meeting(cls.world, {"A": (6, 0), "B": (5, 1), "C": (4, 2)}).name
		frappe.set_user("Administrator")
		# Five collectives hold the province's flag for 2017 (A through its bloc's meeting): the
		# Government's share of 20 % allows one. F does not hold it.
		for letter in "ABCDE":
			frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": "Collective",
					"member_unit": cls.world.unit(letter),
					"award_form": "CO_TINH",
					"year": 2017,
					"decision_number": "125/QĐ-UBND",
					"decision_date": "2018-01-15",
					"issued_by": "Chủ tịch UBND tỉnh Bắc Ninh",
				}
			).insert()

	def unit(self, letter):
		return self.world.unit(letter)

	def proposal(self, votes: dict[str, int] | None = None, present=18, total=20, **values):
		"""A draft of the manager's for 2017 with the bloc leaders and the given votes for."""
		self.as_user("manager")
		doc = frappe.get_doc(
			{
				"doctype": PROPOSAL,
				"year": 2017,
				"province": "Bắc Ninh",
				"proposal_number": "45/TTr-UBND",
				"proposal_date": "2018-03-20",
				"signer_name": "Nguyễn Tử Quỳnh",
				"council_date": "2018-03-10",
				"council_minutes_number": "02/BB-HĐTĐKT",
				"members_total": total,
				"members_present": present,
				**values,
			}
		).insert()
		doc.get_bloc_leaders()
		doc.reload()
		for row in doc.lines:
			row.votes_for = (votes or {}).get(row.member_unit[-1], 0)
		doc.save()
		return doc

	def test_the_bloc_leaders_of_the_year_are_listed_with_their_flag(self):
		doc = self.proposal()
		self.assertEqual([row.member_unit for row in doc.lines], [self.unit(x) for x in "ABCDE"])
		first = doc.lines[0]
		self.assertEqual((first.bloc, first.provincial_decision), (self.world.bloc, "125/QĐ-UBND"))
		self.assertTrue(frappe.db.exists("Award Record", first.award_record))
		self.assertEqual(doc.legal_regime, "LTDKT2013-ND91")
		self.assertIn("91/2017/NĐ-CP", doc.legal_basis)
		self.assertIn("02/BB-HĐTĐKT", doc.legal_basis)
		self.assertEqual((doc.leading_collectives, doc.quota_percent, doc.quota_max), (5, 20, 1))

	def test_only_a_bloc_leader_is_proposed_once(self):
		doc = self.proposal()
		doc.append("lines", {"member_unit": self.unit("F")})
		with self.assertRaisesRegex(frappe.ValidationError, "TDGovFlag Unit F was not awarded"):
			doc.save()
		doc.reload()
		doc.append("lines", {"member_unit": self.unit("A")})
		with self.assertRaisesRegex(frappe.ValidationError, "is proposed twice"):
			doc.save()
		doc.reload()
		# What the form sends for the server's columns is not kept.
		doc.lines[0].provincial_decision = "999/QĐ-UBND"
		doc.lines[0].award_record = doc.lines[1].award_record
		doc.save()
		self.assertEqual(doc.lines[0].provincial_decision, "125/QĐ-UBND")
		self.assertEqual(
			frappe.db.get_value("Award Record", doc.lines[0].award_record, "member_unit"), self.unit("A")
		)
		other = frappe.get_doc({"doctype": PROPOSAL, "year": 2017, "proposal_date": "2018-03-21"})
		other.append("lines", {"member_unit": self.unit("A")})
		with self.assertRaisesRegex(frappe.ValidationError, "already in another proposal"):
			other.insert()

	def test_the_council_votes_against_the_decrees_threshold(self):
		# 80 % of all 20 members: 16 votes pass, 15 do not, whoever is present.
		doc = self.proposal({"A": 16, "B": 15})
		self.assertEqual([(row.vote_percent, row.passed) for row in doc.lines[:2]], [(80.0, 1), (75.0, 0)])
		self.assertEqual((doc.quorum_percent, doc.quorum_met, doc.over_quota), (66.67, 1, 0))
		doc.lines[0].votes_for = 19
		with self.assertRaisesRegex(frappe.ValidationError, "19 votes for, but 18 members are present"):
			doc.save()

	def test_no_quorum_no_proposal(self):
		undated = self.proposal({"A": 18}, council_date=None)
		with self.assertRaisesRegex(frappe.ValidationError, "Enter the date of the council's session"):
			undated.submit()
		frappe.db.rollback(save_point="thi_dua_test")
		frappe.db.savepoint("thi_dua_test")
		doc = self.proposal({"A": 13}, present=13)
		self.assertEqual(doc.quorum_met, 0)
		with self.assertRaisesRegex(frappe.ValidationError, "13 of 20 members present, 66,67 % needed"):
			doc.submit()

	def test_above_the_share_warns_and_needs_the_reason(self):
		frappe.clear_messages()
		doc = self.proposal({"A": 18, "B": 17})
		self.assertEqual((doc.proposed_count, doc.quota_max, doc.over_quota), (2, 1, 1))
		self.assertTrue(any("above the share" in str(message) for message in frappe.get_message_log()))
		with self.assertRaisesRegex(
			frappe.ValidationError, r"2 collectives passed .* 20 % of the 5 bloc leaders \(at most 1\)"
		):
			doc.submit()
		self.assertEqual(frappe.db.get_value(PROPOSAL, doc.name, "docstatus"), 0)
		doc.reload()
		doc.quota_override_reason = "Hai tập thể dẫn đầu hai khối lớn, thành tích nổi bật"
		frappe.clear_messages()
		doc.save()
		self.assertFalse(any("above the share" in str(message) for message in frappe.get_message_log()))
		doc.submit()
		self.assertEqual(frappe.db.get_value(PROPOSAL, doc.name, "docstatus"), 1)
		# The quota check shows the province's row with its reason.
		from thi_dua_app.thi_dua.report.award_quota_check.award_quota_check import execute

		rows = [row for row in execute(frappe._dict(year=2017))[1] if row["award_form"] == "CO_CP"]
		self.assertEqual(
			[(row["selected"], row["quota"], row["reason"]) for row in rows],
			[(2, 1, "Hai tập thể dẫn đầu hai khối lớn, thành tích nổi bật")],
		)

	def test_within_the_share_no_reason_is_asked(self):
		doc = self.proposal({"A": 18, "B": 3})
		self.assertEqual((doc.proposed_count, doc.over_quota), (1, 0))
		doc.submit()
		# B, not passed, may be put to the council again; a later proposal of the year counts the
		# first one's flag.
		self.as_user("manager")
		late = frappe.get_doc(
			{
				"doctype": PROPOSAL,
				"year": 2017,
				"proposal_date": "2018-04-01",
				"members_total": 20,
				"members_present": 18,
				"council_date": "2018-03-30",
				"lines": [{"member_unit": self.unit("B"), "votes_for": 17}],
			}
		).insert()
		self.assertEqual((late.proposed_count, late.over_quota), (2, 1))

	def test_the_prime_ministers_decision_writes_the_ledger(self):
		doc = self.proposal({"A": 18, "B": 10})
		doc.submit()
		decision = new_decision(doc.name)
		self.assertEqual(
			[(row.member_unit, row.award_form, row.government_proposal) for row in decision.lines],
			[(self.unit("A"), "CO_CP", doc.name)],
		)
		decision.update(
			{"decision_number": "512/QĐ-TTg", "decision_date": "2018-06-12", "signer_name": "Trương Hòa Bình"}
		)
		decision.insert()
		# 12.0 × 1,300,000 in force on 12/06/2018.
		self.assertEqual((decision.lines[0].coefficient, decision.lines[0].amount), (12.0, 15_600_000))
		decision.submit()
		record = frappe.get_all(
			"Award Record",
			filters={"award_decision": decision.name},
			fields=["member_unit", "award_form", "year", "issued_by"],
		)
		self.assertEqual(
			[tuple(row.values()) for row in record], [(self.unit("A"), "CO_CP", 2017, "THỦ TƯỚNG CHÍNH PHỦ")]
		)
		again = new_decision(doc.name)
		again.update({"decision_number": "513/QĐ-TTg", "decision_date": "2018-06-13", "signer_name": "X"})
		with self.assertRaisesRegex(frappe.ValidationError, "has already awarded this proposal's flag"):
			again.insert()
		# A collective the council did not pass is not awarded on this proposal.
		hand = frappe.new_doc("Award Decision")
		hand.update({"decision_number": "514/QĐ-TTg", "decision_date": "2018-06-13", "year": 2017})
		hand.append(
			"lines",
			{
				"member_unit": self.unit("B"),
				"award_form": "CO_CP",
				"recipient_kind": "Collective",
				"government_proposal": doc.name,
			},
		)
		with self.assertRaisesRegex(frappe.ValidationError, "not a collective that proposal"):
			hand.insert()

	def test_the_deadline_is_the_regimes(self):
		# Under Decree 152/2025 (Bắc Ninh's profile), by 30 June of the next year.
		self.as_user("manager")
		doc = frappe.get_doc(
			{"doctype": PROPOSAL, "year": 2026, "province": "Bắc Ninh", "proposal_date": "2027-07-02"}
		)
		doc.insert()
		self.assertEqual(
			(doc.legal_regime, str(doc.dossier_deadline), doc.late), ("LTDKT2022-ND152-BN", "2027-06-30", 1)
		)
		# The Government's flag keeps the decree's 80 % of all members, not the province's majority.
		from thi_dua_app.thi_dua.legal import Regime

		threshold = Regime(doc.legal_regime).thresholds("Provincial council")["CO_CP"]
		self.assertEqual((threshold.ratio, threshold.base), (0.8, "All members"))

	def test_the_letter_prints_with_the_reason(self):
		doc = self.proposal({"A": 18, "B": 17})
		doc.quota_override_reason = "<b>Thành tích</b> nổi bật"
		doc.save()
		doc.submit()
		html = frappe.get_print(PROPOSAL, doc.name, "Tờ trình đề nghị Cờ thi đua của Chính phủ")
		self.assertIn("45/TTr-UBND", html)
		self.assertIn("&lt;b&gt;Thành tích&lt;/b&gt; nổi bật", html)
		self.assertNotIn("<b>Thành tích</b>", html)
		self.assertIn(self.unit("B"), html)

	def test_the_letter_exports_to_word(self):
		import io

		from docx import Document

		from thi_dua_app.thi_dua.word_export import download_docx

		doc = self.proposal({"A": 18, "B": 17}, quota_override_reason="Thành tích nổi bật")
		doc.submit()
		self.in_vietnamese()
		frappe.local.response = frappe._dict()
		download_docx(PROPOSAL, doc.name)
		word = Document(io.BytesIO(frappe.response.filecontent))
		cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
		text = "\n".join([paragraph.text for paragraph in word.paragraphs] + cells)
		for expected in (
			"Số: 45/TTr-UBND",
			"Cờ thi đua của Chính phủ",
			"vượt tỷ lệ 20%",
			"Thành tích nổi bật",
			self.unit("B"),
			"125/QĐ-UBND",
		):
			self.assertIn(expected, text)
		self.assertNotIn(self.unit("C"), text)
		self.as_user("officer_A")
		self.assertRaises(frappe.PermissionError, download_docx, PROPOSAL, doc.name)

	def test_the_proposal_is_the_provinces(self):
		doc = self.proposal({"A": 18})
		for key in ("officer_A", "leader_A", "officer_B"):
			self.as_user(key)
			self.assertFalse(frappe.has_permission(PROPOSAL, "read", doc.name), key)
			self.assertRaises(frappe.PermissionError, frappe.get_list, PROPOSAL, filters={"name": doc.name})
			self.assertRaises(frappe.PermissionError, make_award_decision, doc.name)
		self.as_user("viewer")
		self.assertTrue(frappe.has_permission(PROPOSAL, "read", doc.name))
		self.assertFalse(frappe.has_permission(PROPOSAL, "write", doc.name))
