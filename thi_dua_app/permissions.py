"""Who may see and act on what — the one place that answers it.

A user acts for the member units named in their User Permissions on "Member Unit" (Frappe's
own mechanism, also managed from the Member Unit form). Province managers and viewers see
everything. Every hook, report and whitelisted method asks this module; nothing re-derives it.

For each bloc-scoped DocType ONE function builds the SQL condition of the rows a user may read.
The list filter (``permission_query_conditions``) returns it, and the single-document check
(``has_permission``) runs the same condition against that one row, so list, form, print,
report, REST and export can never disagree.

Frappe's controller hooks can only narrow what role permissions grant: roles decide which
actions exist for a user, this module decides on which rows.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import unquote

import frappe
from frappe.utils import getdate

from thi_dua_app.constants import (
	CHILD_PARENTS,
	PROVINCE_MANAGER,
	REFERENCES,
	SELF_ASSESSED,
	UNIT_EDIT_STATES,
	VIEWER,
	VISIBLE_TO_BLOC_HEAD_STATES,
)
from thi_dua_app.rules import succession

MEMBER_UNIT = "Member Unit"
READ_LIKE = frozenset({"read", "select", "print", "email", "export", "report", "share"})


# A row condition that no row meets.
NO_ROW = "1 = 0"


def get_user_units(user: str | None = None) -> list[str]:
	"""The member units a user acts for (their User Permissions on Member Unit)."""
	from frappe.core.doctype.user_permission.user_permission import get_user_permissions

	user = user or frappe.session.user
	return sorted({perm.get("doc") for perm in get_user_permissions(user).get(MEMBER_UNIT, [])})


def users_acting_for(units: list[str]) -> list[str]:
	"""The enabled users who act for any of the units: whom a document about those units notifies."""
	users = frappe.get_all(
		"User Permission",
		filters={"allow": MEMBER_UNIT, "for_value": ("in", [unit for unit in units if unit] or [""])},
		pluck="user",
		distinct=True,
	)
	return sorted(frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name"))


def is_manager(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user == "Administrator" or PROVINCE_MANAGER in frappe.get_roles(user)


def sees_everything(user: str | None = None) -> bool:
	"""Province managers and read-only viewers (council, inspectors) are not confined to units."""
	user = user or frappe.session.user
	return is_manager(user) or VIEWER in frappe.get_roles(user)


def acts_for(unit: str | None, user: str | None = None) -> bool:
	return bool(unit) and unit in get_user_units(user)


def leads_pledge(pledge: str | None, user: str | None = None) -> bool:
	"""Officers of the pledge's head or deputy unit hold the bloc head's powers for that year."""
	if not pledge:
		return False
	head, deputy = frappe.db.get_value("Emulation Pledge", pledge, ["head_unit", "deputy_unit"]) or (
		None,
		None,
	)
	units = get_user_units(user)
	return head in units or deputy in units


def follows_progress(pledge: str | None, user: str | None = None) -> bool:
	"""Who may see how far every unit of a pledge has got (the state, not the scores): the
	province and the pledge's head and deputy units."""
	return sees_everything(user) or leads_pledge(pledge, user)


def reads_whole_ranking(pledge: str | None, user: str | None = None) -> bool:
	"""Who may print the bloc's official ranking sheet: those who follow every unit (the province,
	the head and deputy units) and, once the results are published, every signatory. Before that a
	unit reads only its own row, and a sheet of one row is no bloc's sheet."""
	if follows_progress(pledge, user):
		return True
	if not isinstance(pledge, str) or not frappe.db.get_value(
		"Emulation Pledge", pledge, "results_published"
	):
		return False
	return frappe.has_permission("Emulation Pledge", "read", pledge, user=user)


def led_pledges(user: str | None = None) -> list[str]:
	"""Signed pledges whose head or deputy unit the user acts for."""
	units = get_user_units(user)
	if not units:
		return []
	return frappe.get_all(
		"Emulation Pledge",
		filters={"docstatus": 1},
		or_filters={"head_unit": ("in", units), "deputy_unit": ("in", units)},
		pluck="name",
	)


