"""Between DocType rows and the pure scoring rules: read rows into domain values, and turn a
broken rule into a translated message. Used by Scoring Template, Emulation Pledge and
Emulation Evaluation alike."""

from __future__ import annotations

import hashlib

import frappe
from frappe import _
from frappe.utils import cint, flt, fmt_money

from thi_dua_app.rules import scoring
from thi_dua_app.rules.scoring import Band, Criterion, Entry, ScoringError, TieBreak

# The child tables that make up a scoring table, on a template and (frozen) on a pledge.
SCORING_TABLES = ("groups", "criteria", "bands", "tie_breaks")
CRITERION_FIELDS = (
	"criterion_code",
	"group_code",
	"criterion_type",
	"description",
	"max_points",
	"points_per_occurrence",
	"evidence_required",
	"scoring_guide",
)

TARGET_FIELDS = ("content", "indicator_kind", "committed_value", "uom")
# What an evaluation and a ranking read of their pledge: its header as stored now, and the tables
# frozen when it was signed.
PLEDGE_HEADER = [
	"name",
	"docstatus",
	"creation",
	"modified",
	"bloc",
	"year",
	"head_unit",
	"deputy_unit",
	"bonus_cap",
	"results_published",
]
PLEDGE_TABLES = {
	"groups": ("Scoring Group", ("group_code", "group_title")),
	"criteria": ("Scoring Criterion", CRITERION_FIELDS),
	"targets": ("Pledge Target", TARGET_FIELDS),
	"signatories": ("Pledge Signatory", ("member_unit",)),
	"bands": ("Scoring Band", ("band", "min_score", "max_score")),
	"tie_breaks": ("Tie Break Rule", ("rule", "group_code")),
}
CACHE_SECONDS = 7 * 24 * 3600
# Which tables (and columns) a cached copy holds: a release that reads more of the pledge does not
# take an older release's copy for its own.
TABLES_VERSION = hashlib.sha1(repr(PLEDGE_TABLES).encode()).hexdigest()[:10]


def pledge_for_scoring(name: str) -> frappe._dict | None:
	"""The pledge an evaluation is scored under (None when there is none): its header is read on
	every call; the tables of a signed pledge never change, so they are read once for each stored
	version of it (its ``creation`` and ``modified``) and kept in the cache — a pledge made again
	under the same name, or changed in any way, is another version and is read afresh."""
	header = frappe.db.get_value("Emulation Pledge", name, PLEDGE_HEADER, as_dict=True)
	if not header:
		return None
	key = f"thi_dua:pledge_tables:{TABLES_VERSION}:{name}:{header.creation}:{header.modified}"
	# expires=True: a miss is not remembered for the rest of the request (Frappe would keep None).
	tables = frappe.cache.get_value(key, expires=True) if header.docstatus == 1 else None
	if tables is None:
		tables = {
			table: frappe.get_all(
				doctype,
				filters={"parent": name, "parenttype": "Emulation Pledge", "parentfield": table},
				fields=list(fields),
				order_by="idx asc",
			)
			for table, (doctype, fields) in PLEDGE_TABLES.items()
		}
		if header.docstatus == 1:
			frappe.cache.set_value(key, tables, expires_in_sec=CACHE_SECONDS)
	return frappe._dict(header, **tables)


