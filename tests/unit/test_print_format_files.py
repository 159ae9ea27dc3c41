"""The app's print formats are found by Frappe where it looks for them: a standard print format's
template is read from ``print_format/<scrub(name)>/<scrub(name)>.html`` (frappe.www.printview),
so a record whose folder does not follow its name would print an empty page. Their names are the
Vietnamese names of the documents, which the print view shows as they are."""

import json
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "thi_dua_app"
RECORDS = sorted(APP.glob("thi_dua/print_format/*/*.json"))


def scrub(text: str) -> str:
	# frappe.scrub, which this site-free test may not import
	return text.replace(" ", "_").replace("-", "_").lower()


def test_every_print_format_is_where_frappe_reads_it():
	assert len(RECORDS) == 9
	for path in RECORDS:
		record = json.loads(path.read_text(encoding="utf-8"))
		folder = scrub(record["name"])
		assert path.parent.name == folder, path
		assert path.name == f"{folder}.json", path
		assert (path.parent / f"{folder}.html").read_text(encoding="utf-8").strip(), path


def test_print_format_names_are_vietnamese():
	for path in RECORDS:
		name = json.loads(path.read_text(encoding="utf-8"))["name"]
		assert not name.isascii(), name
		assert name[0].isupper() and name == name.strip(), name
