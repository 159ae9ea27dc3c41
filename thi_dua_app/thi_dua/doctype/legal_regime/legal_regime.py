import frappe
from frappe import _
from frappe.utils import getdate

from thi_dua_app.rules import regime
from thi_dua_app.thi_dua.typed_document import TypedDocument


def regime_error_message(error: regime.RegimeError) -> str:
	params = error.params
	messages = {
		"unknown_parameter": _("{0} is not a parameter the app knows."),
		"bad_percent": _("{0} must be a percentage above 0 and at most 100 (not {1})."),
		"bad_whole": _("{0} must be a whole number of at least 1 (not {1})."),
		"bad_rounding": _("{0} must be one of {2} (not {1})."),
		"bad_yes_no": _("{0} is 1 (yes) or 0 (no), not {1}."),
		"bad_scope": _("{0} must be one of {2} (not {1})."),
		"bad_day_month": _("A deadline is written as day/month, e.g. 10/12 (not {0})."),
		"repeated": _("{0}: {1} appears twice."),
		"period_reversed": _("The regime ends ({1}) before it starts ({0})."),
	}
	args = {
		"unknown_parameter": (params.get("parameter"),),
		"bad_percent": (_(str(params.get("parameter"))), params.get("value")),
		"bad_whole": (_(str(params.get("parameter"))), params.get("value")),
		"bad_rounding": (_(str(params.get("parameter"))), params.get("value"), params.get("rules")),
		"bad_yes_no": (_(str(params.get("parameter"))), params.get("value")),
		"bad_scope": (_(str(params.get("parameter"))), params.get("value"), params.get("scopes")),
		"bad_day_month": (params.get("value"),),
		"repeated": (params.get("what"), params.get("key")),
		"period_reversed": (params.get("valid_from"), params.get("valid_to")),
	}
	return messages[error.code].format(*(frappe.utils.escape_html(str(arg)) for arg in args[error.code]))


class LegalRegime(TypedDocument):
	def validate(self):
		try:
			regime.check_period(getdate(self.valid_from), getdate(self.valid_to) if self.valid_to else None)
			regime.check_no_repeats(
				((row.body, row.award_form) for row in self.vote_thresholds), _("Vote thresholds")
			)
			regime.check_no_repeats(((row.award_form, row.scope) for row in self.quotas), _("Quotas"))
			regime.check_no_repeats(
				((row.award_form, row.recipient_kind) for row in self.reward_coefficients),
				_("Reward coefficients"),
			)
			regime.check_no_repeats(((row.parameter,) for row in self.parameters), _("Parameters"))
			for row in self.parameters:
				regime.check_parameter(row.parameter, row.value, row.text_value)
		except regime.RegimeError as error:
			frappe.throw(regime_error_message(error), title=_("Legal regime"))
		self.validate_numbers()
		self.validate_no_overlap()

	def validate_numbers(self):
		for row in self.vote_thresholds:
			if not 0 < (row.threshold_percent or 0) <= 100:
				frappe.throw(
					_("Vote threshold row {0}: the threshold must be above 0 and at most 100 %.").format(
						row.idx
					)
				)
		for row in self.quotas:
			if (row.max_count or 0) < 0 or not 0 <= (row.max_percent or 0) <= 100:
				frappe.throw(_("Quota row {0}: a quota cannot be negative or above 100 %.").format(row.idx))
		for row in self.reward_coefficients:
			if (row.coefficient or 0) < 0:
				frappe.throw(_("Coefficient row {0}: a coefficient cannot be negative.").format(row.idx))

	def validate_no_overlap(self):
		"""Two regimes of the same province in force on one day would leave the choice to chance."""
		mine = (getdate(self.valid_from), getdate(self.valid_to) if self.valid_to else None)
		for other in frappe.get_all(
			"Legal Regime",
			filters={"name": ("!=", self.name or ""), "province": self.province or ""},
			fields=["name", "valid_from", "valid_to"],
		):
			theirs = (getdate(other.valid_from), getdate(other.valid_to) if other.valid_to else None)
			if regime.overlaps(mine, theirs):
				frappe.throw(
					_("Legal regime {0} of the same province is in force on some of the same days.").format(
						other.name
					),
					title=_("Legal regime"),
				)