def scoring_message(error: ScoringError, **context) -> str:
	"""The translated sentence for a broken scoring rule, its numbers written as the site writes
	them."""
	messages = {
		"scale_invalid": _("The scale must be one of {allowed}, not {scale}."),
		"duplicate_group": _("Group {group} is listed more than once."),
		"negative_bonus_cap": _("The bonus cap cannot be negative."),
		"duplicate_criterion": _("Criterion {code} is listed more than once."),
		"unknown_group": _("Criterion {code} belongs to group {group}, which is not in the list of groups."),
		"unknown_kind": _("Criterion {code} has an unknown type {kind}."),
		"negative_points": _("Criterion {code}: points cannot be negative."),
		"base_without_maximum": _("Criterion {code}: a base criterion needs a maximum above zero."),
		"points_per_occurrence_missing": _("Criterion {code}: enter the points per occurrence."),
		"bonus_item_uncapped": _("Bonus item {code}: enter the most points it can add."),
		"base_total_mismatch": _(
			"The maximum points of the base criteria add up to {total}, not the scale total {scale}."
		),
		"bonus_cap_missing": _("The table has bonus items, so it needs a bonus cap above zero."),
		"band_empty": _("Band {band}: its lower bound must be below its upper bound."),
		"band_overlap": _("Band {band} overlaps the band before it at {at}."),
		"band_gap": _("The classification bands leave a gap from {start} to {end}."),
		"bands_do_not_cover": _("The classification bands end at {end}; they must reach {top}."),
		"unknown_tie_break": _("Unknown tie-break rule {rule}."),
		"tie_break_unknown_group": _(
			"The tie-break rule refers to group {group}, which is not in the list of groups."
		),
		"negative_score": _("Criterion {code}: the score cannot be negative."),
		"score_above_maximum": _("Criterion {code}: the score {score} is above its maximum {maximum}."),
		"negative_occurrences": _("Criterion {code}: the number of occurrences cannot be negative."),
		"disqualifier_is_yes_no": _(
			"Criterion {code}: a disqualifying condition is either 0 (does not apply) or 1 (applies)."
		),
		"unknown_indicator": _("Target {row}: unknown indicator kind {kind}."),
		"negative_achieved": _("Target {row}: the achieved value cannot be negative."),
		"percent_above_100": _("Target {row}: a percentage cannot exceed 100 (entered {value})."),
		"yes_no_value": _(
			"Target {row}: a Yes/No target takes 1 (achieved) or 0 (not achieved), not {value}."
		),
	}
	params = {key: number_text(value) for key, value in {**error.params, **context}.items()}
	return messages[error.code].format(**params)


def number_text(value):
	"""A number as the site writes numbers (12,5 on a Vietnamese site), without trailing zeros;
	any other value as it is."""
	if isinstance(value, bool) or not isinstance(value, int | float):
		return value
	decimals = next((places for places in range(3) if round(value, places) == round(value, 6)), 3)
	return fmt_money(value, precision=decimals)


def throw_scoring_error(error: ScoringError, **context):
	"""``context`` fills what the pure rule does not know (a target's row for a target's error)."""
	frappe.throw(scoring_message(error, **context), title=_("Invalid scoring"))


def criteria_of(doc) -> list[Criterion]:
	return [
		Criterion(
			code=row.criterion_code,
			group=row.group_code,
			kind=row.criterion_type,
			max_points=flt(row.max_points),
			points_per_occurrence=flt(row.points_per_occurrence),
		)
		for row in doc.get("criteria") or doc.get("scores") or []
	]


def bands_of(doc) -> list[Band]:
	return [Band(row.band, flt(row.min_score), flt(row.max_score)) for row in doc.get("bands") or []]


def tie_breaks_of(doc) -> list[TieBreak]:
	return [TieBreak(row.rule, row.group_code or "") for row in doc.get("tie_breaks") or []]


def validate_scoring_table(doc) -> None:
	"""Check a document holding a scoring table (template or pledge) against the rules."""
	try:
		scoring.check_scoring_table(
			groups=[row.group_code for row in doc.get("groups") or []],
			criteria=criteria_of(doc),
			scale_total=cint(doc.scale_total),
			bonus_cap=flt(doc.bonus_cap),
			bands=bands_of(doc),
			tie_breaks=tie_breaks_of(doc),
		)
	except ScoringError as error:
		throw_scoring_error(error)


def copy_scoring_table(source, target) -> None:
	"""Copy a template's scale, cap and tables onto a pledge (the pledge keeps its own copy)."""
	target.scale_total = cint(source.scale_total)
	target.bonus_cap = flt(source.bonus_cap)
	for table in SCORING_TABLES:
		target.set(table, [])
		for row in source.get(table):
			fields = row.as_dict(no_default_fields=True)
			fields.pop("doctype", None)
			target.append(table, fields)


def entries_of(rows, verified: bool) -> dict[str, Entry]:
	"""What was entered on an evaluation's score rows: by the unit, or by the verifier."""
	score_field, count_field = (
		("verified_score", "verified_occurrences") if verified else ("self_score", "self_occurrences")
	)
	return {
		row.criterion_code: Entry(score=flt(row.get(score_field)), occurrences=cint(row.get(count_field)))
		for row in rows
	}
