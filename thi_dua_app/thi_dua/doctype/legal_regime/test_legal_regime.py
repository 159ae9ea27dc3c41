"""Legal regimes and the base salary table in a real site: the shipped values are there, each
pledge takes the regime of its year (a province's profile first), the base salary in force on a
date, and the checks that keep an administrator's edits usable."""

import frappe

from thi_dua_app.tests.factories import make_pledge
from thi_dua_app.tests.utils import ThiDuaTestCase
from thi_dua_app.thi_dua.legal import Regime, base_salary_on, regime_for_year


class TestLegalRegime(ThiDuaTestCase):
	prefix = "TDRegime"

	def test_each_year_takes_the_regime_in_force_at_its_end(self):
		for year, province, expected in (
			(2017, "", "LTDKT2013-ND91"),
			(2023, "", "LTDKT2013-ND91"),
			(2024, "", "LTDKT2022-ND98"),
			(2025, "", "LTDKT2022-ND152"),
			(2025, "Bắc Ninh", "LTDKT2022-ND152-BN"),
			(2026, "bắc ninh ", "LTDKT2022-ND152-BN"),
			(2026, "Hải Phòng", "LTDKT2022-ND152"),
		):
			with self.subTest(year=year, province=province):
				self.assertEqual(regime_for_year(year, province), expected)
		self.assertRaisesRegex(
			frappe.ValidationError, "No legal regime is in force on", regime_for_year, 2005
		)

	def test_a_pledge_records_its_regime(self):
		self.assertEqual(
			frappe.db.get_value("Emulation Pledge", self.world.pledge, "legal_regime"), "LTDKT2013-ND91"
		)
		frappe.db.set_value("Emulation Bloc", self.world.bloc, "place_name", "Bắc Ninh")
		pledge = make_pledge(self.world, self.world.unit("A"), self.world.unit("B"), year=2026)
		self.assertEqual(pledge.legal_regime, "LTDKT2022-ND152-BN")

	def test_the_shipped_values_carry_their_sources(self):
		bac_ninh = Regime("LTDKT2022-ND152-BN")
		self.assertEqual(bac_ninh.parameter("Dossier deadline").text_value, "10/12")
		self.assertEqual(bac_ninh.parameter("Provincial council quorum").value, 80)
		self.assertEqual(bac_ninh.quorum("Provincial council quorum").ratio, 0.8)
		flag = bac_ninh.thresholds("Bloc meeting")["CO_TINH"]
		self.assertEqual((flag.ratio, flag.base, flag.strict), (0.8, "All members", False))
		self.assertEqual(bac_ninh.quotas("Per bloc")["CO_TINH"].max_count, 1)
		coefficients = {
			(row.award_form, row.recipient_kind): row.coefficient for row in bac_ninh.doc.reward_coefficients
		}
		self.assertEqual(
			(coefficients["BK_TINH", "Collective"], coefficients["CO_TINH", "Collective"]), (3.0, 8.0)
		)
		old = {
			(row.award_form, row.recipient_kind): row.coefficient
			for row in Regime("LTDKT2013-ND91").doc.reward_coefficients
		}
		self.assertEqual(old["BK_TINH", "Collective"], 2.0)
		for regime in frappe.get_all("Legal Regime", pluck="name"):
			doc = frappe.get_doc("Legal Regime", regime)
			for table in ("vote_thresholds", "quotas", "reward_coefficients", "parameters"):
				for row in doc.get(table):
					self.assertTrue(row.source and row.confidence, f"{regime} {table} row {row.idx}")

	def test_the_base_salary_in_force_on_a_date(self):
		for on, expected in (
			("2018-01-15", 1_300_000),
			("2017-06-30", 1_210_000),
			("2026-06-30", 2_340_000),
			("2026-07-01", 2_530_000),
		):
			with self.subTest(on=on):
				self.assertEqual(base_salary_on(on), expected)
		self.assertRaisesRegex(
			frappe.ValidationError, "No base salary is recorded", base_salary_on, "2015-01-01"
		)

	def test_an_administrator_changes_a_value_without_code(self):
		doc = frappe.get_doc("Legal Regime", "LTDKT2013-ND91")
		self.addCleanup(frappe.clear_document_cache, "Legal Regime", doc.name)
		next(row for row in doc.quotas if row.award_form == "BK_TINH").max_count = 3
		doc.save()
		frappe.clear_document_cache("Legal Regime", doc.name)
		self.assertEqual(Regime("LTDKT2013-ND91").quotas("Per bloc")["BK_TINH"].max_count, 3)

	def test_the_titles_rules_come_from_the_regimes_parameters(self):
		national, bac_ninh, old = (
			Regime(name).eligibility_rules()
			for name in ("LTDKT2022-ND152", "LTDKT2022-ND152-BN", "LTDKT2013-ND91")
		)
		self.assertEqual((national.ttldtt_min_share, national.collective_no_warning), (0.5, False))
		self.assertEqual((bac_ninh.ttldtt_min_share, bac_ninh.collective_no_warning), (0.7, True))
		self.assertEqual(
			(old.cstdcs_needs_initiative, old.cstdcs_max_share, old.bk_cstdcs_years), (True, 0.15, None)
		)
		doc = frappe.get_doc("Legal Regime", "LTDKT2022-ND152-BN")
		# The edits are rolled back after the test; the cached regime must follow.
		self.addCleanup(frappe.clear_document_cache, "Legal Regime", doc.name)
		next(row for row in doc.parameters if row.parameter == "TTLDTT share of LDTT").value = 75
		doc.save()
		frappe.clear_document_cache("Legal Regime", doc.name)
		self.assertEqual(Regime(doc.name).eligibility_rules().ttldtt_min_share, 0.75)
		doc.reload()
		next(row for row in doc.parameters if row.parameter == "CSTDCS needs an initiative").value = 2
		self.assertRaisesRegex(frappe.ValidationError, "is 1 .yes. or 0 .no., not 2", doc.save)
		doc.reload()
		next(
			row for row in doc.parameters if row.parameter == "CSTDT initiative scope"
		).text_value = "District"
		self.assertRaisesRegex(frappe.ValidationError, "must be one of Unit, Province, National", doc.save)
		doc.reload()
		doc.parameters = [row for row in doc.parameters if row.parameter != "LDTT minimum months worked"]
		doc.save()
		frappe.clear_document_cache("Legal Regime", doc.name)
		self.assertRaisesRegex(
			frappe.ValidationError, "sets no LDTT minimum months worked", Regime(doc.name).eligibility_rules
		)

	def test_values_that_would_leave_the_rules_ambiguous_are_refused(self):
		doc = frappe.get_doc("Legal Regime", "LTDKT2022-ND98")
		doc.append("vote_thresholds", dict(doc.vote_thresholds[0].as_dict(), name=None, idx=None))
		self.assertRaisesRegex(frappe.ValidationError, "appears twice", doc.save)
		doc = frappe.get_doc("Legal Regime", "LTDKT2022-ND98")
		next(row for row in doc.parameters if row.parameter == "Dossier deadline").text_value = "31/02"
		self.assertRaisesRegex(frappe.ValidationError, "day/month", doc.save)
		doc = frappe.get_doc("Legal Regime", "LTDKT2022-ND98")
		doc.valid_to = "2025-07-15"
		self.assertRaisesRegex(frappe.ValidationError, "LTDKT2022-ND152 of the same province", doc.save)
		doc = frappe.get_doc("Legal Regime", "LTDKT2022-ND98")
		next(row for row in doc.parameters if row.parameter == "Reward rounding").text_value = "Sideways"
		self.assertRaisesRegex(frappe.ValidationError, "must be one of", doc.save)
