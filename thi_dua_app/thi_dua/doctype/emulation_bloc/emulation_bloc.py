import frappe
from frappe import _
from frappe.utils import getdate

from thi_dua_app.permissions import is_manager, successions
from thi_dua_app.rules.membership import (
	Membership,
	MembershipError,
	check_memberships,
	members_in_year,
	reformed,
)
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

	@frappe.whitelist()
	def apply_successions(self) -> int:
		"""Re-form the bloc after the recorded mergers (the province's): each merged unit's
		membership closes the day before its successor takes over, and the successor joins from
		that day. How many memberships changed or were added."""
		if not is_manager():
			frappe.throw(_("Only the province re-forms a bloc."), frappe.PermissionError)
		doc = frappe.get_doc("Emulation Bloc", self.name)
		before = doc.memberships()
		links = {link.predecessor: (link.successor, link.on) for link in successions() if link.on}
		after = reformed(before, links)
		changed = (
			sum(1 for old, new in zip(before, after, strict=False) if old != new) + len(after) - len(before)
		)
		if not changed:
			return 0
		for row, membership in zip(doc.members, after, strict=False):
			row.to_date = membership.to_date
		for membership in after[len(before) :]:
			# The successor takes the rotation place of the units it succeeds.
			places = [
				row.rotation_order
				for row in doc.members
				if row.rotation_order and links.get(row.member_unit, (None,))[0] == membership.unit
			]
			doc.append(
				"members",
				{
					"member_unit": membership.unit,
					"from_date": membership.from_date,
					"to_date": membership.to_date,
					"rotation_order": min(places) if places else None,
				},
			)
		doc.save()
		doc.add_comment(
			"Info", _("Re-formed after the mergers: {0} membership(s) changed or added.").format(changed)
		)
		return changed
