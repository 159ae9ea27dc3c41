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