def _sql_in(values: list[str]) -> str:
	return "(" + ", ".join(frappe.db.escape(value) for value in values) + ")"


def _row_visible(doctype: str, name: str, condition: str | None) -> bool:
	if condition is None:
		return True
	return bool(
		frappe.db.sql(
			f"select name from `tab{doctype}` where name = %s and ({condition})",
			name,
		)
	)


def _confined_to_units(build):
	"""Make a row condition from ``build(in_units)``: no restriction (None) for the province,
	no row for a user of no unit, else ``build`` over the user's units as an escaped SQL list."""

	@functools.wraps(build)
	def condition(user: str | None = None) -> str | None:
		if sees_everything(user):
			return None
		units = get_user_units(user)
		if not units:
			return "1 = 0"
		return build(_sql_in(units))

	return condition


def _read_rule(doctype: str, condition):
	"""The two hooks of one row rule: the list filter and the single-document read check."""

	def query_conditions(user: str | None = None) -> str:
		return condition(user) or ""

	def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
		if ptype not in READ_LIKE:
			return None
		if doc.is_new():
			# An unsaved document sent to be printed: only the province reads made-up documents
			# (a unit's own new evaluation is judged by evaluation_has_permission).
			return None if sees_everything(user) else False
		return _row_visible(doctype, doc.name, condition(user))

	return query_conditions, has_permission


@_confined_to_units
def bloc_condition(in_units: str) -> str:
	"""Blocs the user's units belong to (at any date)."""
	return (
		"`tabEmulation Bloc`.name in (select parent from `tabEmulation Bloc Member` "
		f"where parenttype = 'Emulation Bloc' and member_unit in {in_units})"
	)


@_confined_to_units
def pledge_condition(in_units: str) -> str:
	"""Pledges the user's unit signs, heads or deputises."""
	return (
		f"(`tabEmulation Pledge`.head_unit in {in_units} or `tabEmulation Pledge`.deputy_unit in {in_units} "
		"or `tabEmulation Pledge`.name in (select parent from `tabPledge Signatory` "
		f"where parenttype = 'Emulation Pledge' and member_unit in {in_units}))"
	)


def evaluation_condition(user: str | None = None) -> str | None:
	"""A unit reads its own evaluations, and those of the units it succeeds (their results are its
	history). The bloc head and deputy read the others once they are self-assessed. Once the
	pledge's results are published, every signatory reads them all."""
	if sees_everything(user):
		return None
	units = get_user_units(user)
	if not units:
		return "1 = 0"
	in_units, with_history = _sql_in(units), _sql_in(with_predecessors(units))
	head_states = _sql_in(list(VISIBLE_TO_BLOC_HEAD_STATES))
	# Every evaluation the user reads is of a pledge one of its units (or a unit it succeeds)
	# signed — a head and a deputy are signatories too. Said first, it lets the database start from
	# those few pledges instead of reading every evaluation (the OR below can use no index).
	return (
		"(`tabEmulation Evaluation`.pledge in (select parent from `tabPledge Signatory` "
		f"where parenttype = 'Emulation Pledge' and member_unit in {with_history}) and "
		f"(`tabEmulation Evaluation`.member_unit in {with_history} "
		f"or (`tabEmulation Evaluation`.workflow_state in {head_states} "
		f"and (`tabEmulation Evaluation`.head_unit in {in_units} "
		f"or `tabEmulation Evaluation`.deputy_unit in {in_units})) "
		"or `tabEmulation Evaluation`.pledge in (select signatory.parent from `tabPledge Signatory` signatory "
		"join `tabEmulation Pledge` pledge on pledge.name = signatory.parent "
		"where signatory.parenttype = 'Emulation Pledge' and pledge.results_published = 1 "
		f"and signatory.member_unit in {in_units})))"
	)


@_confined_to_units
def meeting_condition(in_units: str) -> str:
	"""The bloc head and deputy units of the year read their meeting's minutes at any stage; every
	unit that signed the pledge reads them once they are submitted."""
	return (
		f"(`tabBloc Review Meeting`.head_unit in {in_units} or `tabBloc Review Meeting`.deputy_unit in {in_units} "
		"or (`tabBloc Review Meeting`.docstatus = 1 and `tabBloc Review Meeting`.pledge in "
		"(select parent from `tabPledge Signatory` where parenttype = 'Emulation Pledge' "
		f"and member_unit in {in_units})))"
	)


