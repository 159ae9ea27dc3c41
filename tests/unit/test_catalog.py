"""Every string a Vietnamese user can meet has its Vietnamese translation, placeholders intact —
checked with Frappe's own gettext tooling: main.pot must be what `bench generate-pot-file`
extracts from this tree, and vi.po, read with babel, must translate all of it."""

import os
import re
import subprocess
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

from thi_dua_app.catalog import (
	FRAMEWORK_STRINGS,
	POT_PATH,
	missing_translations,
	read_catalog,
	read_po,
	template_messages,
)

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def method_map(csv: Path) -> list[tuple[str, str]]:
	return [tuple(line.split(",", 1)) for line in csv.read_text().splitlines() if line.strip()]


def extracted_now() -> set[str]:
	"""What `bench generate-pot-file --app thi_dua_app` extracts (frappe.gettext.translate.
	generate_pot): the app's extractors first, then Frappe's, over the repository, leaving out
	folders starting with "." or "_" and those git ignores."""
	import frappe

	frappe_csv = Path(frappe.__file__).resolve().parents[1] / "babel_extractors.csv"
	keywords = {**DEFAULT_KEYWORDS, "_lt": None}

	def keep(dirpath) -> bool:
		name = os.path.basename(dirpath)
		if name.startswith((".", "_")):
			return False
		ignored = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", str(dirpath)], check=False)
		return ignored.returncode != 0

	return {
		message
		for _file, _line, message, _comments, _context in extract_from_dir(
			REPO,
			method_map(REPO / "babel_extractors.csv") + method_map(frappe_csv),
			keywords=keywords,
			directory_filter=keep,
		)
		if message
	}


def test_main_pot_is_what_frappe_s_tooling_extracts():
	now, committed = extracted_now(), template_messages()
	assert (sorted(now - committed), sorted(committed - now)) == ([], []), (
		"run: bench generate-pot-file --app thi_dua_app; bench update-po-files --app thi_dua_app --locale vi"
	)


def test_every_string_of_main_pot_is_translated():
	assert missing_translations() == []


def test_translations_keep_their_placeholders_and_have_no_stray_spaces():
	catalogue = read_po()
	broken = {
		msgid: msgstr
		for msgid, msgstr in catalogue.items()
		if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
	}
	assert broken == {}
	# No sentence is glued from fragments: nothing begins or ends with a space.
	assert [msgid for msgid in template_messages() if msgid != msgid.strip()] == []
	assert [msgstr for msgstr in catalogue.values() if msgstr != msgstr.strip()] == []


def test_vi_po_is_a_catalogue_of_vietnamese_without_fuzzy_guesses():
	catalog = read_catalog()
	assert str(catalog.locale) == "vi"
	assert [message.id for message in catalog if message.id and message.fuzzy] == []


def test_no_message_has_a_context():
	"""The app gives no message a context; one found by the extractor is an argument it misread
	(`__("…", [a || "-"])` read "-" as the context), and that message would never be translated."""
	assert [(message.id, message.context) for message in read_catalog(POT_PATH) if message.context] == []


def test_the_extraction_sees_doctypes_fields_options_fixtures_desk_records_and_code():
	messages = template_messages()
	for expected in (
		"Emulation Evaluation",  # DocType name
		"Self score",  # field label
		"Central agency in the province",  # Select option
		"Return to unit",  # workflow action (fixture)
		"Thi Dua Unit Officer",  # role (fixture)
		"Verified or Approved Evaluations",  # number card
		"Criterion {code}: the score {score} is above its maximum {maximum}.",  # _() in Python
		"Create evaluations",  # __() in JavaScript
		*FRAMEWORK_STRINGS,  # the framework's, translated by the app
	):
		assert expected in messages, expected
