"""Work that finds its people: who the app's Notifications (thi_dua/notification) tell, and the
daily reminders before a pledge's due dates. Each kind can be switched off by the province in
Thi Dua Settings; the rules of who has not finished are thi_dua_app.rules.reminders."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification
from frappe.utils import add_days, cint, formatdate, getdate, today

from thi_dua_app.constants import SELF_ASSESSED, UNIT_EDIT_STATES
from thi_dua_app.permissions import users_acting_for
from thi_dua_app.rules.reminders import SELF_ASSESSMENT, reminders_for_pledge
from thi_dua_app.thi_dua.doctype.emulation_pledge.emulation_pledge import evaluation_states

SETTINGS = "Thi Dua Settings"
# The switch of each kind of notification in Thi Dua Settings.
SWITCHES = {
	"submitted": "notify_submitted",
	"returned": "notify_returned",
	"verified": "notify_verified",
	"approved": "notify_approved",
	"published": "notify_published",
}


def switched_on(fieldname: str) -> bool:
	# A Single never saved reads as its defaults: every switch on.
	return bool(cint(frappe.get_cached_doc(SETTINGS).get(fieldname)))


def notified_users(doc, kind: str) -> list[str]:
	"""The users a Notification of ``kind`` about ``doc`` goes to; nobody when switched off."""
	if kind not in SWITCHES or not switched_on(SWITCHES[kind]):
		return []
	if kind == "submitted":
		# The unit sent it; a return from the province to the head is not a new submission.
		before = doc.get_doc_before_save()
		if before is not None and before.workflow_state not in UNIT_EDIT_STATES:
			return []
		return users_acting_for([doc.head_unit, doc.deputy_unit])
	if kind == "published":
		return users_acting_for([row.member_unit for row in doc.signatories])
	return users_acting_for([doc.member_unit])


def thi_dua_notified_users(doc, kind: str) -> str:
	"""For a Notification's recipients (Jinja): the users, comma-separated."""
	return ",".join(notified_users(doc, kind))


# ---------------------------------------------------------------- reminders


def send_reminders(on: str | None = None) -> list[tuple[str, str]]:
	"""Daily (scheduler): remind whoever has not finished, ``reminder_days`` before each due date
	of a signed pledge. Returns (user, subject) of each reminder sent; a reminder already sent that
	day is not sent again."""
	settings = frappe.get_cached_doc(SETTINGS)
	if not cint(settings.remind_before_due):
		return []
	day = getdate(on or today())
	days_before = cint(settings.reminder_days)
	due = add_days(day, days_before)
	pledges = frappe.get_all(
		"Emulation Pledge",
		filters={"docstatus": 1},
		or_filters={"self_assessment_due": due, "verification_due": due},
		fields=["name", "head_unit", "deputy_unit", "self_assessment_due", "verification_due"],
	)
	sent = []
	for pledge in pledges:
		signatories = frappe.get_all(
			"Pledge Signatory",
			filters={"parent": pledge.name, "parenttype": "Emulation Pledge"},
			pluck="member_unit",
		)
		states = evaluation_states(pledge.name)
		for reminder in reminders_for_pledge(
			today=day,
			days_before=days_before,
			self_assessment_due=getdate(pledge.self_assessment_due) if pledge.self_assessment_due else None,
			verification_due=getdate(pledge.verification_due) if pledge.verification_due else None,
			signatories=signatories,
			leaders=[pledge.head_unit, pledge.deputy_unit],
			states=states,
			unit_edit_states=UNIT_EDIT_STATES,
			waiting_state=SELF_ASSESSED,
		):
			subject = reminder_subject(pledge.name, reminder, days_before)
			users = [
				user
				for user in users_acting_for(list(reminder.units))
				if not already_reminded(user, pledge.name, subject, day)
			]
			if users:
				enqueue_create_notification(
					users,
					{
						"type": "Alert",
						"document_type": "Emulation Pledge",
						"document_name": pledge.name,
						"subject": subject,
						"from_user": "Administrator",
					},
				)
				sent += [(user, subject) for user in users]
	return sent


def reminder_subject(pledge: str, reminder, days_before: int) -> str:
	due = formatdate(reminder.due)
	if reminder.step == SELF_ASSESSMENT:
		if days_before == 0:
			return _("The self-assessment of pledge {0} is due today; your unit has not sent it yet.").format(
				pledge
			)
		return _(
			"The self-assessment of pledge {0} is due on {1}, in {2} days; your unit has not sent it yet."
		).format(pledge, due, days_before)
	if days_before == 0:
		return _("Verification of pledge {0} is due today; {1} evaluations are still waiting.").format(
			pledge, reminder.waiting
		)
	return _(
		"Verification of pledge {0} is due on {1}, in {2} days; {3} evaluations are still waiting."
	).format(pledge, due, days_before, reminder.waiting)


def already_reminded(user: str, pledge: str, subject: str, day) -> bool:
	return bool(
		frappe.db.exists(
			"Notification Log",
			{
				"for_user": user,
				"document_type": "Emulation Pledge",
				"document_name": pledge,
				"subject": subject,
				"creation": (">=", day),
			},
		)
	)