@_confined_to_units
def proposal_condition(in_units: str) -> str:
	"""The head and deputy units of the year prepare and follow the bloc's proposal; a unit its own
	proposal, made by its review."""
	return (
		f"(`tabAward Proposal`.head_unit in {in_units} or `tabAward Proposal`.deputy_unit in {in_units} "
		f"or `tabAward Proposal`.proposing_unit in {in_units})"
	)


@_confined_to_units
def council_condition(in_units: str) -> str:
	"""The council's sessions are the province's."""
	return "1 = 0"


@_confined_to_units
def government_flag_condition(in_units: str) -> str:
	"""The province's proposal of the Government's flag is the province's."""
	return "1 = 0"


@_confined_to_units
def decision_condition(in_units: str) -> str:
	"""A signed decision is read by the units it awards and by the head and deputy units whose
	proposal it decides; a draft is the province's."""
	return (
		"(`tabAward Decision`.docstatus = 1 and (`tabAward Decision`.name in (select parent from "
		f"`tabDecision Line` where parenttype = 'Award Decision' and member_unit in {in_units}) "
		"or `tabAward Decision`.name in (select award_decision from `tabAward Proposal` "
		f"where head_unit in {in_units} or deputy_unit in {in_units})))"
	)


def successions() -> list[succession.Succession]:
	"""Every stored succession of one unit into another (thi_dua_app.rules.succession)."""
	return [
		succession.Succession(
			row.name, row.successor_unit, getdate(row.succession_date) if row.succession_date else None
		)
		for row in frappe.get_all(
			MEMBER_UNIT,
			filters={"successor_unit": ("is", "set")},
			fields=["name", "successor_unit", "succession_date"],
		)
	]


def with_predecessors(units: list[str]) -> list[str]:
	"""The units and every unit they succeed, directly or not."""
	links = successions()
	found = list(units)
	for unit in units:
		found.extend(link.predecessor for link in succession.predecessors(unit, links))
	return sorted(set(found))


def record_condition(user: str | None = None) -> str | None:
	"""A unit reads its own awards, and those of the units it succeeds (their ledger is its history)."""
	if sees_everything(user):
		return None
	units = get_user_units(user)
	if not units:
		return "1 = 0"
	return f"`tabAward Record`.member_unit in {_sql_in(with_predecessors(units))}"


@_confined_to_units
def staff_condition(in_units: str) -> str:
	"""A unit's officers read their own people; the province reads everyone."""
	return f"`tabStaff Member`.member_unit in {in_units}"


@_confined_to_units
def division_condition(in_units: str) -> str:
	"""A unit's divisions are its own to read and keep."""
	return f"`tabUnit Division`.member_unit in {in_units}"


@_confined_to_units
def division_year_condition(in_units: str) -> str:
	return f"`tabDivision Year Record`.member_unit in {in_units}"


@_confined_to_units
def staff_year_condition(in_units: str) -> str:
	"""A person's year stays with the unit they served in that year."""
	return f"`tabStaff Year Record`.member_unit in {in_units}"


@_confined_to_units
def registration_condition(in_units: str) -> str:
	"""A unit reads its own registrations; the head and deputy units of a bloc's pledge read the
	signed registrations of its signatories for the pledge's year."""
	return (
		f"(`tabEmulation Registration`.member_unit in {in_units} "
		"or (`tabEmulation Registration`.docstatus = 1 and exists (select 1 from `tabPledge Signatory` "
		"signatory join `tabEmulation Pledge` pledge on pledge.name = signatory.parent "
		"where signatory.parenttype = 'Emulation Pledge' and pledge.docstatus < 2 "
		"and pledge.year = `tabEmulation Registration`.year "
		"and signatory.member_unit = `tabEmulation Registration`.member_unit "
		f"and (pledge.head_unit in {in_units} or pledge.deputy_unit in {in_units}))))"
	)


