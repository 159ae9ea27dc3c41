"""A unit's own review (bình xét tại đơn vị) in a real site: lines judged by the server from the
year's records, filled from them on request, refused at submission with the reason (an unqualified
title, short votes, the CSTĐCS quota with its numbers, one achievement one form); submitting writes
the unit head's decision with the reward money into the award ledger and keeps the provincial
titles as the unit's proposal; only the unit and the province read it.

World: units A–D of a bloc, X outside it; 2017 falls under the 2013 law (15 % CSTĐCS quota, no
unit-council threshold), 2024 under Law 2022 with Decree 98/2023 (80 % of the council for CSTĐCS)."""

import frappe

from thi_dua_app.tests.utils import ThiDuaTestCase

REVIEW = "Unit Internal Review"


class TestUnitReview(ThiDuaTestCase):
	prefix = "TDReview"

	def staff(self, full_name: str, division: str | None = None, letter: str = "C") -> str:
		return (
			frappe.get_doc(
				{
					"doctype": "Staff Member",
					"full_name": full_name,
					"member_unit": self.world.unit(letter),
					"division": division,
					"recruited_on": "2010-01-01",
				}
			)
			.insert()
			.name
		)

	def year(self, member: str, year: int = 2017, rating: str = "HTXSNV", initiative: bool = True, **values):
		frappe.get_doc(
			{
				"doctype": "Staff Year Record",
				"staff_member": member,
				"year": year,
				"rating": rating,
				"months_worked": 12,
				"conduct": "Good",
				"initiatives": [{"title": "Sáng kiến", "scope": "Unit"}] if initiative else [],
				**values,
			}
		).insert()

	def unit_of_c(self, year: int = 2017) -> dict[str, str]:
		"""C's division with its record, and four people of it: three with an initiative (CSTĐCS
		material), one good without (LĐTT only)."""
		division = (
			frappe.get_doc(
				{
					"doctype": "Unit Division",
					"division_name": "Phòng Tổng hợp",
					"member_unit": self.world.unit("C"),
				}
			)
			.insert()
			.name
		)
		frappe.get_doc(
			{
				"doctype": "Division Year Record",
				"division": division,
				"year": year,
				"rating": "HTXSNV",
				"active_in_movements": "Yes",
				"united": "Yes",
			}
		).insert()
		names = {"division": division}
		for name, initiative in (("Một", True), ("Hai", True), ("Ba", True), ("Bốn", False)):
			names[name] = self.staff(f"Nguyễn Văn {name}", division)
			self.year(names[name], year, "HTXSNV" if initiative else "HTTNV", initiative)
		return names

	def review(self, lines: list[dict], year: int = 2017, **values):
		return frappe.get_doc(
			{
				"doctype": REVIEW,
				"member_unit": self.world.unit("C"),
				"year": year,
				"council_date": f"{year}-12-20",
				"council_members": 9,
				"decision_number": "15/QĐ-STC",
				"decision_date": f"{year}-12-25",
				"signer_title": "Giám đốc",
				"signer_name": "Head of C",
				"lines": lines,
				**values,
			}
		).insert()

	@staticmethod
	def person(member, title, **values):
		return {"recipient_kind": "Individual", "staff_member": member, "award_form": title, **values}

	# ------------------------------------------------------------ judged by the server

	def test_each_line_is_judged_by_the_server_not_the_client(self):
		names = self.unit_of_c()
		doc = self.review(
			[
				self.person(names["Một"], "LDTT", eligibility_status="Qualified", votes_for=9),
				self.person(names["Bốn"], "CSTDCS", eligibility_status="Qualified", destination="Unit head"),
				{"recipient_kind": "Collective", "division": names["division"], "award_form": "TTLDXS"},
				self.person(names["Một"], "GK"),
			]
		)
		self.assertEqual(
			[(line.recipient_name, line.eligibility_status, line.destination) for line in doc.lines],
			[
				("Nguyễn Văn Một", "Qualified", "Unit head"),
				("Nguyễn Văn Bốn", "Not qualified", "Unit head"),
				("Phòng Tổng hợp", "Qualified", "Province"),
				("Nguyễn Văn Một", "", "Unit head"),
			],
		)
		self.assertEqual(doc.lines[1].eligibility_reason, "No initiative or research recognised in 2017.")
		self.assertEqual(doc.lines[0].vote_percent, 100)
		self.assertEqual((doc.ldtt_count, doc.cstdcs_count, doc.cstdcs_quota), (1, 1, "0"))

	def test_only_the_unit_s_people_of_the_year_and_its_divisions(self):
		other = self.staff("Người B", letter="B")
		self.assertRaisesRegex(
			frappe.ValidationError, "serves in this unit", self.review, [self.person(other, "LDTT")]
		)
		division = frappe.get_doc(
			{"doctype": "Unit Division", "division_name": "Phòng B", "member_unit": self.world.unit("B")}
		).insert()
		self.assertRaisesRegex(
			frappe.ValidationError,
			"division of this unit",
			self.review,
			[{"recipient_kind": "Collective", "division": division.name, "award_form": "TTLDTT"}],
		)

	def test_fill_proposes_what_the_records_support(self):
		self.unit_of_c()
		doc = self.review([])
		doc.fill_lines()
		doc.reload()
		lines = {(line.recipient_name, line.award_form) for line in doc.lines}
		self.assertEqual(
			lines,
			{
				*(
					(f"Nguyễn Văn {name}", title)
					for name in ("Một", "Hai", "Ba")
					for title in ("LDTT", "CSTDCS")
				),
				("Nguyễn Văn Bốn", "LDTT"),
				("Phòng Tổng hợp", "TTLDTT"),
				("Phòng Tổng hợp", "TTLDXS"),
			},
		)

	# ------------------------------------------------------------ refused at submission

	def test_submission_refuses_with_the_reason_and_the_numbers(self):
		names = self.unit_of_c()
		unqualified = self.review([self.person(names["Bốn"], "LDTT"), self.person(names["Bốn"], "CSTDCS")])
		self.assertRaisesRegex(
			frappe.ValidationError, "Row 2: the recipient does not qualify", unqualified.submit
		)
		unqualified.delete()
		# 2017: 15 % of four LĐTT is 0.6 — no CSTĐCS at all.
		over = self.review(
			[
				*(self.person(names[name], "LDTT") for name in ("Một", "Hai", "Ba", "Bốn")),
				self.person(names["Một"], "CSTDCS"),
			]
		)
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"1 Chiến sĩ thi đua cơ sở proposed, but the quota allows 0: 15 % of the 4 Lao động tiên tiến",
			over.submit,
		)
		over.delete()
		both = self.review(
			[
				self.person(names["Một"], "LDTT"),
				self.person(names["Một"], "BK_TINH"),
				self.person(names["Một"], "CSTDT"),
			]
		)
		both.lines[1].eligibility_status = "Qualified"
		both.lines[2].eligibility_status = "Qualified"
		# The server judges again on submit: the first refusal is the unqualified Bằng khen.
		self.assertRaisesRegex(frappe.ValidationError, "does not qualify", both.submit)

	def test_the_council_s_votes_count_where_the_regime_sets_a_threshold(self):
		names = self.unit_of_c(2024)
		doc = self.review(
			[self.person(names["Một"], "LDTT"), self.person(names["Một"], "CSTDCS", votes_for=7)], year=2024
		)
		self.assertRaisesRegex(
			frappe.ValidationError,
			r"won 7 of 9 council votes \(77,78 %\); it needs at least 80 %",
			doc.submit,
		)
		doc.reload()
		doc.lines[1].votes_for = 8
		doc.save()
		doc.submit()
		self.assertTrue(doc.award_decision)

	# ------------------------------------------------------------ the decision and the ledger

	def test_submitting_writes_the_unit_head_s_decision_into_the_ledger(self):
		names = self.unit_of_c()
		lines = [
			*(self.person(names[name], "LDTT") for name in ("Một", "Hai", "Ba", "Bốn")),
			{"recipient_kind": "Collective", "division": names["division"], "award_form": "TTLDTT"},
			{"recipient_kind": "Collective", "division": names["division"], "award_form": "TTLDXS"},
		]
		self.as_user("officer_C")
		doc = self.review(lines)
		self.assertRaises(frappe.PermissionError, doc.submit)
		self.as_user("leader_C")
		doc = frappe.get_doc(REVIEW, doc.name)
		doc.submit()
		frappe.set_user("Administrator")
		decision = frappe.get_doc("Award Decision", doc.award_decision)
		self.assertEqual(decision.docstatus, 1)
		self.assertEqual(decision.decision_number, "15/QĐ-STC")
		# Signed by the unit's head in their own name, paid from the unit's fund.
		self.assertFalse(decision.signer_prefix)
		self.assertTrue(decision.fund_source.startswith("Emulation and reward fund of"))
		# 2017: base salary 1,300,000 from 1 July; LĐTT 0.3 → 390,000; TTLĐTT 0.8 → 1,040,000.
		self.assertEqual(
			sorted(
				(line.recipient_name.split(",")[0], line.award_form, line.amount) for line in decision.lines
			),
			sorted(
				[
					*((f"Nguyễn Văn {name}", "LDTT", 390000) for name in ("Một", "Hai", "Ba", "Bốn")),
					("Phòng Tổng hợp", "TTLDTT", 1040000),
				]
			),
		)
		records = frappe.get_all(
			"Award Record",
			filters={"award_decision": decision.name},
			fields=["staff_member", "division", "award_form", "recipient_kind"],
		)
		self.assertEqual(len(records), 5)
		self.assertEqual(
			{row.staff_member for row in records if row.award_form == "LDTT"},
			{names[n] for n in ("Một", "Hai", "Ba", "Bốn")},
		)
		self.assertEqual([row.division for row in records if row.award_form == "TTLDTT"], [names["division"]])
		# TTLĐXS is the province's: it stays on the review as the unit's proposal.
		self.assertEqual(doc.province_lines, 1)
		self.assertRaisesRegex(
			frappe.ValidationError, "revokes its decision", frappe.get_doc(REVIEW, doc.name).cancel
		)
		# Next year, one more year of LĐTT for them: the ledger counts it.
		self.assertEqual(
			frappe.db.count(
				"Award Record", {"staff_member": names["Một"], "year": 2017, "counts_for_streaks": 1}
			),
			1,
		)

	# ------------------------------------------------------------ who reads it

	def test_only_the_unit_and_the_province_read_it(self):
		names = self.unit_of_c()
		doc = self.review([self.person(names["Một"], "LDTT")])
		for who, expected in (
			("officer_C", True),
			("leader_A", False),
			("officer_B", False),
			("officer_X", False),
		):
			self.as_user(who)
			self.assertEqual(frappe.has_permission(REVIEW, "read", doc.name), expected, who)
			self.assertEqual(bool(frappe.get_list(REVIEW, filters={"name": doc.name})), expected, who)
		self.as_user("officer_B")
		self.assertFalse(frappe.get_doc(REVIEW, doc.name).has_permission("write"))
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_doc({"doctype": REVIEW, "member_unit": self.world.unit("C"), "year": 2018}).insert,
		)
