"""People and their titles in a real site: staff records with the history of the units they served
in, per-year records that stay with the unit of that year, who reads and writes them, the ledger
naming a person, and the verdicts of the title eligibility report — in Vietnamese, with the
deciding condition and its numbers, in a number of queries that does not grow with the people.

World: units A–D of a bloc, X outside it; 2017 falls under the 2013 law (Nghị định 91/2017)."""

import frappe
from frappe.utils import add_days, today

from thi_dua_app.tests.factories import make_division, make_division_year, make_staff, make_staff_year
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua import people
from thi_dua_app.thi_dua.report.award_history.award_history import execute as award_history
from thi_dua_app.thi_dua.report.title_eligibility import title_eligibility

STAFF, YEAR_RECORD = "Staff Member", "Staff Year Record"


class TestPeople(ThiDuaTestCase):
	prefix = "TDPeople"

	def staff(self, letter: str, full_name: str, **values) -> str:
		return make_staff(self.world.unit(letter), full_name, **values)

	def year(self, member: str, year: int, rating: str = "HTTNV", **values) -> str:
		return make_staff_year(member, year, rating, **values)

	def award(self, letter: str, member: str, year: int, form: str = "CSTDCS", **values) -> str:
		return (
			frappe.get_doc(
				{
					"doctype": "Award Record",
					"recipient_kind": "Individual",
					"member_unit": self.world.unit(letter),
					"staff_member": member,
					"award_form": form,
					"year": year,
					"award_type": "Regular",
					"decision_number": f"{year - 2000}/QĐ-{letter}",
					"decision_date": f"{year + 1}-01-10",
					**values,
				}
			)
			.insert()
			.name
		)

	# ------------------------------------------------------------ records and their history

	def test_a_person_starts_with_their_unit_and_a_transfer_keeps_the_history(self):
		member = self.staff("C", "  Nguyễn   Văn  Chuyển ")
		doc = frappe.get_doc(STAFF, member)
		self.assertEqual(doc.full_name, "Nguyễn Văn Chuyển")
		self.assertEqual(
			[(row.member_unit, str(row.from_date)) for row in doc.assignments],
			[(self.world.unit("C"), "2010-01-01")],
		)
		doc.member_unit = self.world.unit("B")
		doc.save()
		rows = [
			(row.member_unit, str(row.from_date), row.to_date and str(row.to_date)) for row in doc.assignments
		]
		self.assertEqual(
			rows,
			[
				(self.world.unit("C"), "2010-01-01", add_days(today(), -1)),
				(self.world.unit("B"), today(), None),
			],
		)

	def test_the_history_is_the_server_s(self):
		member = self.staff("C", "Lê Lịch Sử")
		doc = frappe.get_doc(STAFF, member)
		doc.set("assignments", [{"member_unit": self.world.unit("A"), "from_date": "2000-01-01"}])
		doc.save()
		self.assertEqual([row.member_unit for row in doc.reload().assignments], [self.world.unit("C")])

	def test_only_the_province_moves_a_person_to_another_unit(self):
		member = self.staff("C", "Trần Ở Lại")
		self.as_user("officer_C")
		doc = frappe.get_doc(STAFF, member)
		doc.member_unit = self.world.unit("B")
		# Sending the person to a unit it does not act for is refused before the controller runs.
		self.assertRaises(frappe.PermissionError, doc.save)

	def test_the_province_corrects_the_history_of_the_units_served(self):
		member = self.staff("C", "Phạm Sửa Sai")
		history = [
			{"member_unit": self.world.unit("A"), "from_date": "2010-01-01", "to_date": "2016-12-31"},
			{"member_unit": self.world.unit("C"), "from_date": "2017-01-01", "decision": "12/QĐ-SNV"},
		]
		# Not the unit's: its officers (and anyone else) are refused, nothing changes.
		for who in ("officer_C", "leader_C", "officer_A"):
			self.as_user(who)
			doc = frappe.get_doc(STAFF, member)
			self.assertRaises(frappe.PermissionError, doc.correct_history, history)
		self.as_user("manager")
		doc = frappe.get_doc(STAFF, member)
		for bad, message in (
			("not json", "list of at most"),
			([history[1], history[0] | {"to_date": None}], "close that one first"),
			(
				[{"member_unit": self.world.unit("A"), "from_date": "2010-01-01", "to_date": "2016-12-31"}],
				"leave its end empty",
			),
			([{"member_unit": "Nowhere", "from_date": "2010-01-01"}], "is not a member unit"),
			([{"member_unit": {"a": 1}, "from_date": "2010-01-01"}], "is not a member unit"),
			([{"member_unit": self.world.unit("A"), "from_date": ["2010-01-01"]}], "YYYY-MM-DD"),
			([["a"]], "is not a row"),
			([{"member_unit": self.world.unit("A"), "from_date": "01/01/2010"}], "YYYY-MM-DD"),
			(
				[{"member_unit": self.world.unit("A"), "from_date": "2010-01-01", "decision": "x" * 500}],
				"140",
			),
		):
			with self.subTest(message=message):
				self.assertRaisesRegex(frappe.ValidationError, message, doc.correct_history, bad)
		# The person's stored document is what is saved, whatever the client's copy says.
		doc.full_name = "Người Khác"
		doc.correct_history(frappe.as_json(history))
		stored = frappe.get_doc(STAFF, member)
		self.assertEqual(
			[
				(row.member_unit, str(row.from_date), str(row.to_date or ""), row.decision or "")
				for row in stored.assignments
			],
			[
				(self.world.unit("A"), "2010-01-01", "2016-12-31", ""),
				(self.world.unit("C"), "2017-01-01", "", "12/QĐ-SNV"),
			],
		)
		self.assertEqual((stored.full_name, stored.member_unit), ("Phạm Sửa Sai", self.world.unit("C")))
		# Served in A in 2015, so A's review may name the person for that year; C's may not.
		from thi_dua_app.thi_dua.unit_year import people_of_the_year

		self.assertIn(member, people_of_the_year(self.world.unit("A"), 2015, [member]))
		self.assertNotIn(member, people_of_the_year(self.world.unit("C"), 2015, [member]))
		# The latest posting is the person's unit.
		stored.correct_history(
			[*history[:1], {"member_unit": self.world.unit("B"), "from_date": "2017-01-01"}]
		)
		self.assertEqual(frappe.db.get_value(STAFF, member, "member_unit"), self.world.unit("B"))

	def test_dates_follow_a_life(self):
		self.assertRaisesRegex(
			frappe.ValidationError,
			"cannot be before",
			self.staff,
			"C",
			"Ngược Thời Gian",
			date_of_birth="2000-01-01",
			recruited_on="1990-01-01",
		)

	def test_a_year_record_belongs_to_the_unit_of_that_year_and_stays_there(self):
		member = self.staff("C", "Phạm Năm Cũ")
		record = self.year(member, 2016, member_unit=self.world.unit("A"))
		self.assertEqual(frappe.db.get_value(YEAR_RECORD, record, "member_unit"), self.world.unit("C"))
		doc = frappe.get_doc(STAFF, member)
		doc.member_unit = self.world.unit("B")
		doc.save()
		self.assertEqual(frappe.db.get_value(YEAR_RECORD, record, "member_unit"), self.world.unit("C"))
		self.as_user("officer_C")
		self.assertIn(record, frappe.get_list(YEAR_RECORD, pluck="name"))
		self.assertNotIn(member, frappe.get_list(STAFF, pluck="name"))
		self.as_user("officer_B")
		self.assertNotIn(record, frappe.get_list(YEAR_RECORD, pluck="name"))
		self.assertIn(member, frappe.get_list(STAFF, pluck="name"))

	def test_one_record_per_person_and_year_with_sane_values(self):
		member = self.staff("C", "Hoàng Một Lần")
		self.year(member, 2017)
		self.assertRaisesRegex(frappe.ValidationError, "already has a record", self.year, member, 2017)
		self.assertRaisesRegex(
			frappe.ValidationError, "between 0 and 12", self.year, member, 2016, months_worked=13
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "date it took effect", self.year, member, 2015, discipline_form="Caution"
		)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Choose the disciplinary measure",
			self.year,
			member,
			2014,
			discipline_from="2014-03-01",
		)

	# ------------------------------------------------------------ who reads and writes people

	def test_each_unit_reads_and_writes_only_its_own_people(self):
		own = self.staff("B", "Người Của B")
		other = self.staff("C", "Người Của C")
		other_year = self.year(other, 2017)
		for who in ("officer_B", "leader_B"):
			self.as_user(who)
			self.assertEqual(
				set(frappe.get_list(STAFF, pluck="name", filters={"name": ("in", [own, other])})), {own}
			)
			self.assertEqual(frappe.get_list(YEAR_RECORD, pluck="name", filters={"name": other_year}), [])
			self.assertFalse(frappe.has_permission(STAFF, "read", other))
			self.assertFalse(frappe.has_permission(YEAR_RECORD, "read", other_year))
		self.as_user("officer_B")
		self.assertRaises(frappe.PermissionError, self.year, other, 2016)
		self.assertRaises(frappe.PermissionError, self.staff, "C", "Gửi Sang C")
		self.assertTrue(self.year(own, 2017))
		self.as_user("officer_A")
		# The bloc head reads no one else's people: personal data stays with the unit.
		self.assertEqual(frappe.get_list(STAFF, pluck="name", filters={"name": ("in", [own, other])}), [])
		for who in ("manager", "viewer"):
			self.as_user(who)
			self.assertEqual(
				set(frappe.get_list(STAFF, pluck="name", filters={"name": ("in", [own, other])})),
				{own, other},
			)
		self.as_user("viewer")
		self.assertFalse(frappe.has_permission(STAFF, "write", own))

	def test_another_unit_s_record_cannot_be_changed_or_deleted(self):
		other = self.staff("C", "Không Được Sửa")
		record = self.year(other, 2017)
		self.as_user("officer_B")
		self.assertFalse(frappe.has_permission(YEAR_RECORD, "write", record))
		self.assertFalse(frappe.has_permission(YEAR_RECORD, "delete", record))
		self.assertFalse(frappe.has_permission(STAFF, "write", other))
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, YEAR_RECORD, record)

	# ------------------------------------------------------------ the ledger names people

	def test_a_person_s_award_is_recorded_where_they_served(self):
		member = self.staff("C", "Đinh Có Công")
		self.assertTrue(self.award("C", member, 2016))
		self.assertRaisesRegex(frappe.ValidationError, "never served in", self.award, "B", member, 2016)
		self.assertRaisesRegex(
			frappe.ValidationError, "individual", self.award, "C", member, 2015, recipient_kind="Collective"
		)

	# ------------------------------------------------------------ verdicts

	def people_of_c(self) -> dict[str, str]:
		"""C's people for 2017, one for each kind of verdict (2013 law: LĐTT needs 10 months,
		CSTĐCS an initiative, CSTĐ tỉnh three CSTĐCS in a row and a provincial initiative)."""
		names = {}
		names["star"] = star = self.staff("C", "Ngôi Sao")
		for year, scope in ((2015, "Unit"), (2016, "Unit"), (2017, "Province")):
			self.year(star, year, "HTXSNV", initiatives=[{"title": f"Sáng kiến {year}", "scope": scope}])
		self.award("C", star, 2015)
		self.award("C", star, 2016)
		names["two_years"] = two = self.staff("C", "Hai Năm")
		self.year(two, 2016, "HTXSNV", initiatives=[{"title": "SK 2016", "scope": "Unit"}])
		self.year(two, 2017, "HTXSNV", initiatives=[{"title": "SK 2017", "scope": "Unit"}])
		self.award("C", two, 2016)
		revoked = self.award("C", two, 2015)
		frappe.db.set_value("Award Record", revoked, {"revoked": 1, "counts_for_streaks": 0})
		names["short"] = short = self.staff("C", "Ít Tháng")
		self.year(short, 2017, months_worked=8)
		names["unjudged"] = unjudged = self.staff("C", "Chưa Đánh Giá")
		self.year(unjudged, 2017, conduct="")
		names["disciplined"] = disciplined = self.staff("C", "Bị Kỷ Luật")
		self.year(
			disciplined,
			2016,
			discipline_form="Reprimand",
			discipline_from="2016-10-01",
			discipline_to="2017-03-31",
		)
		self.year(disciplined, 2017)
		names["plain"] = plain = self.staff("C", "Bình Thường")
		self.year(plain, 2017)
		return names

	def verdicts(self) -> dict:
		results, _rules = people.person_verdicts(2017, self.world.unit("C"))
		return {result.full_name: result.verdicts for result in results}

	def test_each_title_answers_with_its_deciding_condition(self):
		self.people_of_c()
		verdicts = self.verdicts()
		status = {name: {title: v.status for title, v in titles.items()} for name, titles in verdicts.items()}
		Q, N, M = "Qualified", "Not qualified", "Needs a manual check"
		self.assertEqual(status["Ngôi Sao"], {"LDTT": Q, "CSTDCS": Q, "CSTDT": Q, "BK_TINH": Q})
		self.assertEqual(status["Hai Năm"], {"LDTT": Q, "CSTDCS": Q, "CSTDT": N, "BK_TINH": Q})
		self.assertEqual(status["Ít Tháng"]["LDTT"], N)
		self.assertEqual(status["Chưa Đánh Giá"]["LDTT"], M)
		self.assertEqual(status["Bị Kỷ Luật"]["LDTT"], N)
		self.assertEqual(status["Bình Thường"], {"LDTT": Q, "CSTDCS": N, "CSTDT": N, "BK_TINH": N})
		# The revoked 2015 award does not count: two years, not three.
		self.assertEqual(
			people.reason(verdicts["Hai Năm"]["CSTDT"]),
			"Only 2 consecutive year(s) of Chiến sĩ thi đua cơ sở; 3 are needed.",
		)
		self.assertEqual(
			people.reason(verdicts["Ít Tháng"]["LDTT"]), "Worked 8 months; at least 10 are needed."
		)
		self.assertEqual(
			people.reason(verdicts["Bị Kỷ Luật"]["LDTT"]), "Under a disciplinary measure in 2017."
		)
		self.assertEqual(
			people.reason(verdicts["Chưa Đánh Giá"]["LDTT"]),
			"The unit has not yet judged the person's conduct and attitude.",
		)

	def test_every_condition_of_a_person_s_titles_is_said_in_vietnamese(self):
		self.people_of_c()
		self.in_vietnamese()
		said = set()
		for titles in self.verdicts().values():
			for verdict in titles.values():
				for condition in verdict.conditions:
					text = people.describe(condition)
					self.assertNotIn(condition.code, text)
					said.add(text)
		self.assertIn("Làm việc 8 tháng; cần tối thiểu 10 tháng.", said)
		self.assertIn("Mới 2 năm liên tục đạt Chiến sĩ thi đua cơ sở; cần 3 năm.", said)

	def test_the_report_filters_by_title_and_verdict_and_tells_the_quota(self):
		self.people_of_c()
		_columns, rows, message = title_eligibility.execute(
			{"year": 2017, "member_unit": self.world.unit("C"), "title": "CSTDCS", "status": "Qualified"}
		)[:3]
		self.assertEqual(sorted(row["full_name"] for row in rows), ["Hai Năm", "Ngôi Sao"])
		self.assertEqual({row["title"] for row in rows}, {"Chiến sĩ thi đua cơ sở"})
		# Three LĐTT (the unjudged one is a manual check): 15 % of 3, rounded down, is none.
		self.assertIn(
			"3 qualified for Lao động tiên tiến, 2 for Chiến sĩ thi đua cơ sở; the quota allows 0", message
		)
		self.as_user("officer_B")
		refused = title_eligibility.execute({"year": 2017, "member_unit": self.world.unit("C")})
		self.assertEqual(refused[1], [])
		self.assertIn("which you may not read", refused[2])
		self.assertEqual(title_eligibility.execute({"year": 2017})[1], [])

	def test_a_year_without_a_regime_is_said_not_raised(self):
		_columns, rows, message = title_eligibility.execute({"year": 1995})[:3]
		self.assertEqual(rows, [])
		self.assertTrue(message)

	def test_queries_do_not_grow_with_the_people(self):
		for letter, count in (("A", 3), ("D", 30)):
			for index in range(count):
				member = self.staff(letter, f"Người {letter} {index}")
				self.year(member, 2016, "HTXSNV", initiatives=[{"title": "SK", "scope": "Unit"}])
				self.year(member, 2017, "HTXSNV", initiatives=[{"title": "SK", "scope": "Province"}])
				self.award(letter, member, 2016)

		def queries_for(letter: str) -> int:
			calls = []
			real_sql = frappe.db.sql

			def counting(*args, **kwargs):
				calls.append(args[0] if args else "")
				return real_sql(*args, **kwargs)

			frappe.db.sql = counting
			try:
				results, _rules = people.person_verdicts(2017, self.world.unit(letter))
			finally:
				frappe.db.sql = real_sql
			self.assertEqual({result.verdicts["CSTDT"].status for result in results}, {"Not qualified"})
			return len(calls)

		queries_for("A")  # caches warmed (metadata, the regime)
		self.assertEqual(queries_for("A"), queries_for("D"))

	# ------------------------------------------------------------ divisions and their titles

	def division(self, letter: str, name: str) -> str:
		return make_division(self.world.unit(letter), name)

	def division_year(self, division: str, year: int = 2017, **values) -> str:
		return make_division_year(division, year, **values)

	def test_a_division_is_its_unit_s_own(self):
		own, other = self.division("B", "Phòng B"), self.division("C", "Phòng C")
		other_year = self.division_year(other)
		self.as_user("officer_B")
		self.assertEqual(
			frappe.get_list("Unit Division", pluck="name", filters={"name": ("in", [own, other])}), [own]
		)
		self.assertFalse(frappe.has_permission("Division Year Record", "read", other_year))
		self.assertRaises(frappe.PermissionError, self.division_year, other, 2016)
		self.assertRaises(frappe.PermissionError, self.division, "C", "Phòng gửi sang C")
		# Another unit's division is refused without its name being told.
		with self.assertRaises(frappe.ValidationError) as refused:
			self.staff("B", "Sai Phòng", division=other)
		self.assertNotIn("Phòng C", str(refused.exception))
		frappe.set_user("Administrator")
		self.assertRaisesRegex(
			frappe.ValidationError, "already has a division", self.division, "B", " Phòng  B "
		)

	def test_a_person_s_year_takes_their_division_and_a_transfer_leaves_it(self):
		room = self.division("C", "Phòng Tổng hợp")
		member = self.staff("C", "Người Phòng", division=room)
		record = self.year(member, 2017)
		self.assertEqual(frappe.db.get_value(YEAR_RECORD, record, "division"), room)
		doc = frappe.get_doc(STAFF, member)
		doc.member_unit = self.world.unit("B")
		doc.save()
		self.assertIsNone(doc.division)

	def test_a_division_s_titles_count_its_people(self):
		room = self.division("C", "Phòng Xuất Sắc")
		names = []
		for index in range(4):
			member = self.staff("C", f"Thành Viên {index}", division=room)
			names.append(member)
			initiatives = [{"title": "SK", "scope": "Unit"}] if index == 0 else []
			self.year(member, 2017, "HTXSNV" if index == 0 else "HTTNV", initiatives=initiatives)
		# The fourth worked 8 months: not LĐTT, but completed their duties.
		frappe.db.set_value(YEAR_RECORD, {"staff_member": names[3]}, "months_worked", 8)
		self.division_year(room)
		frappe.get_doc(
			{
				"doctype": "Award Record",
				"recipient_kind": "Collective",
				"member_unit": self.world.unit("C"),
				"division": room,
				"award_form": "TTLDXS",
				"year": 2016,
				"award_type": "Regular",
				"decision_number": "7/QĐ-UBND",
				"decision_date": "2017-01-10",
			}
		).insert()

		# The award is the division's in the ledger's history, not its unit's.
		rows = award_history({"from_year": 2016, "to_year": 2017, "member_unit": self.world.unit("C")})[1]
		self.assertEqual(
			[(row["recipient"], row["y2016"], row["streaks"]) for row in rows],
			[("Phòng Xuất Sắc", "TTLDXS", "")],
		)

		def verdicts():
			results, rules = people.person_verdicts(2017, self.world.unit("C"))
			(found,) = people.collective_verdicts(2017, results, rules, self.world.unit("C"))
			return found.verdicts

		found = verdicts()
		self.assertEqual(
			{title: verdict.status for title, verdict in found.items()},
			{"TTLDTT": "Qualified", "TTLDXS": "Qualified", "BK_TINH": "Qualified"},
		)
		self.assertIn(
			"3 of 4 people are Lao động tiên tiến (75 %; at least 70 %).", people.reason(found["TTLDXS"])
		)
		self.assertIn("2 consecutive years excellent", people.reason(found["BK_TINH"]))
		# A caution on one member (the one who is not LĐTT anyway) bars both collective titles under
		# the 2013 law.
		frappe.db.set_value(
			YEAR_RECORD,
			{"staff_member": names[3]},
			{"discipline_form": "Caution", "discipline_from": "2017-04-01", "discipline_to": "2018-03-31"},
		)
		found = verdicts()
		self.assertEqual(found["TTLDXS"].status, "Not qualified")
		self.assertEqual(people.reason(found["TTLDTT"]), "1 member(s) under a caution or heavier measure.")
		self.in_vietnamese()
		self.assertEqual(people.reason(found["TTLDTT"]), "1 thành viên bị kỷ luật từ cảnh cáo trở lên.")

	def test_every_condition_of_a_collective_is_said(self):
		from thi_dua_app.rules import eligibility

		rules = people.Regime(people.regime_for_year(2017)).eligibility_rules()
		empty = eligibility.Collective("x", {2017: eligibility.CollectiveYear(2017)})
		for verdict in (
			eligibility.ttldtt(empty, 2017, rules),
			eligibility.ttldxs(empty, 2017, rules),
			eligibility.bk_collective(empty, 2017, rules),
		):
			for condition in verdict.conditions:
				# A condition without words raises.
				self.assertTrue(people.describe(condition))

	def test_the_report_shows_divisions_beside_people(self):
		room = self.division("C", "Phòng Báo Cáo")
		member = self.staff("C", "Người Báo Cáo", division=room)
		self.year(member, 2017)
		self.division_year(room, active_in_movements="")
		rows = title_eligibility.execute(
			{"year": 2017, "member_unit": self.world.unit("C"), "title": "TTLDTT"}
		)[1]
		self.assertEqual(
			[(row["full_name"], row["kind"], row["status"]) for row in rows],
			[("Phòng Báo Cáo", "Collective", "Needs a manual check")],
		)
		self.assertEqual(rows[0]["record_type"], "Division Year Record")

	def test_a_unit_is_judged_by_the_rules_of_its_province(self):
		division = self.division("C", "Phòng Một")
		self.division_year(division, 2026)
		# Three of five good (LĐTT): above half (the national rule), below 70 % (Bắc Ninh's).
		for index, rating in enumerate(("HTTNV", "HTTNV", "HTTNV", "HTNV", "HTNV")):
			self.year(self.staff("C", f"Người {index}", division=division), 2026, rating)

		def ttldtt():
			results, book = people.person_verdicts(2026, self.world.unit("C"))
			(found,) = people.collective_verdicts(2026, results, book, self.world.unit("C"))
			return found.verdicts["TTLDTT"]

		self.assertEqual(ttldtt().status, "Qualified")
		frappe.db.set_value("Emulation Bloc", self.world.bloc, "place_name", "Bắc Ninh")
		verdict = ttldtt()
		self.assertEqual(verdict.status, "Not qualified")
		self.assertIn("70", people.reason(verdict))
		review = frappe.get_doc(
			{
				"doctype": "Unit Internal Review",
				"member_unit": self.world.unit("C"),
				"year": 2026,
				"council_date": "2026-12-20",
				"council_members": 7,
			}
		).insert()
		self.assertEqual(review.legal_regime, "LTDKT2022-ND152-BN")
		# Before the province's profile came into force, the national rules still judge.
		self.assertEqual(
			people.rulebook(2024, [self.world.unit("C")]).of(self.world.unit("C")).ttldtt_min_share, 0.5
		)

	def test_an_earlier_excellent_year_counts_for_the_collective_bang_khen(self):
		room = self.division("C", "Phòng Hai Năm")
		self.division_year(room, 2016)
		for index in range(2):
			member = self.staff("C", f"Hai Năm {index}", division=room)
			self.year(member, 2017, "HTXSNV", initiatives=[{"title": "SK", "scope": "Unit"}])
		self.division_year(room, 2017)
		results, rules = people.person_verdicts(2017, self.world.unit("C"))
		(found,) = people.collective_verdicts(2017, results, rules, self.world.unit("C"))
		self.assertEqual(found.verdicts["BK_TINH"].status, "Qualified")
		self.assertIn("2 consecutive years", people.reason(found.verdicts["BK_TINH"]))

	def test_the_report_finds_who_is_a_year_short(self):
		near = self.staff("C", "Còn Một Năm")
		self.year(near, 2016, "HTXSNV", initiatives=[{"title": "SK 2016", "scope": "Unit"}])
		self.year(near, 2017, "HTXSNV", initiatives=[{"title": "SK 2017", "scope": "Province"}])
		self.award("C", near, 2016)
		far = self.staff("C", "Còn Xa")
		self.year(far, 2017)
		results, _rules = people.person_verdicts(2017, self.world.unit("C"))
		self.assertEqual(
			{result.full_name: result.next_year for result in results}["Còn Một Năm"], ("CSTDT",)
		)
		rows = title_eligibility.execute(
			{"year": 2017, "member_unit": self.world.unit("C"), "status": "Possible next year"}
		)[1]
		self.assertEqual(
			[(row["full_name"], row["title"], row["next_year"]) for row in rows],
			[("Còn Một Năm", "Chiến sĩ thi đua cấp tỉnh", "Possible next year")],
		)
