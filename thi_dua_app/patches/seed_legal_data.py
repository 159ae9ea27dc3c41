"""Sites made before the legal regimes existed get the shipped award forms, regimes and base
salary table, and each pledge the regime of its year."""

import frappe

from thi_dua_app.thi_dua.legal import regime_of_pledge, seed_legal_data


def execute():
	seed_legal_data()
	for pledge in frappe.get_all(
		"Emulation Pledge",
		filters={"legal_regime": ("is", "not set")},
		fields=["name", "bloc", "year", "legal_regime"],
	):
		found = regime_of_pledge(pledge, throw=False)
		if found:
			frappe.db.set_value("Emulation Pledge", pledge.name, "legal_regime", found, update_modified=False)
