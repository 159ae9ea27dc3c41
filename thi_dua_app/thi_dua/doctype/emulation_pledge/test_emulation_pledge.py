"""Emulation Pledge in a real site: membership rules, one per bloc and year, frozen after signing,
and the button that creates the evaluations."""

import frappe
from frappe.exceptions import UpdateAfterSubmitError

from thi_dua_app.tests.factories import act, evaluation_of, fill, make_pledge
from thi_dua_app.tests.utils import ThiDuaTestCase


class TestEmulationPledge(ThiDuaTestCase):
	prefix = "TDPledge"

	def pledge(self):
		return frappe.get_doc("Emulation Pledge", self.world.pledge)

	def test_signatories_are_every_member_of_the_year(self):
		pledge = self.pledge()
		self.assertEqual([row.member_unit for row in pledge.signatories], self.world.units)
		self.assertEqual(pledge.signatories[0].representative, "Head of A")
		self.assertEqual(pledge.signatories[0].title, "Giám đốc")

	def test_scoring_table_is_copied_from_the_template(self):
		pledge = self.pledge()
		self.assertEqual((pledge.scale_total, pledge.bonus_cap), (100, 10))
		self.assertEqual(
			(len(pledge.groups), len(pledge.criteria), len(pledge.bands), len(pledge.tie_breaks)),
			(7, 25, 4, 3),
		)
		self.assertEqual(sum(row.max_points for row in pledge.criteria if row.criterion_type == "Base"), 100)

	def test_the_signed_table_does_not_follow_later_template_edits(self):
		template = frappe.get_doc("Scoring Template", self.world.template)
		template.criteria[0].max_points = 20
		template.criteria[1].max_points = 20
		template.save()
		self.assertEqual([row.max_points for row in self.pledge().criteria[:2]], [30, 10])

	def test_head_unit_must_be_a_member(self):
		outsider = frappe.get_doc(
			{
				"doctype": "Member Unit",
				"unit_name": "TDPledge Outsider",
				"short_code": "TDPOUT",
				"unit_kind": "Fund",
			}
		).insert()
		doc = frappe.get_doc(
			{
				"doctype": "Emulation Pledge",
				"bloc": self.world.bloc,
				"year": 2019,
				"head_unit": outsider.name,
				"deputy_unit": self.world.unit("B"),
				"scoring_template": self.world.template,
			}
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "The head unit TDPledge Outsider is not a member", doc.insert
		)

	def test_head_and_deputy_must_differ(self):
		self.assertRaisesRegex(
			frappe.ValidationError,
			"must be different units",
			make_pledge,
			self.world,
			self.world.unit("B"),
			self.world.unit("B"),
			year=2019,
		)

	def test_a_second_pledge_for_the_same_bloc_and_year_is_refused(self):
		before = frappe.db.count("Emulation Pledge", {"bloc": self.world.bloc})
		self.assertRaisesRegex(
			frappe.DuplicateEntryError,
			f"already has a pledge for 2017: {self.world.pledge}",
			make_pledge,
			self.world,
			self.world.unit("A"),
			self.world.unit("B"),
		)
		self.assertEqual(frappe.db.count("Emulation Pledge", {"bloc": self.world.bloc}), before)

	def test_a_non_member_signatory_is_refused(self):
		outsider = frappe.get_doc(
			{
				"doctype": "Member Unit",
				"unit_name": "TDPledge Guest",
				"short_code": "TDPGUEST",
				"unit_kind": "Fund",
			}
		).insert()
		pledge = frappe.get_doc(
			{
				"doctype": "Emulation Pledge",
				"bloc": self.world.bloc,
				"year": 2019,
				"head_unit": self.world.unit("A"),
				"deputy_unit": self.world.unit("B"),
				"scoring_template": self.world.template,
				"signatories": [{"member_unit": outsider.name, "representative": "X"}],
			}
		)
		self.assertRaisesRegex(frappe.ValidationError, "TDPledge Guest is not a member of", pledge.insert)

	def test_signing_needs_a_date_and_targets(self):
		pledge = make_pledge(
			self.world, self.world.unit("A"), self.world.unit("B"), year=2019, signing_date=None
		)
		self.assertRaisesRegex(frappe.ValidationError, "Enter the signing date", pledge.submit)
		pledge.reload()
		pledge.signing_date = "2019-03-01"
		pledge.targets = []
		self.assertRaisesRegex(frappe.ValidationError, "at least one target", pledge.submit)

	def test_nothing_changes_after_signing(self):
		pledge = self.pledge()
		pledge.head_unit = self.world.unit("B")
		self.assertRaises(UpdateAfterSubmitError, pledge.save)
		pledge = self.pledge()
		pledge.criteria[0].max_points = 50
		self.assertRaises(UpdateAfterSubmitError, pledge.save)
		self.assertEqual(self.pledge().head_unit, self.world.unit("A"))

	def test_create_evaluations_twice_creates_nothing_new(self):
		created = self.pledge().create_evaluations()
		self.assertEqual(len(created), 4)
		self.assertEqual(self.pledge().create_evaluations(), [])
		self.assertEqual(frappe.db.count("Emulation Evaluation", {"pledge": self.world.pledge}), 4)

	def test_only_the_bloc_head_or_the_province_creates_evaluations(self):
		self.as_user("officer_B")
		self.assertRaises(frappe.PermissionError, self.pledge().create_evaluations)
		self.as_user("officer_A")
		self.assertEqual(len(self.pledge().create_evaluations()), 4)

	def test_the_form_offers_the_heads_buttons_to_whom_may_use_them(self):
		from frappe.desk.form.load import getdoc

		for key, can_lead in (
			("officer_A", True),
			("officer_D", True),
			("manager", True),
			("officer_B", False),
		):
			self.as_user(key)
			frappe.local.response = frappe._dict(docs=[])
			getdoc("Emulation Pledge", self.world.pledge)
			self.assertEqual(frappe.response.docs[0].get("__onload").can_lead, can_lead, key)

	def test_a_pledge_with_evaluations_cannot_be_cancelled(self):
		self.pledge().create_evaluations()
		self.assertRaisesRegex(frappe.ValidationError, "already has evaluations", self.pledge().cancel)

	def test_results_are_published_once_every_unit_is_verified(self):
		pledge = self.pledge()
		pledge.create_evaluations()
		self.assertRaisesRegex(frappe.ValidationError, "not verified yet", pledge.publish_results)
		for letter in "ABCD":
			evaluation = fill(evaluation_of(self.world, letter))
			evaluation.save()
			act(evaluation.name, "Submit self-assessment")
			act(evaluation.name, "Verify")
		pledge.publish_results()
		self.assertEqual(self.pledge().results_published, 1)