@_confined_to_units
def internal_review_condition(in_units: str) -> str:
	"""A unit's own review of its people is its own (and the province's)."""
	return f"`tabUnit Internal Review`.member_unit in {in_units}"


bloc_query_conditions, bloc_has_permission = _read_rule("Emulation Bloc", bloc_condition)
proposal_query_conditions, proposal_read_permission = _read_rule("Award Proposal", proposal_condition)
council_query_conditions, council_has_permission = _read_rule("Council Session", council_condition)
government_flag_query_conditions, government_flag_has_permission = _read_rule(
	"Government Flag Proposal", government_flag_condition
)
decision_query_conditions, decision_read_permission = _read_rule("Award Decision", decision_condition)
record_query_conditions, record_read_permission = _read_rule("Award Record", record_condition)
meeting_query_conditions, meeting_read_permission = _read_rule("Bloc Review Meeting", meeting_condition)
pledge_query_conditions, pledge_has_permission = _read_rule("Emulation Pledge", pledge_condition)
evaluation_query_conditions, evaluation_read_permission = _read_rule(
	"Emulation Evaluation", evaluation_condition
)


def _unit_of(doctype: str, name) -> str | None:
	return frappe.db.get_value(doctype, name, "member_unit") if name else None


def _kept_by_unit(doctype: str, condition, unit_of_new=None):
	"""The two hooks of a record a unit keeps (its people, divisions and their years): read with the
	row rule; written by the province, or by the officers of the unit it belongs to. A record whose
	client names its unit (a person, a division) must be the user's unit as stored and as sent — a
	transfer is the province's; a record that takes its unit from another (a year, from its person
	or division) is judged, while new, on that one's unit (``unit_of_new``), then on the stored one."""
	query_conditions, read_permission = _read_rule(doctype, condition)

	def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
		if ptype in READ_LIKE:
			return read_permission(doc, ptype, user)
		if is_manager(user):
			return None
		if doc.is_new():
			return acts_for(unit_of_new(doc) if unit_of_new else doc.member_unit, user)
		stored = _unit_of(doctype, doc.name)
		return acts_for(stored, user) and (unit_of_new is not None or acts_for(doc.member_unit, user))

	return query_conditions, has_permission


staff_query_conditions, staff_has_permission = _kept_by_unit("Staff Member", staff_condition)
staff_year_query_conditions, staff_year_has_permission = _kept_by_unit(
	"Staff Year Record", staff_year_condition, lambda doc: _unit_of("Staff Member", doc.staff_member)
)
division_query_conditions, division_has_permission = _kept_by_unit("Unit Division", division_condition)
division_year_query_conditions, division_year_has_permission = _kept_by_unit(
	"Division Year Record", division_year_condition, lambda doc: _unit_of("Unit Division", doc.division)
)
registration_query_conditions, registration_has_permission = _kept_by_unit(
	"Emulation Registration", registration_condition
)
internal_review_query_conditions, internal_review_has_permission = _kept_by_unit(
	"Unit Internal Review", internal_review_condition
)


def evaluation_capabilities(doc, user: str | None = None, stored=None) -> dict[str, bool]:
	"""What the user may change on an evaluation, judged on its stored state and units.

	``self``: the unit's own columns (self scores, evidence, target results) — its officers, while
	the evaluation is a draft or returned. ``verify``: the verified columns and the return reason —
	the pledge's head or deputy unit while the evaluation waits for verification.
	The province manager may do both, in the same states. ``stored``: the evaluation as just read
	from the database in this transaction, when the caller has it (a save has: Frappe reads it with
	a lock before validating).
	"""
	if stored is None and not doc.is_new():
		stored = (
			frappe.db.get_value(
				"Emulation Evaluation", doc.name, ["workflow_state", "member_unit", "pledge"], as_dict=True
			)
			or {}
		)
	stored = stored or {}
	state = stored.get("workflow_state") or doc.get("workflow_state") or UNIT_EDIT_STATES[0]
	member_unit = stored.get("member_unit") or doc.get("member_unit")
	pledge = stored.get("pledge") or doc.get("pledge")
	manager = is_manager(user)
	return {
		"self": state in UNIT_EDIT_STATES and (manager or acts_for(member_unit, user)),
		"verify": state == SELF_ASSESSED and (manager or leads_pledge(pledge, user)),
		"manager": manager,
	}


