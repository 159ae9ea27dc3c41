"""Regimes seeded by an earlier release get the rules shipped since that they do not carry at all:
the council threshold of the Government's flag, the deadline for forwarding its candidates under
Decree 152/2025, and the parameters of the titles of people and sub-units. A rule a regime carries
keeps the administrator's value."""

from thi_dua_app.thi_dua.legal import seed_legal_data


def execute():
	seed_legal_data()
