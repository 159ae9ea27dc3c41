"""Sites installed before the province could import staff lists get Data Import for it."""

from thi_dua_app.install import grant_data_import


def execute():
	grant_data_import()
