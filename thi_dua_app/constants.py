"""Names the app ships as records (roles, workflow states and actions), shared by hooks,
install and tests. Plain constants, no frappe import."""

PROVINCE_MANAGER = "Thi Dua Province Manager"
UNIT_OFFICER = "Thi Dua Unit Officer"
UNIT_LEADER = "Thi Dua Unit Leader"
VIEWER = "Thi Dua Viewer"
ROLES = [PROVINCE_MANAGER, UNIT_OFFICER, UNIT_LEADER, VIEWER]

DRAFT = "Draft"
SELF_ASSESSED = "Self-assessed"
VERIFIED = "Verified"
APPROVED = "Approved"
RETURNED = "Returned"
CANCELLED = "Cancelled"
# The proposal's way through the province (Award Proposal).
SENT_TO_PROVINCE = "Sent to province"
RECEIVED = "Received"
APPRAISED = "Appraised"
COUNCIL_VOTED = "Council voted"
DECIDED = "Decided"
WORKFLOW_STATES = [
	DRAFT,
	SELF_ASSESSED,
	VERIFIED,
	APPROVED,
	RETURNED,
	CANCELLED,
	SENT_TO_PROVINCE,
	RECEIVED,
	APPRAISED,
	COUNCIL_VOTED,
	DECIDED,
]
# States in which the unit itself fills its evaluation.
UNIT_EDIT_STATES = (DRAFT, RETURNED)
# States a unit's evaluation must have reached before the bloc head may read it.
VISIBLE_TO_BLOC_HEAD_STATES = (SELF_ASSESSED, VERIFIED, APPROVED)
# Ranked evaluations: verified by the bloc head (and possibly approved by the province).
RANKED_STATES = (VERIFIED, APPROVED)

SUBMIT_SELF_ASSESSMENT = "Submit self-assessment"
VERIFY = "Verify"
APPROVE = "Approve"
RETURN_TO_UNIT = "Return to unit"
RETURN_TO_BLOC_HEAD = "Return to bloc head"
CANCEL = "Cancel"
SEND_TO_PROVINCE = "Send to province"
RECEIVE = "Receive"
APPRAISE = "Appraise"
RETURN_TO_BLOC = "Return to bloc"
WORKFLOW_ACTIONS = [
	SUBMIT_SELF_ASSESSMENT,
	VERIFY,
	APPROVE,
	RETURN_TO_UNIT,
	RETURN_TO_BLOC_HEAD,
	CANCEL,
	SEND_TO_PROVINCE,
	RECEIVE,
	APPRAISE,
	RETURN_TO_BLOC,
]
WORKFLOWS = ["Emulation Evaluation", "Award Proposal"]

# Frappe's generic list API (/api/resource, frappe.client.get_list) reads child tables directly,
# so each child table carries its parents' row rule: a row is visible with its parent document.
CHILD_PARENTS = {
	"Emulation Bloc Member": ("Emulation Bloc",),
	"Pledge Target": ("Emulation Pledge",),
	"Pledge Signatory": ("Emulation Pledge",),
	"Scoring Group": ("Emulation Pledge", "Scoring Template"),
	"Scoring Criterion": ("Emulation Pledge", "Scoring Template"),
	"Scoring Band": ("Emulation Pledge", "Scoring Template"),
	"Tie Break Rule": ("Emulation Pledge", "Scoring Template"),
	"Evaluation Score": ("Emulation Evaluation",),
	"Evaluation Target Result": ("Emulation Evaluation",),
	"Evaluation Return": ("Emulation Evaluation",),
	"Regime Legal Basis": ("Legal Regime",),
	"Regime Vote Threshold": ("Legal Regime",),
	"Regime Award Quota": ("Legal Regime",),
	"Regime Reward Coefficient": ("Legal Regime",),
	"Regime Parameter": ("Legal Regime",),
	"Meeting Attendance": ("Bloc Review Meeting",),
	"Meeting Ranking Line": ("Bloc Review Meeting",),
	"Ballot Tally": ("Bloc Review Meeting",),
	"Proposal Line": ("Award Proposal",),
	"Proposal Return": ("Award Proposal",),
	"Council Tally": ("Council Session",),
	"Government Flag Line": ("Government Flag Proposal",),
	"Decision Line": ("Award Decision",),
	"Notified User": ("Award Proposal", "Award Record"),
	"Staff Assignment": ("Staff Member",),
	"Staff Initiative": ("Staff Year Record",),
	"Registration Line": ("Emulation Registration",),
	"Internal Review Line": ("Unit Internal Review",),
}

# The app's DocTypes that are documents of their own (not child tables).
APP_PARENT_DOCTYPES = [
	"Member Unit",
	"Emulation Bloc",
	"Scoring Template",
	"Emulation Pledge",
	"Emulation Evaluation",
	"Award Form",
	"Legal Regime",
	"Base Salary Rate",
	"Bloc Review Meeting",
	"Award Proposal",
	"Council Session",
	"Government Flag Proposal",
	"Award Decision",
	"Award Record",
	"Staff Member",
	"Staff Year Record",
	"Unit Division",
	"Division Year Record",
	"Emulation Registration",
	"Unit Internal Review",
	"Thi Dua Settings",
]

# Framework DocTypes whose rows point at a document: (field of the DocType, field of the name).
# Reading such a row needs read on the document it points at; writing one needs write.
REFERENCES = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Tag Link": ("document_type", "document_name"),
	"DocShare": ("share_doctype", "share_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"View Log": ("reference_doctype", "reference_name"),
	"Energy Point Log": ("reference_doctype", "reference_name"),
	"Workflow Action": ("reference_doctype", "reference_name"),
	"Notification Log": ("document_type", "document_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
}
