"""The legal regime and base salary records, as the rest of the app reads them.

The values are data (Legal Regime, Base Salary Rate, Award Form); the rules that use them are pure
Python (thi_dua_app.rules.ballot, thi_dua_app.rules.rewards, thi_dua_app.rules.regime). This module loads the one and
hands it to the other, and seeds the shipped values into a site where they are missing.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate

from thi_dua_app import legal_data
from thi_dua_app.rules import eligibility, regime
from thi_dua_app.rules.ballot import ALL_MEMBERS, Quota, Threshold
from thi_dua_app.rules.rewards import RegimeSpan, RewardError, rate_on, regime_for, year_end


def seed_legal_data() -> None:
	"""Insert the shipped award forms, base salary rates and regimes that the site lacks. A record
	that exists is left as the administrator keeps it."""
	for code, name, kind, subject, level, decided_by, precedence, award, article in legal_data.AWARD_FORMS:
		if not frappe.db.exists("Award Form", code):
			frappe.get_doc(
				{
					"doctype": "Award Form",
					"form_code": code,
					"form_name": name,
					"form_kind": kind,
					"subject": subject,
					"level": level,
					"decided_by": decided_by,
					"precedence": precedence,
					"physical_award": award,
					"legal_article": article,
				}
			).insert(ignore_permissions=True)
	for effective_from, amount, source, confidence in legal_data.BASE_SALARY_RATES:
		if not frappe.db.exists("Base Salary Rate", {"effective_from": effective_from}):
			frappe.get_doc(
				{
					"doctype": "Base Salary Rate",
					"effective_from": effective_from,
					"amount": amount,
					"legal_document": source,
					"confidence": confidence,
				}
			).insert(ignore_permissions=True)
	for values in legal_data.legal_regimes():
		if not frappe.db.exists("Legal Regime", values["regime_code"]):
			frappe.get_doc({"doctype": "Legal Regime", **values}).insert(ignore_permissions=True)
		else:
			add_missing_rules(values)


# The rows of a regime that say one rule each, by what identifies the rule.
RULE_KEYS = {
	"vote_thresholds": ("body", "award_form"),
	"quotas": ("award_form", "scope"),
	"reward_coefficients": ("award_form", "recipient_kind"),
	"parameters": ("parameter",),
}


def add_missing_rules(values: dict) -> None:
	"""A shipped regime the site already has gets the rules a later release ships that it does not
	carry at all (a threshold for another form, a new parameter); a rule it carries keeps the
	administrator's value."""
	doc = frappe.get_doc("Legal Regime", values["regime_code"])
	added = False
	for table, key in RULE_KEYS.items():
		present = {tuple(row.get(field) for field in key) for row in doc.get(table)}
		for row in values.get(table, []):
			if tuple(row.get(field) for field in key) not in present:
				doc.append(table, row)
				added = True
	if added:
		doc.save(ignore_permissions=True)


def regime_spans() -> list[RegimeSpan]:
	return [
		RegimeSpan(
			row.name,
			getdate(row.valid_from),
			getdate(row.valid_to) if row.valid_to else None,
			row.province or "",
		)
		for row in frappe.get_all("Legal Regime", fields=["name", "valid_from", "valid_to", "province"])
	]


def regime_message(error: RewardError) -> str:
	if error.code == "several_regimes":
		return _("Several legal regimes are in force on {0}: {1}. Correct their validity dates.").format(
			frappe.format(error.params["on"], "Date"), ", ".join(error.params["codes"])
		)
	return _("No legal regime is in force on {0}{1}. Add one under Legal Regime.").format(
		frappe.format(error.params["on"], "Date"),
		f" ({error.params['province']})" if error.params.get("province") else "",
	)


def regime_for_year(year: int, province: str = "", throw: bool = True) -> str | None:
	"""The regime a bloc year is judged by: the one in force at the end of that year, the
	province's own profile winning over the national rules."""
	try:
		return regime_for(regime_spans(), year_end(cint(year)), province or "")
	except RewardError as error:
		if throw:
			frappe.throw(regime_message(error), title=_("Legal regime"))
		return None


