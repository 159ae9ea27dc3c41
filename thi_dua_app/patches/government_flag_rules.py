"""Regimes seeded before the Government's emulation flag was proposed from the app get its council
threshold and, under Decree 152/2025, the deadline for forwarding the candidates."""

from thi_dua_app.thi_dua.legal import seed_legal_data


def execute():
	seed_legal_data()
