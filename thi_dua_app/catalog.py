"""Every user-facing string of the app, and the Vietnamese catalogue (locale/vi.po) that must
translate each of them. Pure Python, no frappe, so a site-free test can hold the two together.

    python -m thi_dua_app.catalog          # list strings that have no Vietnamese yet
    python -m thi_dua_app.catalog --write  # add them to vi.po (empty), drop unused ones

Strings come from DocType, workspace, number card, report and print format JSON (names, labels,
descriptions, options), the shipped fixtures (roles, workflow states and actions), and the
literal arguments of ``_()`` in Python and Jinja templates and ``__()`` in JavaScript, plus the
framework's own strings on the app's screens that Frappe leaves untranslated.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent
PO_PATH = APP / "locale" / "vi.po"

_PY_CALL = re.compile(r"""(?<![\w.])_\(\s*(?P<q>"|')(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*[,)]""", re.S)
_JS_CALL = re.compile(r"""(?<![\w.])__\(\s*(?P<q>"|'|`)(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*[,)]""", re.S)
_TRANSLATED_KEYS = ("label", "description", "title")
# Framework strings an officer meets on the app's screens (upload, export and print dialogs, the
# bell, list and comment chrome) that Frappe's catalogue lacks or translates wrongly or literally
# ("Phong cảnh" for Landscape, "Lưu" for Saved): the app's catalogue, read after Frappe's, has them.
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
	"Comment",
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
	"Mark all as read",
	"My Device",
	"New {0}",
	"No Letterhead",
	"No New notifications",
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
	"Upload {0} files",
	"Uploading",
	"Website",
	"Workflow State",
	"You created this",
	"You last edited this",
	"{0} created this",
	"{0} last edited this",
)
_FIXTURE_NAME_DOCTYPES = {"Role", "Workflow State", "Workflow Action Master"}


def _unescape(text: str) -> str:
	return re.sub(r"\\(.)", lambda match: {"n": "\n", "t": "\t"}.get(match.group(1), match.group(1)), text)


def _from_json(path: Path) -> set[str]:
	data = json.loads(path.read_text(encoding="utf-8"))
	docs = data if isinstance(data, list) else [data]
	found: set[str] = set()
	for doc in docs:
		doctype = doc.get("doctype")
		if doctype in ("DocType", "Report", "Workspace", "Number Card", "Dashboard Chart", "Print Format"):
			found.add(doc["name"])
		if doctype in _FIXTURE_NAME_DOCTYPES:
			found.add(doc["name"])
		for key in _TRANSLATED_KEYS:
			if doc.get(key):
				found.add(doc[key])
		for field in doc.get("fields", []):
			for key in ("label", "description"):
				if field.get(key):
					found.add(field[key])
			if field.get("fieldtype") == "Select" and field.get("options"):
				found.update(option for option in field["options"].split("\n") if option)
		for child_key in ("links", "shortcuts", "number_cards", "filters", "columns"):
			for row in doc.get(child_key, []) or []:
				if row.get("label"):
					found.add(row["label"])
		for row in doc.get("transitions", []):
			found.update((row["state"], row["action"], row["next_state"]))
	return found


def _from_source(path: Path, pattern: re.Pattern) -> set[str]:
	return {_unescape(match.group("text")) for match in pattern.finditer(path.read_text(encoding="utf-8"))}


def extract_messages(app_dir: Path = APP) -> set[str]:
	messages: set[str] = set()
	for path in app_dir.rglob("*"):
		if "node_modules" in path.parts or not path.is_file():
			continue
		if path.suffix == ".json":
			messages |= _from_json(path)
		elif path.suffix in (".py", ".html") and path.name != "catalog.py":
			messages |= _from_source(path, _PY_CALL)
		elif path.suffix == ".js":
			messages |= _from_source(path, _JS_CALL)
	messages.update(FRAMEWORK_STRINGS)
	return {message for message in messages if message.strip()}


def _po_unquote(text: str) -> str:
	return _unescape(text[1:-1])


def _po_quote(text: str) -> str:
	return (
		'"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
	)


def read_po(path: Path = PO_PATH) -> dict[str, str]:
	"""msgid → msgstr of a catalogue written by ``write_po`` (one line each)."""
	catalogue: dict[str, str] = {}
	msgid = None
	if not path.exists():
		return catalogue
	for line in path.read_text(encoding="utf-8").splitlines():
		if line.startswith("msgid "):
			msgid = _po_unquote(line[6:])
		elif line.startswith("msgstr ") and msgid is not None:
			if msgid:
				catalogue[msgid] = _po_unquote(line[7:])
			msgid = None
	return catalogue


def write_po(catalogue: dict[str, str], path: Path = PO_PATH) -> None:
	header = (
		'msgid ""\n'
		'msgstr ""\n'
		'"Project-Id-Version: thi_dua_app\\n"\n'
		'"Language: vi\\n"\n'
		'"MIME-Version: 1.0\\n"\n'
		'"Content-Type: text/plain; charset=UTF-8\\n"\n'
		'"Content-Transfer-Encoding: 8bit\\n"\n'
		'"Plural-Forms: nplurals=1; plural=0;\\n"\n'
	)
	body = "".join(
		f"\nmsgid {_po_quote(msgid)}\nmsgstr {_po_quote(catalogue[msgid])}\n"
		for msgid in sorted(catalogue, key=str.casefold)
	)
	path.parent.mkdir(parents=True, exist_ok=True)
	path.write_text(header + body, encoding="utf-8")


def missing_translations() -> list[str]:
	catalogue = read_po()
	return sorted((message for message in extract_messages() if not catalogue.get(message)), key=str.casefold)


def main(argv: list[str]) -> int:
	if "--write" in argv:
		catalogue = read_po()
		messages = extract_messages()
		write_po({message: catalogue.get(message, "") for message in messages})
	missing = missing_translations()
	for message in missing:
		print(message)
	return 1 if missing else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
