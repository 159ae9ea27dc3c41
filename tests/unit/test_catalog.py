"""Every string a Vietnamese user can meet has its Vietnamese translation, placeholders intact."""

import re

from thi_dua_app.catalog import extract_messages, missing_translations, read_po

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_user_facing_string_is_translated():
	assert missing_translations() == []


def test_translations_keep_their_placeholders():
	catalogue = read_po()
	broken = {
		msgid: msgstr
		for msgid, msgstr in catalogue.items()
		if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
	}
	assert broken == {}


def test_the_extractor_sees_doctypes_fields_options_workflow_and_code():
	messages = extract_messages()
	for expected in (
		"Emulation Evaluation",  # DocType name
		"Self score",  # field label
		"Central agency in the province",  # Select option
		"Return to unit",  # workflow action
		"Thi Dua Unit Officer",  # role fixture
		"Evaluations Waiting for Me",  # number card
		"Criterion {code}: the score {score} is above its maximum {maximum}.",  # _() in Python
		"Create evaluations",  # __() in JavaScript
	):
		assert expected in messages, expected
