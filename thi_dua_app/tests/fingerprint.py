"""What a backup or an upgrade must keep: every record of every app DocType, and every file
attached to one, written to a JSON file so that two states of a site can be compared.

    bench --site SITE execute thi_dua_app.tests.fingerprint.write --kwargs "{'path': '/tmp/a.json'}"

``write`` (counts and checksums, files included) is compared by scripts/check_backup_restore.sh;
``write_rows`` (the records themselves) by scripts/check_upgrade.sh.
"""

from __future__ import annotations

import hashlib
import json
import os

import frappe

from thi_dua_app.hooks import app_name


def app_doctypes() -> list[str]:
	modules = frappe.get_module_list(app_name)
	return frappe.get_all(
		"DocType",
		filters={"module": ("in", modules), "is_virtual": 0, "issingle": 0},
		pluck="name",
		order_by="name asc",
	)


def checksum(rows) -> str:
	return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


def tables() -> dict[str, dict]:
	"""Each app table as stored, every column included (the database's own computed ones too)."""
	out = {}
	for doctype in app_doctypes():
		rows = frappe.db.sql(f"select * from `tab{doctype}` order by name", as_dict=True)
		out[doctype] = {"rows": len(rows), "sha256": checksum(rows)}
	return out


def files() -> dict[str, dict]:
	"""Every file attached to an app document: its record and the bytes on disk."""
	out = {}
	for file in frappe.get_all(
		"File",
		filters={"attached_to_doctype": ("in", app_doctypes()), "is_folder": 0},
		fields=["name", "file_url", "is_private", "attached_to_doctype", "attached_to_name", "content_hash"],
		order_by="name asc",
	):
		parts = file.file_url.lstrip("/").split("/")  # private/files/… or files/… (under public/)
		path = frappe.get_site_path(*parts) if file.is_private else frappe.get_site_path("public", *parts)
		content = open(path, "rb").read() if os.path.isfile(path) else None
		out[file.file_url] = {
			"record": checksum(file),
			"private": file.is_private,
			"sha256": hashlib.sha256(content).hexdigest() if content is not None else "missing",
		}
	return out


def write_rows(path: str) -> None:
	"""Every record of every app DocType, whole, by table and name (for an upgrade's before and
	after, where new columns may appear and patches may rewrite values)."""
	rows = {
		doctype: {
			row["name"]: row
			for row in frappe.db.sql(f"select * from `tab{doctype}` order by name", as_dict=True)
		}
		for doctype in app_doctypes()
	}
	with open(path, "w") as out:
		json.dump(rows, out, default=str, sort_keys=True)
	print(
		f"{frappe.local.site}: {sum(len(table) for table in rows.values())} records in {len(rows)} app DocTypes"
	)


def write(path: str) -> None:
	fingerprint = {"tables": tables(), "files": files()}
	with open(path, "w") as out:
		json.dump(fingerprint, out, indent=1, sort_keys=True)
	records = sum(table["rows"] for table in fingerprint["tables"].values())
	private = sum(1 for file in fingerprint["files"].values() if file["private"])
	print(
		f"{frappe.local.site}: {records} records in {len(fingerprint['tables'])} app DocTypes, "
		f"{len(fingerprint['files'])} attached files ({private} private)"
	)


def app_print_formats() -> None:
	"""Print the names of the app's own print formats on the site, one JSON list (the upgrade
	check compares them with the records in the code: a renamed one must not stay behind)."""
	print(
		json.dumps(
			frappe.get_all(
				"Print Format",
				filters={"module": "Thi Dua", "standard": "Yes"},
				pluck="name",
				order_by="name asc",
			),
			ensure_ascii=False,
		)
	)
