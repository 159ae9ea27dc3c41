"""The bloc meeting in a real site: the ranking it adopts and keeps, the candidates it starts from,
attendance and quorum, the ballot arithmetic and its refusals, who prepares, reads, submits and
cancels the minutes, and the two documents it prints."""

import frappe
from frappe.exceptions import UpdateAfterSubmitError

from thi_dua_app.tests.factories import count_ballot, evaluation_of, make_meeting, verify_everyone
from thi_dua_app.tests.utils import ThiDuaTestCase

MEETING = "Bloc Review Meeting"
# Criterion I.1 (at most 30) per unit, everything else at its maximum: finals 100, 98, 96, 94, 90.
FIRST_POINTS = {"A": 30, "B": 28, "C": 26, "D": 24, "E": 20}


class TestBlocReviewMeeting(ThiDuaTestCase):
	prefix = "TDMeeting"
	letters = "ABCDE"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		verify_everyone(cls.world, FIRST_POINTS)

	def unit(self, letter):
		return self.world.unit(letter)

	def meeting(self, **values):
		self.as_user("officer_A")
		return make_meeting(self.world, **values)

	def test_the_ranking_is_adopted_as_it_stands_and_kept(self):
		meeting = self.meeting()
		self.assertEqual(
			[(row.bloc_rank, row.member_unit, row.final_score) for row in meeting.ranking],
			[
				(1, self.unit("A"), 100),
				(2, self.unit("B"), 98),
				(3, self.unit("C"), 96),
				(4, self.unit("D"), 94),
				(5, self.unit("E"), 90),
			],
		)
		self.assertEqual(meeting.legal_regime, "LTDKT2013-ND91")
		frappe.db.set_value("Emulation Evaluation", evaluation_of(self.world, "E").name, "final_score", 99)
		meeting.reload()
		meeting.venue = "Phòng họp số 2"
		meeting.save()
		self.assertEqual(meeting.ranking[4].final_score, 90)
		meeting.adopt_ranking_again()
		meeting.reload()
		self.assertEqual(meeting.ranking[4].final_score, 99)

	def test_a_client_cannot_rewrite_the_adopted_ranking(self):
		meeting = self.meeting()
		meeting.ranking[4].final_score = 120
		meeting.ranking[4].bloc_rank = 1
		meeting.save()
		meeting.reload()
		self.assertEqual((meeting.ranking[4].bloc_rank, meeting.ranking[4].final_score), (5, 90))

	def test_candidates_start_from_the_ranking_and_the_quotas(self):
		meeting = self.meeting()
		# The 2017 regime: one Cờ and two Bằng khen per bloc.
		self.assertEqual(
			[(row.member_unit, row.award_form, row.bloc_rank) for row in meeting.candidates],
			[(self.unit("A"), "CO_TINH", 1), (self.unit("B"), "BK_TINH", 2), (self.unit("C"), "BK_TINH", 3)],
		)

	def test_attendance_is_every_signatory_and_decides_the_quorum(self):
		meeting = self.meeting()
		self.assertEqual([row.member_unit for row in meeting.attendance], self.world.units)
		self.assertEqual((meeting.members_total, meeting.members_present, meeting.quorum_met), (5, 5, 1))
		# Two thirds of 5 is 3.33: four units must be present.
		meeting.attendance[3].present = 0
		meeting.attendance[3].absence_reason = "Công tác"
		meeting.attendance[4].present = 0
		meeting.save()
		self.assertEqual((meeting.members_present, meeting.quorum_met, meeting.quorum_percent), (3, 0, 66.67))
		count_ballot(meeting, {(self.unit("A"), "CO_TINH"): (3, 0)}, issued=3)
		meeting.save()
		self.assertRaisesRegex(frappe.ValidationError, "3 of 5 member units present", meeting.submit)

	def test_the_ballot_is_counted_against_the_thresholds_and_quotas(self):
		meeting = self.meeting()
		count_ballot(
			meeting,
			{
				(self.unit("A"), "CO_TINH"): (5, 0),  # 5 / 5 = 100 % ≥ 80 %
				(self.unit("B"), "BK_TINH"): (3, 2),  # 3 / 5 = 60 % > 50 %
				(self.unit("C"), "BK_TINH"): (2, 3),  # 2 / 5 = 40 %
			},
			issued=5,
		)
		meeting.save()
		self.assertEqual(
			[(row.vote_percent, row.passed, row.selected, row.result_note) for row in meeting.candidates],
			[(100, 1, 1, "Selected"), (60, 1, 1, "Selected"), (40, 0, 0, "Not passed")],
		)

	def test_quota_picks_by_votes_then_rank_and_one_form_per_unit(self):
		meeting = self.meeting()
		meeting.append("candidates", {"member_unit": self.unit("E"), "award_form": "BK_TINH"})
		meeting.append("candidates", {"member_unit": self.unit("A"), "award_form": "BK_TINH"})
		count_ballot(
			meeting,
			{
				(self.unit("A"), "CO_TINH"): (5, 0),
				(self.unit("B"), "BK_TINH"): (4, 1),
				(self.unit("C"), "BK_TINH"): (4, 1),  # the same votes as B, ranked after it
				(self.unit("E"), "BK_TINH"): (5, 0),
				(self.unit("A"), "BK_TINH"): (5, 0),  # already the bloc's Cờ
			},
			issued=5,
		)
		meeting.save()
		self.assertEqual(
			[(row.member_unit, row.award_form, row.selected, row.result_note) for row in meeting.candidates],
			[
				(self.unit("A"), "CO_TINH", 1, "Selected"),
				(self.unit("B"), "BK_TINH", 1, "Selected"),
				(self.unit("C"), "BK_TINH", 0, "Passed, over the quota"),
				(self.unit("E"), "BK_TINH", 1, "Selected"),
				(self.unit("A"), "BK_TINH", 0, "Selected for CO_TINH"),
			],
		)

	def test_tallies_that_cannot_be_true_are_refused_with_their_numbers(self):
		meeting = self.meeting()
		count_ballot(meeting, {(self.unit("A"), "CO_TINH"): (4, 2)}, issued=5)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"4 votes for and 2 against are more than the 5 valid ballots",
			meeting.save,
		)
		meeting.reload()
		count_ballot(meeting, {}, issued=6)
		self.assertRaisesRegex(
			frappe.ValidationError, "6 ballots were issued but only 5 member units are present", meeting.save
		)
		meeting.reload()
		count_ballot(meeting, {}, issued=5)
		meeting.ballots_invalid = 1
		self.assertRaisesRegex(
			frappe.ValidationError,
			"5 valid and 1 invalid ballots do not add up to the 5 returned",
			meeting.save,
		)
		meeting.reload()
		count_ballot(meeting, {}, issued=5)
		meeting.ballots_returned = 6
		self.assertRaisesRegex(
			frappe.ValidationError, "6 ballots were returned but only 5 were issued", meeting.save
		)

	def test_the_head_finds_the_ranked_units_to_put_up(self):
		"""The head's officers read only their own Member Unit; the candidates' field asks the
		meeting's own query, which answers with the adopted ranking to who may write the minutes."""
		from thi_dua_app.framework_api import search_link

		meeting = self.meeting()
		query = "thi_dua_app.thi_dua.doctype.bloc_review_meeting.bloc_review_meeting.candidate_units"

		def found(txt="", filters=None):
			return [
				row["value"]
				for row in search_link(
					"Member Unit", txt, query=query, filters=filters or {"meeting": meeting.name}
				)
			]

		self.assertEqual(found(), [self.unit(x) for x in "ABCDE"])
		self.assertEqual(found("unit c"), [self.unit("C")])
		self.assertEqual(found(filters={"meeting": "no such minutes"}), [])
		self.assertEqual([row["value"] for row in search_link("Member Unit", "")], [self.unit("A")])
		for key in ("officer_B", "officer_X", "outsider"):
			self.as_user(key)
			self.assertEqual(found(), [], key)
		self.as_user("officer_A")
		meeting.reload()
		meeting.append("candidates", {"member_unit": self.unit("E"), "award_form": "BK_TINH"})
		meeting.save()
		self.assertIn(self.unit("E"), [row.member_unit for row in meeting.candidates])

	def test_a_candidate_must_be_ranked(self):
		meeting = self.meeting()
		meeting.append("candidates", {"member_unit": self.world.outside_unit, "award_form": "BK_TINH"})
		self.assertRaisesRegex(frappe.ValidationError, "is not in the adopted ranking", meeting.save)

	def test_one_meeting_per_pledge_on_a_signed_pledge(self):
		self.meeting()
		self.assertRaises(frappe.DuplicateEntryError, make_meeting, self.world)

	def test_the_head_or_deputy_prepares_and_members_read_once_submitted(self):
		self.as_user("officer_B")
		self.assertRaises(frappe.PermissionError, make_meeting, self.world)
		self.as_user("officer_D")
		meeting = make_meeting(self.world)
		for who, may_read in (
			("officer_A", True),
			("officer_B", False),
			("officer_X", False),
			("viewer", True),
		):
			with self.subTest(who=who):
				self.assertEqual(
					frappe.has_permission(MEETING, "read", meeting.name, user=self.world.user(who)), may_read
				)
		self.assertEqual(
			frappe.get_list(MEETING, filters={"name": meeting.name}, user=self.world.user("officer_B")), []
		)
		count_ballot(meeting, {(self.unit("A"), "CO_TINH"): (5, 0)}, issued=5)
		meeting.save()
		self.as_user("leader_A")
		meeting = frappe.get_doc(MEETING, meeting.name)
		meeting.submit()
		for who, may_read in (("officer_B", True), ("officer_X", False), ("outsider", False)):
			with self.subTest(who=who, submitted=True):
				self.assertEqual(
					frappe.has_permission(MEETING, "read", meeting.name, user=self.world.user(who)), may_read
				)
		self.assertFalse(
			frappe.has_permission(MEETING, "write", meeting.name, user=self.world.user("officer_B"))
		)

	def test_submitted_minutes_are_locked_and_only_the_province_cancels(self):
		meeting = self.meeting()
		count_ballot(meeting, {(self.unit("A"), "CO_TINH"): (5, 0)}, issued=5)
		meeting.save()
		meeting.submit()
		meeting.venue = "Elsewhere"
		self.assertRaises(UpdateAfterSubmitError, meeting.save)
		meeting.reload()
		self.assertRaises(frappe.PermissionError, meeting.cancel)
		self.as_user("manager")
		frappe.get_doc(MEETING, meeting.name).cancel()
		self.assertEqual(frappe.db.get_value(MEETING, meeting.name, "docstatus"), 2)

	def test_submitting_needs_the_ballot_and_the_chair(self):
		meeting = self.meeting(secretary_name="")
		self.assertRaisesRegex(frappe.ValidationError, "Enter the ballot count", meeting.submit)
		meeting.reload()
		count_ballot(meeting, {(self.unit("A"), "CO_TINH"): (5, 0)}, issued=5)
		self.assertRaisesRegex(frappe.ValidationError, "the chair and the secretary", meeting.submit)

	def test_the_minutes_and_the_ballot_count_print(self):
		meeting = self.meeting(venue="<b>Hội trường</b>", minutes_number="05/BB-KTĐ")
		count_ballot(
			meeting,
			{
				(self.unit("A"), "CO_TINH"): (5, 0),
				(self.unit("B"), "BK_TINH"): (3, 2),
				(self.unit("C"), "BK_TINH"): (2, 3),
			},
			issued=5,
		)
		meeting.save()
		self.in_vietnamese()
		minutes = frappe.get_print(MEETING, meeting.name, print_format="Biên bản họp bình xét khối")
		self.assertIn("05/BB-KTĐ", minutes)
		self.assertIn("&lt;b&gt;Hội trường&lt;/b&gt;", minutes)
		self.assertNotIn("<b>Hội trường", minutes)
		self.assertIn("Cờ thi đua của Ủy ban nhân dân tỉnh", minutes)
		self.assertIn("ngày 08 tháng 12 năm 2017", minutes)
		count = frappe.get_print(MEETING, meeting.name, print_format="Biên bản kiểm phiếu")
		for text in (self.unit("B"), "60", "LTDKT2013-ND91"):
			self.assertIn(text, count)