def evaluation_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	if ptype in READ_LIKE:
		if doc.is_new() and acts_for(doc.get("member_unit"), user):
			return None
		return evaluation_read_permission(doc, ptype, user)
	if ptype == "create":
		return is_manager(user) or acts_for(doc.get("member_unit"), user)
	if ptype == "write":
		capabilities = evaluation_capabilities(doc, user)
		return capabilities["self"] or capabilities["verify"] or capabilities["manager"]
	if ptype in ("submit", "cancel", "amend", "delete"):
		return is_manager(user)
	return None


def meeting_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""The head and deputy units of the pledge's year prepare and submit the minutes; only the
	province cancels or amends submitted ones."""
	pledge, docstatus = doc.get("pledge"), 0
	if not doc.is_new():
		pledge, docstatus = frappe.db.get_value("Bloc Review Meeting", doc.name, ["pledge", "docstatus"]) or (
			pledge,
			0,
		)
	leads = leads_pledge(pledge if isinstance(pledge, str) else None, user)
	if ptype in READ_LIKE:
		if doc.is_new() and leads:
			return None
		return meeting_read_permission(doc, ptype, user)
	if ptype in ("create", "write", "submit"):
		return is_manager(user) or leads
	if ptype == "delete":
		return is_manager(user) or (leads and docstatus == 0)
	if ptype in ("cancel", "amend"):
		return is_manager(user)
	return None


def proposes(meeting, review, user: str | None = None) -> bool:
	"""Whether the user speaks for the proposer of an Award Proposal: the unit whose internal
	review it comes from, or the head and deputy units of the pledge whose bloc meeting made it."""
	if review:
		unit = (
			frappe.db.get_value("Unit Internal Review", review, "member_unit")
			if isinstance(review, str)
			else None
		)
		return acts_for(unit, user)
	pledge = (
		frappe.db.get_value("Bloc Review Meeting", meeting, "pledge") if isinstance(meeting, str) else None
	)
	return leads_pledge(pledge, user)


def proposal_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""The proposer writes the proposal while it is theirs (a draft, or returned) — a bloc's head and
	deputy units, or the unit whose review it comes from — the province while it is with the
	province; nobody once decided."""
	state, meeting, review = doc.get("workflow_state"), doc.get("meeting"), doc.get("internal_review")
	if not doc.is_new():
		state, meeting, review = frappe.db.get_value(
			"Award Proposal", doc.name, ["workflow_state", "meeting", "internal_review"]
		) or (state, meeting, review)
	leads = proposes(meeting, review, user)
	state = state or "Draft"
	if ptype in READ_LIKE:
		if doc.is_new() and leads:
			return None
		return proposal_read_permission(doc, ptype, user)
	if ptype == "create":
		return is_manager(user) or leads
	if ptype == "write":
		if state == "Decided":
			return False
		return is_manager(user) or (leads and state in ("Draft", "Returned"))
	if ptype == "delete":
		return state == "Draft" and (is_manager(user) or leads)
	return None


def decision_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	if ptype in READ_LIKE:
		return decision_read_permission(doc, ptype, user)
	return is_manager(user)


def record_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	if ptype in READ_LIKE:
		return record_read_permission(doc, ptype, user)
	return is_manager(user)


# ---------------------------------------------------------------- child tables and attachments

PARENT_CONDITIONS = {
	"Emulation Bloc": bloc_condition,
	"Emulation Pledge": pledge_condition,
	"Emulation Evaluation": evaluation_condition,
	"Bloc Review Meeting": meeting_condition,
	"Award Proposal": proposal_condition,
	"Council Session": council_condition,
	"Government Flag Proposal": government_flag_condition,
	"Award Decision": decision_condition,
	"Award Record": record_condition,
	"Staff Member": staff_condition,
	"Staff Year Record": staff_year_condition,
	"Unit Division": division_condition,
	"Division Year Record": division_year_condition,
	"Emulation Registration": registration_condition,
	"Unit Internal Review": internal_review_condition,
	# Templates and the legal masters are open to every role that reads them.
	"Scoring Template": lambda user=None: None,
	"Legal Regime": lambda user=None: None,
}


