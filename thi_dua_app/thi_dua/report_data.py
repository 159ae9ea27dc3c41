"""Queries shared by the reports and print formats. Every one goes through ``frappe.get_list``,
which applies the app's permission conditions: a report returns only rows its user may read.

Unit columns in the reports are plain text, not links: Frappe drops report rows whose link
columns point to records the user's User Permissions exclude, and a unit's officer is (rightly)
restricted to its own Member Unit record — which would hide the rows the head may see."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt

from thi_dua_app.permissions import get_user_units, leads_pledge, sees_everything
from thi_dua_app.scoring import BASE, GROUP_SCORE

EVALUATION = "Emulation Evaluation"


def report_pledge(filters) -> tuple:
	"""The pledge a report is about, or (None, why not). No pledge chosen: (None, None).

	Reports answer "nothing to show" rather than raise: Frappe switches a report that raises to
	background mode for everyone."""
	name = filters.get("pledge")
	if not name:
		return None, None
	if not frappe.db.exists("Emulation Pledge", name) or not frappe.has_permission(
		"Emulation Pledge", "read", name
	):
		return None, _("You may not read pledge {0}.").format(name)
	return frappe.get_doc("Emulation Pledge", name), None


def ranking_group(pledge) -> str:
	"""The group whose score breaks ties first (the demo: group I), else the table's first group."""
	for row in pledge.tie_breaks:
		if row.rule == GROUP_SCORE and row.group_code:
			return row.group_code
	return pledge.groups[0].group_code if pledge.groups else ""


def evaluations(filters: dict | list, fields: list[str], order_by: str = "bloc_rank asc") -> list[dict]:
	"""Evaluations the user may read; ``filters`` as a dict or a list of [field, operator, value]."""
	if isinstance(filters, dict):
		filters = [
			[field, *value] if isinstance(value, tuple) else [field, "=", value]
			for field, value in filters.items()
		]
	return frappe.get_list(
		EVALUATION,
		filters=[["docstatus", "<", 2], *filters],
		fields=fields,
		order_by=order_by,
		limit_page_length=0,
	)


def group_scores(evaluation_names: list[str], group: str) -> dict[str, float]:
	"""Verified base points of one group per evaluation (each capped at its maximum)."""
	if not evaluation_names or not group:
		return {}
	totals: dict[str, float] = defaultdict(float)
	for row in frappe.get_list(
		"Evaluation Score",
		parent_doctype=EVALUATION,
		filters={"parent": ("in", evaluation_names), "criterion_type": BASE, "group_code": group},
		fields=["parent", "verified_score", "max_points"],
		limit_page_length=0,
	):
		totals[row.parent] += min(flt(row.verified_score), flt(row.max_points))
	return dict(totals)


def can_follow_progress(pledge: str, user: str | None = None) -> bool:
	"""Who may see how far every unit has got (the state, not the scores): the province and the
	bloc head and deputy of that pledge."""
	return sees_everything(user) or leads_pledge(pledge, user)


@frappe.whitelist()
def report_defaults() -> dict:
	"""Sensible filter defaults for the user: the latest signed pledge they can read, its year,
	and their own unit."""
	latest = frappe.get_list(
		"Emulation Pledge",
		filters={"docstatus": 1},
		fields=["name", "year", "bloc"],
		order_by="year desc, signing_date desc",
		limit_page_length=1,
	)
	units = get_user_units()
	return {
		"pledge": latest[0].name if latest else None,
		"year": latest[0].year if latest else frappe.utils.getdate().year,
		"bloc": latest[0].bloc if latest else None,
		"member_unit": units[0] if units else None,
	}


def unit_column(width: int = 240) -> dict:
	return {"fieldname": "member_unit", "label": _("Member unit"), "fieldtype": "Data", "width": width}


def evaluation_column(fieldname: str = "evaluation") -> dict:
	return {
		"fieldname": fieldname,
		"label": _("Evaluation"),
		"fieldtype": "Link",
		"options": EVALUATION,
		"width": 150,
	}
