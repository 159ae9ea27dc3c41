import frappe

from thi_dua_app.tests.utils import ThiDuaTestCase


class TestEmulationBloc(ThiDuaTestCase):
	prefix = "TDBloc"

	def test_a_unit_cannot_be_listed_twice_for_overlapping_dates(self):
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		bloc.append("members", {"member_unit": self.world.unit("B"), "from_date": "2018-01-01"})
		self.assertRaisesRegex(
			frappe.ValidationError, "TDBloc Unit B is listed twice for overlapping dates", bloc.save
		)
		self.assertEqual(len(frappe.get_doc("Emulation Bloc", self.world.bloc).members), 4)

	def test_members_in_year_follow_the_dates(self):
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		bloc.members[1].to_date = "2016-12-31"  # B left before 2017 …
		bloc.members[1].from_date = "2015-01-01"
		bloc.append(
			"members", {"member_unit": self.world.unit("B"), "from_date": "2018-01-01"}
		)  # … and came back
		bloc.save()
		self.assertEqual(bloc.members_in_year(2017), [self.world.unit(letter) for letter in "ACD"])
		# without a rotation order, units keep the order in which they are listed
		self.assertEqual(bloc.members_in_year(2018), [self.world.unit(letter) for letter in "ACDB"])

	def test_members_in_year_follow_the_rotation_order(self):
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		for row, order in zip(bloc.members, [4, 3, 2, 1], strict=True):
			row.rotation_order = order
		bloc.save()
		self.assertEqual(bloc.members_in_year(2017), [self.world.unit(letter) for letter in "DCBA"])

	def test_the_province_re_forms_the_bloc_after_a_merger(self):
		for letter in "BC":
			unit = frappe.get_doc("Member Unit", self.world.unit(letter))
			unit.update(
				{
					"successor_unit": self.world.unit("X"),
					"succession_date": "2025-07-01",
					"succession_decision": "1234/QĐ-UBND",
				}
			)
			unit.save()
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		self.as_user("officer_A")
		self.assertRaises(frappe.PermissionError, bloc.apply_successions)
		self.as_user("manager")
		self.assertEqual(bloc.apply_successions(), 3)
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		self.assertEqual(
			[(row.member_unit[-1], str(row.to_date or "")) for row in bloc.members],
			[("A", ""), ("B", "2025-06-30"), ("C", "2025-06-30"), ("D", ""), ("X", "")],
		)
		self.assertEqual(str(bloc.members[-1].from_date), "2025-07-01")
		self.assertEqual(bloc.members_in_year(2026), [self.world.unit(letter) for letter in "ADX"])
		self.assertEqual(bloc.members_in_year(2025), [self.world.unit(letter) for letter in "ABCDX"])
		# Done once: nothing more to change.
		self.assertEqual(bloc.apply_successions(), 0)

	def test_the_successor_takes_the_rotation_place_of_the_units_it_succeeds(self):
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		for row, order in zip(bloc.members, [4, 3, 2, 1], strict=True):
			row.rotation_order = order
		bloc.save()
		unit = frappe.get_doc("Member Unit", self.world.unit("C"))
		unit.update({"successor_unit": self.world.unit("X"), "succession_date": "2025-07-01"})
		unit.save()
		self.as_user("manager")
		bloc.apply_successions()
		bloc = frappe.get_doc("Emulation Bloc", self.world.bloc)
		self.assertEqual(bloc.members_in_year(2026), [self.world.unit(letter) for letter in "DXBA"])