@_confined_to_units
def member_unit_condition(in_units: str) -> str:
	"""A unit's officers read their own unit (the same answer as their User Permissions)."""
	return f"`tabMember Unit`.name in {in_units}"


# Every DocType of the app whose rows a reference (a comment, a file, a version …) can point at,
# with the condition of the rows the user may read (None: every row).
ROW_CONDITIONS = {
	**PARENT_CONDITIONS,
	"Member Unit": member_unit_condition,
	"Award Form": lambda user=None: None,
	"Base Salary Rate": lambda user=None: None,
	# The province's switches: read by the province only (its DocPerms say the same).
	"Thi Dua Settings": lambda user=None: None if sees_everything(user) else NO_ROW,
}
APP_DOCTYPES = frozenset(ROW_CONDITIONS) | frozenset(CHILD_PARENTS)


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	table = f"`tab{doctype}`"
	parts = []
	for parent in CHILD_PARENTS[doctype]:
		condition = PARENT_CONDITIONS[parent](user)
		same_parent = f"{table}.parenttype = {frappe.db.escape(parent)}"
		if condition is None:
			parts.append(same_parent)
		else:
			parts.append(
				f"({same_parent} and {table}.parent in (select name from `tab{parent}` where {condition}))"
			)
	return "(" + " or ".join(parts) + ")"


def child_row_has_permission(row, ptype: str | None = None, user: str | None = None) -> bool:
	"""A child row asked for on its own (REST, frappe.client, getdoc, print): it may be read with its
	parent document and never written, created or deleted alone — rows change only through their
	parent, whose validation and field-by-field rights then apply. Frappe itself checks only the
	DocType on a row alone, so the child controllers ask here (``ChildRow``)."""
	user = user or frappe.session.user
	if user == "Administrator":
		return True
	if ptype not in READ_LIKE or row.is_new():
		return False
	stored = frappe.db.get_value(row.doctype, row.name, ["parenttype", "parent"], as_dict=True)
	if not stored or stored.parenttype not in CHILD_PARENTS.get(row.doctype, ()):
		return False
	if not frappe.db.exists(stored.parenttype, stored.parent):
		return False
	return frappe.has_permission(stored.parenttype, "read", stored.parent, user=user)


# ---------------------------------------------------------------- framework rows that point at ours


def readable_rows_of(doctype: str, user: str | None = None) -> str | None:
	"""SQL of the names of ``doctype`` the user may read, or None for every row."""
	if doctype in CHILD_PARENTS:
		return f"select name from `tab{doctype}` where {child_query_conditions(user, doctype)}"
	condition = ROW_CONDITIONS[doctype](user)
	if condition is None:
		return None
	if frappe.get_meta(doctype).issingle:
		# A Single has no table: its one record, named after it, is readable or not.
		return f"select {frappe.db.escape(doctype)} from dual where {condition}"
	return f"select name from `tab{doctype}` where {condition}"


