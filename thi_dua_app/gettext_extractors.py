"""Extractors for Frappe's `bench generate-pot-file`, named in babel_extractors.csv at the
repository's root (Frappe reads an app's file there before its own): the texts the desk shows
translated that Frappe's extractors do not reach — the names of the fixtures (roles, workflow
states and actions), of number cards and dashboard charts, and the framework's
strings the app's catalogue carries for its screens (thi_dua_app.catalog.FRAMEWORK_STRINGS).
Each yields babel's (line, function, message, comments). Pure Python, no frappe."""

from __future__ import annotations

import ast
import json

# Fixtures whose record's name is what the desk shows.
NAMED_FIXTURES = {"Role", "Workflow State", "Workflow Action Master"}
# Desk records and the field of each that the desk shows, translated.
SHOWN_FIELD = {"Number Card": "label", "Dashboard Chart": "chart_name"}


def fixtures(fileobj, keywords=None, comment_tags=None, options=None):
	data = json.load(fileobj)
	for doc in data if isinstance(data, list) else [data]:
		if doc.get("doctype") in NAMED_FIXTURES and doc.get("name"):
			yield None, "_", doc["name"], [f"Name of a {doc['doctype']}"]


def desk_records(fileobj, keywords=None, comment_tags=None, options=None):
	data = json.load(fileobj)
	if not isinstance(data, dict):
		return
	field = SHOWN_FIELD.get(data.get("doctype"))
	if field and data.get(field):
		yield None, "_", data[field], [f"{field} of a {data['doctype']}"]


def framework_strings(fileobj, keywords=None, comment_tags=None, options=None):
	"""The members of the tuple FRAMEWORK_STRINGS in the catalogue's module."""
	tree = ast.parse(fileobj.read())
	for node in ast.walk(tree):
		if (
			isinstance(node, ast.Assign)
			and any(
				isinstance(target, ast.Name) and target.id == "FRAMEWORK_STRINGS" for target in node.targets
			)
			and isinstance(node.value, ast.Tuple)
		):
			for item in node.value.elts:
				if isinstance(item, ast.Constant) and isinstance(item.value, str):
					yield item.lineno, "_", item.value, ["A framework string the app translates"]


def no_text(fileobj, keywords=None, comment_tags=None, options=None):
	"""For hooks.py, which shows no text (the app adds nothing to the navbar). Frappe's own
	extractor of navbar items would read the module's path relative to the bench, and fails for an
	app whose folder is linked into the bench from elsewhere, as setup_bench.sh links it."""
	return iter(())
