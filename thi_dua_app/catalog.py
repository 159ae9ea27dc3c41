"""The app's Vietnamese catalogue, kept with Frappe's own gettext tooling:

    bench generate-pot-file --app thi_dua_app            # locale/main.pot: every string of the app
    bench update-po-files --app thi_dua_app --locale vi  # locale/vi.po takes the new strings
    python -m thi_dua_app.catalog                         # what vi.po leaves untranslated
    bench compile-po-to-mo --app thi_dua_app --force      # what the site reads

main.pot is what Frappe's extractors find (DocType, report and workspace JSON, ``_()`` in Python
and Jinja, ``__()`` in JavaScript) together with the app's own extractors, which Frappe runs
first (babel_extractors.csv at the repository's root, thi_dua_app.gettext_extractors): the names
of the fixtures, number cards, charts and print formats, and the framework's strings below. Both
files are read and written with babel, the gettext library Frappe itself uses, as Frappe writes
them. Pure Python, no frappe.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po as read_catalog_file
from babel.messages.pofile import write_po as write_catalog_file

APP = Path(__file__).resolve().parent
POT_PATH = APP / "locale" / "main.pot"
PO_PATH = APP / "locale" / "vi.po"

# Framework strings an officer meets on the app's screens (upload, export and print dialogs, the
# bell, list and comment chrome) that Frappe's catalogue lacks or translates wrongly or literally
# ("Phong cảnh" for Landscape, "Lưu" for Saved, "Thông thoáng" for an attachment's Clear): the
# app's catalogue, read after Frappe's, has them.
FRAMEWORK_STRINGS = (
	"Add a comment",
	"Add a Filter",
	"Add Tags",
	"Apply Filters",
	"Are you sure you want to proceed?",
	"Assigned To",
	"Attach File",
	"Browse",
	"Build",
	"Clear",
	"Comment",
	"Comments",
	"Copy to Clipboard",
	"Created By",
	"Did not save",
	"Drag and drop files here or upload from",
	"Edit Filters",
	"Editing Row #{0}",
	"Events",
	"Export Report: {0}",
	"Export Type",
	"Filter Name",
	"Follow",
	"Get PDF",
	"Include indentation",
	"Landscape",
	"Library",
	"Like",
	"Liked by me",
	"Looks like you haven’t received any notifications.",
	"Mark all as read",
	"My Device",
	"New {0}",
	"No Letterhead",
	"No New notifications",
	"No Upcoming Events",
	"No new notifications",
	"Not allowed via controller permission check",
	"Older",
	"Optimize",
	"Orientation",
	"Page Size",
	"Page {0} of {1}",
	"Portrait",
	"Print",
	"Print Preview",
	"Private",
	"Public",
	"Remind Me",
	"Save Filter",
	"Saved",
	"See all Activity",
	"Saving",
	"Search or type a command ({0})",
	"Select Columns",
	"Select File Type",
	"Set all private",
	"Set all public",
	"Show Tags",
	"Sort Ascending",
	"Sort Descending",
	"Tags",
	"Toggle Sidebar",
	"Tools",
	"Try the new Print Designer",
	"Type a reply / comment",
	"Upload {0} files",
	"Uploading",
	"Website",
	"Workflow State",
	"You changed the value of {0}",
	"You changed the value of {0} {1}",
	"You changed the values for {0}",
	"You changed the values for {0} {1}",
	"You have unseen notifications",
	"You need the '{0}' permission on {1} {2} to perform this action.",
	"You created this",
	"You last edited this",
	"{0} changed the value of {1}",
	"{0} changed the value of {1} {2}",
	"{0} changed the values for {1}",
	"{0} changed the values for {1} {2}",
	"{0} created this",
	"{0} from {1} to {2}",
	"{0} from {1} to {2} in row #{3}",
	"{0} last edited this",
	"What's New",
	"cancel",
	"create",
	"delete",
	"read",
	"submit",
	"write",
)


def read_catalog(path: Path = PO_PATH) -> Catalog:
	with open(path, "rb") as file:
		return read_catalog_file(file)


def read_po(path: Path = PO_PATH) -> dict[str, str]:
	"""msgid → msgstr of the translated, not fuzzy, messages of a catalogue."""
	return {
		message.id: message.string
		for message in read_catalog(path)
		if message.id and message.string and not message.fuzzy
	}


def template_messages(path: Path = POT_PATH) -> set[str]:
	"""Every msgid of the template (main.pot)."""
	return {message.id for message in read_catalog(path) if message.id}


def write_po(translations: dict[str, str], path: Path = PO_PATH) -> None:
	"""Set the Vietnamese of the given messages, written as Frappe writes a catalogue."""
	catalog = read_catalog(path)
	for msgid, msgstr in translations.items():
		message = catalog.get(msgid)
		if message is None:
			catalog.add(msgid, msgstr)
		else:
			message.string = msgstr
			message.flags.discard("fuzzy")
	with open(path, "wb") as file:
		write_catalog_file(file, catalog, sort_output=True, ignore_obsolete=True, width=None)


def missing_translations() -> list[str]:
	"""The template's messages that vi.po does not translate."""
	translated = read_po()
	return sorted((message for message in template_messages() if message not in translated), key=str.casefold)


if __name__ == "__main__":
	missing = missing_translations()
	print("\n".join(missing))
	sys.exit(1 if missing else 0)