def reference_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Rows of a framework DocType that point at a document of the app are listed, counted and
	searched only when the user may read that document."""
	if sees_everything(user):
		return ""
	doctype_field, name_field = REFERENCES[doctype]
	table = f"`tab{doctype}`"
	kind, name = f"{table}.`{doctype_field}`", f"{table}.`{name_field}`"
	parts = [f"ifnull({kind}, '') not in {_sql_in(sorted(APP_DOCTYPES))}"]
	for target in sorted(APP_DOCTYPES):
		readable = readable_rows_of(target, user)
		if readable is None:
			parts.append(f"{kind} = {frappe.db.escape(target)}")
		else:
			parts.append(f"({kind} = {frappe.db.escape(target)} and {name} in ({readable}))")
	return "(" + " or ".join(parts) + ")"


def tag_query_conditions(user: str | None = None) -> str:
	"""A tag's text is typed by the user who tags: a tag used on documents of the app is listed
	only to those who may read one of them."""
	if sees_everything(user):
		return ""
	return (
		"(`tabTag`.name not in (select tag from `tabTag Link` "
		f"where document_type in {_sql_in(sorted(APP_DOCTYPES))}) "
		"or `tabTag`.name in (select tag from `tabTag Link` "
		f"where {reference_query_conditions(user, 'Tag Link')}))"
	)


def may_reference(doctype: str | None, name, ptype: str, user: str | None = None) -> bool:
	"""Whether the user may read (``ptype`` read-like) or change one document, or a framework row
	(comment, file, to-do …) that points at a document of the app."""
	if doctype in REFERENCES and isinstance(name, str | int):
		doctype_field, name_field = REFERENCES[doctype]
		target = frappe.db.get_value(doctype, name, [doctype_field, name_field])
		return not target or may_reference(target[0], target[1], ptype, user)
	if doctype not in APP_DOCTYPES or not name:
		return True
	if not isinstance(name, str | int) or not frappe.db.exists(doctype, name):
		return False
	if doctype in CHILD_PARENTS:
		row = frappe.get_doc(doctype, name)
		return ptype in READ_LIKE and child_row_has_permission(row, "read", user)
	return frappe.has_permission(doctype, "read" if ptype in READ_LIKE else "write", name, user=user)


def references_of(doc) -> set[tuple]:
	"""The documents a framework row points at: as stored, and as it would be saved."""
	doctype_field, name_field = REFERENCES[doc.doctype]
	targets = {(doc.get(doctype_field), doc.get(name_field))}
	if not doc.is_new():
		stored = frappe.db.get_value(doc.doctype, doc.name, [doctype_field, name_field])
		if stored:
			targets.add(tuple(stored))
	return targets


def reference_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""Never grants (the framework's own rules still apply); refuses what points at a document of
	the app that the user may not read — or, to change it, may not write."""
	user = user or frappe.session.user
	if sees_everything(user) and (ptype in READ_LIKE or is_manager(user)):
		return None
	for doctype, name in references_of(doc):
		if not may_reference(doctype, name, ptype or "read", user):
			return False
	return None


# ---------------------------------------------------------------- evidence and other attachments


def may_attach_to(doctype: str | None, name, user: str | None = None) -> bool:
	"""Files are added to, changed on or removed from an evaluation only while the unit fills it in,
	by its unit (and by the province); other documents of the app need write."""
	if doctype != "Emulation Evaluation" or not name:
		return may_reference(doctype, name, "write", user)
	if not isinstance(name, str) or not frappe.db.exists(doctype, name):
		return False
	return evaluation_capabilities(frappe.get_doc(doctype, name), user)["self"]


def file_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	if ptype in READ_LIKE:
		return reference_has_permission(doc, ptype, user)
	if not is_manager(user):
		for doctype, name in references_of(doc):
			if not may_attach_to(doctype, name, user):
				return False
		if not may_point_at(doc, user):
			return False
	return None


def may_point_at(doc, user: str | None = None) -> bool:
	"""A File record whose URL is a private file recorded by someone else's File would let its
	owner download that file (and move it, by making the record public): refused. The URL must be
	written the one way Frappe stores it — "/private/files//x", "/private/files/./x" or an
	escaped name reach the same file on disk under another spelling."""
	url = doc.get("file_url")
	if not url:
		return True
	if not isinstance(url, str):
		return False
	canonical = canonical_file_url(url)
	if canonical != url:
		return False
	if not canonical.startswith("/private/"):
		return True
	others = frappe.get_all(
		"File",
		filters={"file_url": canonical, "name": ("!=", doc.name or "")},
		fields=["owner"],
	)
	return all(row.owner == (user or frappe.session.user) for row in others)


def canonical_file_url(url: str) -> str:
	"""The file a local file URL reaches on disk, spelled as Frappe stores it."""
	text = unquote(url)
	for prefix in ("/private/files/", "/files/"):
		if text.startswith(prefix):
			rest = posixpath.normpath("/" + text[len(prefix) :]).lstrip("/")
			return prefix + rest
	return text
