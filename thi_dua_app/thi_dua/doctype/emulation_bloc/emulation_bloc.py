import frappe
from frappe import _
from frappe.utils import getdate

from thi_dua_app.membership import Membership, MembershipError, check_memberships, members_in_year
from thi_dua_app.thi_dua.typed_document import TypedDocument


class EmulationBloc(TypedDocument):
	def validate(self):
		self.bloc_code = (self.bloc_code or "").strip().upper()
		try:
			check_memberships(self.memberships())
		except MembershipError as error:
			messages = {
				"period_reversed": _("Member {unit}: the end date is before the start date."),
				"overlapping_membership": _("Member {unit} is listed twice for overlapping dates."),
			}
			frappe.throw(messages[error.code].format(**error.params), title=_("Invalid members"))

	def memberships(self, by_rotation: bool = False) -> list[Membership]:
		rows = self.members
		if by_rotation:
			rows = sorted(rows, key=lambda row: (row.rotation_order or 10**6, row.idx))
		return [
			Membership(
				row.member_unit,
				getdate(row.from_date) if row.from_date else None,
				getdate(row.to_date) if row.to_date else None,
			)
			for row in rows
		]

	def members_in_year(self, year: int) -> list[str]:
		"""Member units of the bloc at some time in the year, in rotation order."""
		return members_in_year(self.memberships(by_rotation=True), year)
