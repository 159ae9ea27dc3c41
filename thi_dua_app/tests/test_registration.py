"""Registration for the year's emulation (đăng ký thi đua) in a real site: a unit's officer drafts it,
its head signs it, one stands per unit and year; its lines name only the unit's own people and
divisions and only emulation titles; who reads it (the unit, and the bloc's head and deputy units
once signed); and what the verdicts make of it under either setting of the regime's
"Unregistered still considered".

World: units A–D of a bloc, A heads the 2017 pledge and D deputises; X is outside it."""

import frappe

from thi_dua_app.rules import regime
from thi_dua_app.tests.factories import make_division, make_staff, make_staff_year
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua import people
from thi_dua_app.thi_dua.legal import regime_for_year
from thi_dua_app.thi_dua.report.title_eligibility import title_eligibility

REGISTRATION = "Emulation Registration"


class TestRegistration(ThiDuaTestCase):
	prefix = "TDRegistration"

	def staff(self, letter: str, full_name: str, division: str | None = None) -> str:
		return make_staff(self.world.unit(letter), full_name, division)

	def year(self, member: str, rating: str = "HTXSNV", **values) -> str:
		return make_staff_year(member, 2017, rating, **values)

	def division(self, letter: str, name: str) -> str:
		return make_division(self.world.unit(letter), name)

	def register(self, letter: str, lines: list[dict], submit: bool = True, **values):
		doc = frappe.get_doc(
			{
				"doctype": REGISTRATION,
				"member_unit": self.world.unit(letter),
				"year": 2017,
				"registration_date": "2017-02-20",
				"signed_by": f"Head of {letter}",
				"lines": lines,
				**values,
			}
		).insert()
		if submit:
			doc.submit()
		return doc

	def only_registered(self, considered: int = 0):
		"""Switch the 2017 regime's "Unregistered still considered" for this test."""
		name = regime_for_year(2017)
		frappe.db.set_value(
			"Regime Parameter",
			{"parent": name, "parameter": regime.UNREGISTERED_CONSIDERED},
			"value",
			considered,
		)
		frappe.clear_document_cache("Legal Regime", name)
		self.addCleanup(frappe.clear_document_cache, "Legal Regime", name)

	# ------------------------------------------------------------ the document

	def test_the_unit_drafts_its_head_signs_and_names_are_filled_in(self):
		member = self.staff("C", "Trần Thị Đăng Ký")
		division = self.division("C", "Phòng Kế hoạch")
		self.as_user("officer_C")
		doc = self.register(
			"C",
			[
				{"subject_kind": "Person", "award_form": "CSTDCS", "staff_member": member},
				{"subject_kind": "Division", "award_form": "TTLDXS", "division": division},
				# A stale name on a count line (the kind was changed in the form) is cleared.
				{
					"subject_kind": "Staff count",
					"award_form": "LDTT",
					"planned_count": 40,
					"staff_member": member,
				},
				{"subject_kind": "Unit", "award_form": "CO_TINH"},
			],
			submit=False,
		)
		self.assertEqual(
			[(line.subject_name, line.staff_member, line.planned_count) for line in doc.lines],
			[
				("Trần Thị Đăng Ký", member, None),
				("Phòng Kế hoạch", None, None),
				(None, None, 40),
				(None, None, None),
			],
		)
		# The unit's officer drafts; its head (the leader) signs.
		self.assertRaises(frappe.PermissionError, doc.submit)
		self.as_user("leader_C")
		frappe.get_doc(REGISTRATION, doc.name).submit()
		self.assertEqual(frappe.db.get_value(REGISTRATION, doc.name, "docstatus"), 1)

	def test_one_registration_per_unit_and_year(self):
		first = self.register(
			"C", [{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": 3}]
		)
		self.assertRaisesRegex(frappe.ValidationError, "already has a registration", self.register, "C", [])
		first.cancel()
		amended = frappe.copy_doc(first)
		amended.docstatus = 0
		amended.amended_from = first.name
		amended.insert()
		self.assertTrue(amended.name)

	def test_lines_name_only_the_unit_s_own_and_only_titles(self):
		other = self.staff("B", "Người Đơn Vị B")
		other_division = self.division("B", "Phòng của B")
		own = self.staff("C", "Người Đơn Vị C")
		for line, message in (
			({"subject_kind": "Person", "award_form": "LDTT", "staff_member": other}, "serves in this unit"),
			(
				{"subject_kind": "Division", "award_form": "TTLDTT", "division": other_division},
				"division of this unit",
			),
			(
				{"subject_kind": "Person", "award_form": "BK_TINH", "staff_member": own},
				"not an emulation title",
			),
			({"subject_kind": "Person", "award_form": "TTLDXS", "staff_member": own}, "cannot be registered"),
			({"subject_kind": "Unit", "award_form": "LDTT"}, "cannot be registered"),
			(
				{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": 0},
				"whole number from 1",
			),
			(
				{"subject_kind": "Person", "award_form": "NO-SUCH-FORM", "staff_member": own},
				"Could not find",
			),
		):
			with self.subTest(line=line):
				self.assertRaisesRegex(frappe.ValidationError, message, self.register, "C", [line])
		twice = {"subject_kind": "Person", "award_form": "LDTT", "staff_member": own}
		self.assertRaisesRegex(frappe.ValidationError, "repeats row 1", self.register, "C", [twice, twice])
		self.assertFalse(frappe.db.exists(REGISTRATION, {"member_unit": self.world.unit("C")}))

	def test_a_person_who_left_before_the_year_is_not_registered(self):
		member = self.staff("C", "Đã Chuyển Đi")
		frappe.db.set_value(
			"Staff Assignment", {"parent": member}, {"from_date": "2010-01-01", "to_date": "2016-06-30"}
		)
		line = {"subject_kind": "Person", "award_form": "LDTT", "staff_member": member}
		self.assertRaisesRegex(frappe.ValidationError, "serves in this unit", self.register, "C", [line])

	def test_a_unit_that_did_not_exist_that_year_does_not_register(self):
		frappe.db.set_value("Member Unit", self.world.unit("C"), "valid_from", "2018-01-01")
		self.assertRaisesRegex(frappe.ValidationError, "did not exist in 2017", self.register, "C", [])

	# ------------------------------------------------------------ who reads and writes it

	def test_the_unit_keeps_it_and_the_bloc_s_head_reads_it_once_signed(self):
		draft = self.register(
			"C", [{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": 5}], submit=False
		)
		for who, expected in (
			("officer_C", True),
			("leader_A", False),
			("officer_B", False),
			("officer_X", False),
		):
			self.as_user(who)
			self.assertEqual(frappe.has_permission(REGISTRATION, "read", draft.name), expected, who)
			self.assertEqual(bool(frappe.get_list(REGISTRATION, filters={"name": draft.name})), expected, who)
		self.as_user("officer_B")
		doc = frappe.get_doc(REGISTRATION, draft.name)
		self.assertFalse(doc.has_permission("write"))
		# B cannot register for C either.
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_doc(
				{"doctype": REGISTRATION, "member_unit": self.world.unit("C"), "year": 2018}
			).insert,
		)
		frappe.set_user("Administrator")
		frappe.get_doc(REGISTRATION, draft.name).submit()
		# Signed: the head (A) and deputy (D) units of the bloc's 2017 pledge read it; B still does not.
		for who, expected in (
			("leader_A", True),
			("officer_D", True),
			("officer_B", False),
			("officer_X", False),
		):
			self.as_user(who)
			self.assertEqual(frappe.has_permission(REGISTRATION, "read", draft.name), expected, who)
			self.assertEqual(bool(frappe.get_list(REGISTRATION, filters={"name": draft.name})), expected, who)
		self.as_user("officer_A")
		self.assertFalse(frappe.get_doc(REGISTRATION, draft.name).has_permission("cancel"))

	# ------------------------------------------------------------ what the verdicts make of it

	def people_of_c(self) -> dict[str, str]:
		"""Three excellent people of C with an initiative in 2017, and a division of two of them."""
		division = self.division("C", "Phòng Thi Đua")
		names = {
			name: self.staff("C", name, division if name != "Không Đăng Ký" else None)
			for name in ("Có Tên", "Theo Số Lượng", "Không Đăng Ký")
		}
		for member in names.values():
			self.year(member, initiatives=[{"title": "Sáng kiến", "scope": "Unit"}])
		frappe.get_doc(
			{
				"doctype": "Division Year Record",
				"division": division,
				"year": 2017,
				"rating": "HTXSNV",
				"active_in_movements": "Yes",
				"united": "Yes",
			}
		).insert()
		names["division"] = division
		return names

	def statuses(self) -> tuple[dict, dict]:
		results, rules = people.person_verdicts(2017, self.world.unit("C"))
		collectives = people.collective_verdicts(2017, results, rules, self.world.unit("C"))
		return (
			{result.full_name: result for result in results},
			{result.division_name: result for result in collectives},
		)

	def test_only_the_registered_are_considered_where_the_regime_says_so(self):
		names = self.people_of_c()
		self.register(
			"C",
			[
				{"subject_kind": "Person", "award_form": "CSTDCS", "staff_member": names["Có Tên"]},
				{"subject_kind": "Division", "award_form": "TTLDTT", "division": names["division"]},
			],
		)
		self.only_registered()
		persons, divisions = self.statuses()
		self.assertEqual(persons["Có Tên"].verdicts["LDTT"].status, "Qualified")
		self.assertEqual(persons["Có Tên"].verdicts["CSTDCS"].status, "Qualified")
		refused = persons["Theo Số Lượng"].verdicts["LDTT"]
		self.assertEqual(refused.status, "Not qualified")
		self.assertEqual(
			people.reason(refused),
			"Not registered for Lao động tiên tiến in 2017; the regime considers only those registered.",
		)
		self.in_vietnamese()
		self.assertEqual(
			people.reason(refused),
			"Chưa đăng ký danh hiệu Lao động tiên tiến năm 2017; theo chế độ áp dụng, chỉ xét người đã đăng ký.",
		)
		frappe.local.lang = "en"
		# The division registered for TTLĐTT only: TTLĐXS is refused for want of a registration.
		self.assertEqual(
			people.reason(divisions["Phòng Thi Đua"].verdicts["TTLDXS"]),
			"Not registered for Tập thể lao động xuất sắc in 2017; the regime considers only those registered.",
		)
		# A count line covers every person of the unit for its title.
		frappe.get_doc(REGISTRATION, {"member_unit": self.world.unit("C")}).cancel()
		self.register("C", [{"subject_kind": "Staff count", "award_form": "LDTT", "planned_count": 3}])
		persons, _divisions = self.statuses()
		self.assertEqual(
			{name: result.verdicts["LDTT"].status for name, result in persons.items()},
			dict.fromkeys(("Có Tên", "Theo Số Lượng", "Không Đăng Ký"), "Qualified"),
		)
		self.assertEqual(persons["Có Tên"].verdicts["CSTDCS"].status, "Not qualified")

	def test_a_draft_registration_does_not_count(self):
		names = self.people_of_c()
		self.register(
			"C",
			[{"subject_kind": "Person", "award_form": "LDTT", "staff_member": names["Có Tên"]}],
			submit=False,
		)
		self.only_registered()
		persons, _divisions = self.statuses()
		self.assertEqual(persons["Có Tên"].verdicts["LDTT"].status, "Not qualified")

	def test_where_the_unregistered_are_still_considered_the_report_flags_them(self):
		names = self.people_of_c()
		self.register(
			"C", [{"subject_kind": "Person", "award_form": "CSTDCS", "staff_member": names["Có Tên"]}]
		)
		_columns, rows = title_eligibility.execute({"year": 2017, "member_unit": self.world.unit("C")})[:2]
		flags = {
			(row["full_name"], row["title"]): row["registration"]
			for row in rows
			if row["kind"] == "Individual"
		}
		self.assertEqual(flags[("Có Tên", "Lao động tiên tiến")], "")
		self.assertEqual(flags[("Có Tên", "Chiến sĩ thi đua cơ sở")], "")
		self.assertEqual(flags[("Theo Số Lượng", "Lao động tiên tiến")], "Not registered (still considered)")
		self.assertEqual(
			{
				row["status"]
				for row in rows
				if row["full_name"] == "Theo Số Lượng" and row["title"] == "Lao động tiên tiến"
			},
			{"Qualified"},
		)
