"""A unit's own review (bình xét tại đơn vị) in a real site: lines judged by the server from the
year's records, filled from them on request, refused at submission with the reason (an unqualified
title, short votes, the CSTĐCS quota with its numbers, one achievement one form); submitting writes
the unit head's decision with the reward money into the award ledger and keeps the provincial
titles as the unit's proposal; only the unit and the province read it.

World: units A–D of a bloc, X outside it; 2017 falls under the 2013 law (15 % CSTĐCS quota, no
unit-council threshold), 2024 under Law 2022 with Decree 98/2023 (80 % of the council for CSTĐCS)."""

import frappe

from thi_dua_app.tests.factories import act_on, make_division, make_division_year, make_staff, make_staff_year
from thi_dua_app.tests.utils import ThiDuaTestCase

REVIEW, PROPOSAL = "Unit Internal Review", "Award Proposal"


class TestUnitReview(ThiDuaTestCase):
	prefix = "TDReview"

	def staff(self, full_name: str, division: str | None = None, letter: str = "C") -> str:
		return make_staff(self.world.unit(letter), full_name, division)

	def year(self, member: str, year: int = 2017, rating: str = "HTXSNV", initiative: bool = True, **values):
		initiatives = [{"title": "Sáng kiến", "scope": "Unit"}] if initiative else []
		make_staff_year(member, year, rating, initiatives=initiatives, **values)

	def unit_of_c(self, year: int = 2017) -> dict[str, str]:
		"""C's division with its record, and four people of it: three with an initiative (CSTĐCS
		material), one good without (LĐTT only)."""
		division = make_division(self.world.unit("C"), "Phòng Tổng hợp")
		make_division_year(division, year)
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

	# ------------------------------------------------------------ the proposal to the province

	def signed_review_with_province_lines(self):
		"""C's review with a person's Bằng khen (two excellent years, an initiative each) and the
		division's TTLĐXS beside the unit head's titles, signed by C's leader."""
		names = self.unit_of_c()
		self.year(names["Một"], 2016)
		self.as_user("leader_C")
		doc = self.review(
			[
				self.person(names["Một"], "LDTT"),
				self.person(names["Một"], "BK_TINH", achievement="Hoàn thành xuất sắc nhiệm vụ hai năm liền"),
				{"recipient_kind": "Collective", "division": names["division"], "award_form": "TTLDTT"},
				{"recipient_kind": "Collective", "division": names["division"], "award_form": "TTLDXS"},
			]
		)
		doc.submit()
		frappe.set_user("Administrator")
		return names, doc

	def test_the_province_s_titles_become_the_unit_s_proposal(self):
		names, doc = self.signed_review_with_province_lines()
		self.assertEqual(doc.province_lines, 2)
		proposal = frappe.get_doc(PROPOSAL, doc.award_proposal)
		self.assertEqual(
			(proposal.internal_review, proposal.proposing_unit, proposal.proposer_name, proposal.year),
			(doc.name, self.world.unit("C"), self.world.unit("C"), 2017),
		)
		self.assertEqual(
			(proposal.workflow_state, proposal.signer_prefix, proposal.bloc), ("Draft", "", None)
		)
		# Named by the unit's code and the review's year.
		self.assertTrue(proposal.name.startswith("TTR-2017-TDREVIEWC-"), proposal.name)
		self.assertEqual(
			[
				(line.recipient_kind, line.staff_member, line.division, line.recipient_name, line.award_form)
				for line in proposal.lines
			],
			[
				("Individual", names["Một"], None, "Nguyễn Văn Một", "BK_TINH"),
				("Collective", None, names["division"], "Phòng Tổng hợp", "TTLDXS"),
			],
		)
		self.assertEqual(proposal.lines[0].achievement_summary, "Hoàn thành xuất sắc nhiệm vụ hai năm liền")
		self.assertIn("Based on the minutes of the emulation review of", proposal.legal_basis)
		# One proposal per review; a review that is not signed proposes nothing.
		self.assertRaises(
			frappe.DuplicateEntryError,
			frappe.get_doc(
				{"doctype": PROPOSAL, "internal_review": doc.name, "proposal_date": "2017-12-26"}
			).insert,
		)
		draft = self.review([self.person(names["Hai"], "LDTT")], year=2018)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"is not signed",
			frappe.get_doc(
				{"doctype": PROPOSAL, "internal_review": draft.name, "proposal_date": "2017-12-26"}
			).insert,
		)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"name one of them",
			frappe.get_doc({"doctype": PROPOSAL, "proposal_date": "2017-12-26"}).insert,
		)

	def test_only_the_unit_writes_its_proposal_and_the_header_stays_the_review_s(self):
		names, doc = self.signed_review_with_province_lines()
		name = doc.award_proposal
		for who, expected in (
			("officer_C", True),
			("leader_A", False),
			("officer_D", False),
			("officer_X", False),
		):
			self.as_user(who)
			self.assertEqual(frappe.has_permission(PROPOSAL, "read", name), expected, who)
			self.assertEqual(bool(frappe.get_list(PROPOSAL, filters={"name": name})), expected, who)
			self.assertEqual(
				bool(frappe.get_list("Proposal Line", filters={"parent": name}, parent_doctype=PROPOSAL)),
				expected,
				who,
			)
		# Another unit cannot make C's proposal its own, nor propose from C's review.
		self.as_user("officer_B")
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_doc(
				{"doctype": PROPOSAL, "internal_review": doc.name, "proposal_date": "2017-12-26"}
			).insert,
		)
		self.as_user("officer_C")
		proposal = frappe.get_doc(PROPOSAL, name)
		proposal.update(
			{
				"proposal_number": "05/TTr-STC",
				"proposing_unit": self.world.unit("B"),
				"head_unit": self.world.unit("B"),
				"year": 2016,
			}
		)
		proposal.lines[0].staff_member = names["Hai"]
		proposal.lines[0].recipient_name = "Người khác"
		proposal.save()
		stored = frappe.get_doc(PROPOSAL, name)
		self.assertEqual(
			(stored.proposal_number, stored.proposing_unit, stored.head_unit, stored.year),
			("05/TTr-STC", self.world.unit("C"), None, 2017),
		)
		self.assertEqual(
			(stored.lines[0].staff_member, stored.lines[0].recipient_name), (names["Một"], "Nguyễn Văn Một")
		)

	def through_the_council(self, decision_date: str = "2018-01-15") -> tuple[dict, str, object]:
		"""C's proposal sent, received, agreed, appraised and passed by the council; a draft
		decision of the province holding what the council passed."""
		names, doc = self.signed_review_with_province_lines()
		name = doc.award_proposal
		self.as_user("officer_C")
		act_on(PROPOSAL, name, "Send to province")
		self.as_user("manager")
		act_on(PROPOSAL, name, "Receive")
		proposal = frappe.get_doc(PROPOSAL, name)
		for line in proposal.lines:
			line.appraisal_result = "Agreed"
		proposal.save()
		act_on(PROPOSAL, name, "Appraise")
		session = frappe.get_doc(
			{
				"doctype": "Council Session",
				"session_date": "2018-01-05",
				"legal_regime": doc.legal_regime,
				"members_total": 20,
				"members_present": 15,
			}
		).insert()
		session.get_appraised_lines()
		session.reload()
		self.tallies = [row.recipient_name for row in session.tallies if row.award_proposal == name]
		for row in session.tallies:
			row.votes_for = 14
		session.save()
		session.submit()
		decision = frappe.get_doc(
			{
				"doctype": "Award Decision",
				"decision_number": "130/QĐ-UBND",
				"decision_date": decision_date,
				"year": 2017,
				"signer_name": "Chủ tịch",
				"lines": [],
			}
		).insert()
		decision.get_passed_lines()
		decision.reload()
		return names, name, decision

	def test_the_province_decides_the_unit_s_proposal_for_the_person_and_the_division(self):
		names, name, decision = self.through_the_council()
		self.assertEqual(self.tallies, ["Nguyễn Văn Một", "Phòng Tổng hợp"])
		ours = [line for line in decision.lines if line.award_proposal == name]
		self.assertEqual(
			[(line.recipient_kind, line.staff_member, line.division, line.award_form) for line in ours],
			[
				("Individual", names["Một"], None, "BK_TINH"),
				("Collective", None, names["division"], "TTLDXS"),
			],
		)
		self.assertEqual(ours[0].recipient_name, f"Nguyễn Văn Một, {self.world.unit('C')}")
		decision.submit()
		self.assertEqual(frappe.db.get_value(PROPOSAL, name, "workflow_state"), "Decided")
		records = frappe.get_all(
			"Award Record",
			filters={"award_decision": decision.name, "member_unit": self.world.unit("C")},
			fields=["staff_member", "division", "award_form"],
			order_by="award_form asc",
		)
		self.assertEqual(
			[(row.award_form, row.staff_member, row.division) for row in records],
			[("BK_TINH", names["Một"], None), ("TTLDXS", None, names["division"])],
		)

	def test_the_statistical_form_counts_the_awards_by_kind_proposer_and_recipient(self):
		import io

		from openpyxl import load_workbook

		from thi_dua_app.thi_dua.report.award_statistics.award_statistics import download_xlsx
		from thi_dua_app.thi_dua.report.award_statistics.award_statistics import execute as statistics

		day = "2018-01-17"
		names, _name, decision = self.through_the_council(day)
		frappe.db.set_value("Staff Member", names["Một"], "leadership_level", "Head of division")
		decision.submit()
		filters = {"statistical_form": "0603", "from_date": day, "to_date": day}
		self.as_user("manager")
		columns, rows = statistics(filters)[:2]
		self.assertIn("bk_tinh__individual", [column["fieldname"] for column in columns])
		by_label = {row["label"]: row for row in rows}
		self.assertEqual(
			{key: by_label["Total"][key] for key in ("total", "bk_tinh__individual", "ttldxs__collective")},
			{"total": 2, "bk_tinh__individual": 1, "ttldxs__collective": 1},
		)
		self.assertEqual(by_label["1. Regular"]["total"], 2)
		proposer = next(row for row in rows if row["label"].endswith(self.world.unit("C")))
		self.assertEqual(proposer["total"], 2)
		self.assertEqual(
			[
				by_label[label]["total"]
				for label in ("1. Collectives", "2. Individuals who lead or manage", "3. Other individuals")
			],
			[1, 1, 0],
		)
		# A period that ends before it starts, a form that does not exist: said, not raised.
		self.assertIn("ends before it starts", statistics({**filters, "to_date": "2018-01-01"})[2])
		self.assertEqual(statistics({**filters, "statistical_form": "0699"})[1], [])
		# The form itself, in Excel.
		frappe.local.response = frappe._dict()
		download_xlsx(frappe.as_json(filters))
		self.assertEqual(frappe.response.filename, "Bieu_0603_20180117_20180117.xlsx")
		sheet = load_workbook(io.BytesIO(frappe.response.filecontent)).active
		cells = {sheet.cell(row=row, column=1).value: row for row in range(1, sheet.max_row + 1)}
		self.assertIn("Form 0603.N/BNV-TĐKT", cells)
		row = next(number for label, number in cells.items() if str(label).endswith(self.world.unit("C")))
		self.assertEqual(sheet.cell(row=row, column=2).value, 2)
		self.assertRaises(frappe.ValidationError, download_xlsx, "[1]")
		self.assertRaises(
			frappe.ValidationError, download_xlsx, frappe.as_json({**filters, "from_date": "x"})
		)
		# The form is the province's.
		self.as_user("officer_C")
		self.assertRaises(frappe.PermissionError, download_xlsx, frappe.as_json(filters))

	def test_the_unit_s_letter_names_the_unit_and_counts_people_and_collectives(self):
		from thi_dua_app.thi_dua.doctype.award_proposal.award_proposal import proposal_letter

		_names, doc = self.signed_review_with_province_lines()
		proposal = frappe.get_doc(PROPOSAL, doc.award_proposal)
		self.in_vietnamese()
		letter = proposal_letter(proposal)
		self.assertEqual(letter.issuer, self.world.unit("C"))
		self.assertTrue(letter.from_unit)
		self.assertEqual(
			letter.forms,
			[
				("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "01 cá nhân"),
				("Tập thể lao động xuất sắc", "01 tập thể"),
			],
		)
		self.as_user("officer_C")
		printed = frappe.get_print(PROPOSAL, proposal.name, print_format="Tờ trình đề nghị khen thưởng")
		for text in ("Nguyễn Văn Một", "Phòng Tổng hợp", "01 cá nhân", self.world.unit("C")):
			self.assertIn(text, printed)
		self.assertNotIn("TM. KHỐI THI ĐUA", printed)
		# The same letter in Word, for the national electronic dossier.
		import io

		from docx import Document

		from thi_dua_app.thi_dua.word_export import download_docx

		frappe.local.response = frappe._dict()
		download_docx(PROPOSAL, proposal.name)
		word = Document(io.BytesIO(frappe.response.filecontent))
		text = "\n".join(
			[paragraph.text for paragraph in word.paragraphs]
			+ [cell.text for table in word.tables for row in table.rows for cell in row.cells]
		)
		for expected in ("Nguyễn Văn Một", "Phòng Tổng hợp", "01 cá nhân", "Cá nhân hoặc tập thể"):
			self.assertIn(expected, text)
		self.as_user("officer_B")
		self.assertRaises(frappe.PermissionError, download_docx, PROPOSAL, proposal.name)

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