def provinces_of(units: list[str], year: int) -> dict[str, str]:
	"""The province of each unit in the year: the place of a bloc it belongs to that year (or, if
	none that year, of any bloc it belongs to); units of no placed bloc are left out."""
	if not units:
		return {}
	found = {}
	for unit, place, _that_year in frappe.db.sql(
		"""select member.member_unit, bloc.place_name,
			(ifnull(member.from_date, '1900-01-01') <= %(end)s
				and ifnull(member.to_date, '9999-12-31') >= %(start)s) as that_year
		from `tabEmulation Bloc Member` member
		join `tabEmulation Bloc` bloc on bloc.name = member.parent
		where member.parenttype = 'Emulation Bloc' and member.member_unit in %(units)s
			and ifnull(bloc.place_name, '') != ''
		order by that_year desc, bloc.modified desc""",
		{"units": sorted(set(units)), "start": f"{cint(year)}-01-01", "end": f"{cint(year)}-12-31"},
	):
		found.setdefault(unit, place)
	return found


def regime_of_unit(unit: str, year: int, throw: bool = True) -> str | None:
	"""The regime a unit's people and divisions are judged by in a year: its province's profile,
	where it has one in force, before the national rules."""
	return regime_for_year(year, provinces_of([unit], year).get(unit, ""), throw)


def regime_of_pledge(pledge, throw: bool = True) -> str | None:
	if pledge.get("legal_regime"):
		return pledge.legal_regime
	province = frappe.db.get_value("Emulation Bloc", pledge.bloc, "place_name") or ""
	return regime_for_year(pledge.year, province, throw)


def base_salary_on(on: date | str) -> int:
	rates = [
		(getdate(row.effective_from), cint(row.amount))
		for row in frappe.get_all("Base Salary Rate", fields=["effective_from", "amount"])
	]
	try:
		return rate_on(rates, getdate(on))
	except RewardError as error:
		frappe.throw(
			_("No base salary is recorded in force on {0}. Add it under Base Salary Rate.").format(
				frappe.format(error.params["on"], "Date")
			),
			title=_("Base salary"),
		)


class Regime:
	"""One Legal Regime record, answering in the pure modules' terms."""

	def __init__(self, name: str):
		self.doc = frappe.get_cached_doc("Legal Regime", name)
		self.name = name

	def thresholds(self, body: str) -> dict[str, Threshold]:
		return {
			row.award_form: Threshold(
				flt(row.threshold_percent) / 100, row.vote_base or ALL_MEMBERS, bool(cint(row.strict))
			)
			for row in self.doc.vote_thresholds
			if row.body == body
		}

	def quotas(self, scope: str) -> dict[str, Quota]:
		return {
			row.award_form: Quota(
				cint(row.max_count) if row.max_count else None,
				flt(row.max_percent) / 100 if row.max_percent else None,
			)
			for row in self.doc.quotas
			if row.scope == scope
		}

	def parameter(self, parameter: str):
		return next((row for row in self.doc.parameters if row.parameter == parameter), None)

	def successor_inherits_streaks(self) -> bool:
		"""Whether a unit formed by a merger counts its predecessors' years of a collective award."""
		row = self.parameter(regime.SUCCESSOR_INHERITS_STREAKS)
		if row is None:
			frappe.throw(
				_("Legal regime {0} sets no {1}.").format(self.name, _(regime.SUCCESSOR_INHERITS_STREAKS)),
				title=_("Legal regime"),
			)
		return bool(cint(row.value))

	def eligibility_rules(self) -> eligibility.Rules:
		"""What the titles of people and sub-units ask under this regime (thi_dua_app.rules.eligibility)."""
		values = {row.parameter: (row.value, row.text_value) for row in self.doc.parameters}
		try:
			return eligibility.rules_from_parameters(values)
		except eligibility.EligibilityError as error:
			frappe.throw(
				_("Legal regime {0} sets no {1}.").format(self.name, _(error.params.get("parameter", ""))),
				title=_("Legal regime"),
			)

	def quorum(self, parameter: str = regime.BLOC_MEETING_QUORUM) -> Threshold:
		row = self.parameter(parameter)
		if row is None:
			frappe.throw(
				_("Legal regime {0} sets no {1}.").format(self.name, _(parameter)), title=_("Legal regime")
			)
		return Threshold(flt(row.value) / 100)
