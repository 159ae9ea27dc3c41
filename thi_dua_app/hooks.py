from thi_dua_app.constants import (
	APP_PARENT_DOCTYPES,
	CHILD_PARENTS,
	REFERENCES,
	ROLES,
	WORKFLOW_ACTIONS,
	WORKFLOW_STATES,
	WORKFLOWS,
)

app_name = "thi_dua_app"
app_title = "Thi Dua"
app_publisher = "thi_dua_app developers"
app_description = "Emulation and commendation (thi đua – khen thưởng) for Vietnamese public agencies"
app_email = "dev@thi-dua.invalid"
app_license = "MIT"

fixtures = [
	{"dt": "Role", "filters": [["name", "in", ROLES]]},
	{"dt": "Workflow State", "filters": [["name", "in", WORKFLOW_STATES]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", WORKFLOW_ACTIONS]]},
	{"dt": "Workflow", "filters": [["name", "in", WORKFLOWS]]},
	# The framework's workspaces a unit's officer has no use for (Users, Build, Website, Tools,
	# Integrations) are in the modules this profile blocks; given to officers as they are added.
	{"dt": "Module Profile", "filters": [["name", "=", "Thi Dua Unit"]]},
]

# Desk helpers shared by the reports.
app_include_js = "thi_dua.bundle.js"
app_include_css = "thi_dua.bundle.css"

# Vietnamese numbers and dates, and the ranking rows, for the print formats.
jinja = {
	"methods": [
		"thi_dua_app.thi_dua.notifications.thi_dua_notified_users",
		"thi_dua_app.rules.formatting.vn_number",
		"thi_dua_app.thi_dua.doctype.award_proposal.award_proposal.proposal_letter",
		"thi_dua_app.rules.formatting.vn_long_date",
		"thi_dua_app.rules.formatting.vn_short_date",
		"thi_dua_app.rules.formatting.vn_time",
		"thi_dua_app.rules.formatting.paginate_rows",
		"thi_dua_app.rules.formatting.printed_lines",
		"thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking.thi_dua_ranking_rows",
		"thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking.thi_dua_reads_whole_ranking",
	]
}

after_install = "thi_dua_app.install.after_install"
after_migrate = "thi_dua_app.install.after_migrate"

# Reminders before a pledge's due dates (thi_dua_app.thi_dua.notifications).
scheduler_events = {"daily": ["thi_dua_app.thi_dua.notifications.send_reminders"]}
before_uninstall = "thi_dua_app.install.before_uninstall"

# Row-level access: one module answers "which units may this user see / act for";
# the list condition and the single-document check are built from it.
permission_query_conditions = {
	"Emulation Bloc": "thi_dua_app.permissions.bloc_query_conditions",
	"Emulation Pledge": "thi_dua_app.permissions.pledge_query_conditions",
	"Emulation Evaluation": "thi_dua_app.permissions.evaluation_query_conditions",
	"Bloc Review Meeting": "thi_dua_app.permissions.meeting_query_conditions",
	"Award Proposal": "thi_dua_app.permissions.proposal_query_conditions",
	"Council Session": "thi_dua_app.permissions.council_query_conditions",
	"Government Flag Proposal": "thi_dua_app.permissions.government_flag_query_conditions",
	"Award Decision": "thi_dua_app.permissions.decision_query_conditions",
	"Award Record": "thi_dua_app.permissions.record_query_conditions",
	"Staff Member": "thi_dua_app.permissions.staff_query_conditions",
	"Staff Year Record": "thi_dua_app.permissions.staff_year_query_conditions",
	"Unit Division": "thi_dua_app.permissions.division_query_conditions",
	"Division Year Record": "thi_dua_app.permissions.division_year_query_conditions",
	"Emulation Registration": "thi_dua_app.permissions.registration_query_conditions",
	"Unit Internal Review": "thi_dua_app.permissions.internal_review_query_conditions",
	**{child: "thi_dua_app.permissions.child_query_conditions" for child in CHILD_PARENTS},
	# Framework rows that point at a document (comments, versions, files, to-dos, tags, shares …).
	**{doctype: "thi_dua_app.permissions.reference_query_conditions" for doctype in REFERENCES},
	"Tag": "thi_dua_app.permissions.tag_query_conditions",
}

has_permission = {
	"Emulation Bloc": "thi_dua_app.permissions.bloc_has_permission",
	"Emulation Pledge": "thi_dua_app.permissions.pledge_has_permission",
	"Emulation Evaluation": "thi_dua_app.permissions.evaluation_has_permission",
	"Bloc Review Meeting": "thi_dua_app.permissions.meeting_has_permission",
	"Award Proposal": "thi_dua_app.permissions.proposal_has_permission",
	"Council Session": "thi_dua_app.permissions.council_has_permission",
	"Government Flag Proposal": "thi_dua_app.permissions.government_flag_has_permission",
	"Award Decision": "thi_dua_app.permissions.decision_has_permission",
	"Award Record": "thi_dua_app.permissions.record_has_permission",
	"Staff Member": "thi_dua_app.permissions.staff_has_permission",
	"Staff Year Record": "thi_dua_app.permissions.staff_year_has_permission",
	"Unit Division": "thi_dua_app.permissions.division_has_permission",
	"Division Year Record": "thi_dua_app.permissions.division_year_has_permission",
	"Emulation Registration": "thi_dua_app.permissions.registration_has_permission",
	"Unit Internal Review": "thi_dua_app.permissions.internal_review_has_permission",
	**{doctype: "thi_dua_app.permissions.reference_has_permission" for doctype in REFERENCES},
	"File": "thi_dua_app.permissions.file_has_permission",
}

# Arguments no method should see (thi_dua_app.request_guard): upload_file's way round the
# overrides below, column expressions that are not columns (any DocType), JSON arguments that are
# not JSON, and list arguments aimed at the app's DocTypes that Frappe could not turn into SQL.
before_request = ["thi_dua_app.request_guard.check_request", "thi_dua_app.replica.route_reads"]

# What the server refuses or ignores in a document a client sends (thi_dua_app.guards).
doc_events = {
	**{doctype: {"before_validate": "thi_dua_app.guards.before_validate"} for doctype in APP_PARENT_DOCTYPES},
	"File": {
		"before_validate": "thi_dua_app.guards.validate_file",
		"on_trash": "thi_dua_app.guards.check_file_removal",
	},
	"Tag": {"before_validate": "thi_dua_app.framework_api.validate_tag"},
	"Document Follow": {"after_insert": "thi_dua_app.framework_api.drop_follow_of_app_documents"},
}

# Framework methods that count, group, search or act on a document without the app's row rules
# (thi_dua_app.framework_api says why, one by one).
override_whitelisted_methods = {
	"frappe.client.get_count": "thi_dua_app.framework_api.get_count",
	"frappe.desk.listview.get_group_by_count": "thi_dua_app.framework_api.get_group_by_count",
	"frappe.desk.search.search_link": "thi_dua_app.framework_api.search_link",
	"frappe.desk.search.search_widget": "thi_dua_app.framework_api.search_widget",
	"frappe.desk.search.get_link_title": "thi_dua_app.framework_api.get_link_title",
	"frappe.desk.doctype.tag.tag.get_tagged_docs": "thi_dua_app.framework_api.get_tagged_docs",
	"frappe.desk.like.toggle_like": "thi_dua_app.framework_api.toggle_like",
	"frappe.desk.form.utils.add_comment": "thi_dua_app.framework_api.add_comment",
	"frappe.desk.form.assign_to.add": "thi_dua_app.framework_api.assign_to_add",
	"frappe.desk.form.assign_to.add_multiple": "thi_dua_app.framework_api.assign_to_add_multiple",
	"frappe.desk.form.assign_to.remove": "thi_dua_app.framework_api.assign_to_remove",
	"frappe.desk.form.assign_to.remove_multiple": "thi_dua_app.framework_api.assign_to_remove_multiple",
	"frappe.desk.form.assign_to.close": "thi_dua_app.framework_api.assign_to_close",
	"frappe.desk.doctype.tag.tag.add_tag": "thi_dua_app.framework_api.add_tag",
	"frappe.desk.doctype.tag.tag.remove_tag": "thi_dua_app.framework_api.remove_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "thi_dua_app.framework_api.add_tags",
	"frappe.share.add": "thi_dua_app.framework_api.share_add",
	"frappe.share.set_permission": "thi_dua_app.framework_api.share_set_permission",
	"frappe.desk.form.document_follow.follow_document": "thi_dua_app.framework_api.follow_document",
	"frappe.desk.form.document_follow.update_follow": "thi_dua_app.framework_api.update_follow",
	"frappe.desk.form.document_follow.get_follow_users": "thi_dua_app.framework_api.get_follow_users",
	"frappe.core.api.file.unzip_file": "thi_dua_app.framework_api.unzip_file",
	"frappe.utils.file_manager.add_attachments": "thi_dua_app.framework_api.add_attachments",
	"frappe.email.relink": "thi_dua_app.framework_api.relink",
	# A document sent as JSON to be printed: what is stored under its name, in a format of its own.
	"frappe.www.printview.get_html_and_style": "thi_dua_app.framework_api.get_html_and_style",
	"frappe.www.printview.get_rendered_raw_commands": "thi_dua_app.framework_api.get_rendered_raw_commands",
	"frappe.desk.doctype.notification_log.notification_log.mark_as_read": "thi_dua_app.framework_api.mark_notification_as_read",
	# Data Import methods that open an import by name for anyone (thi_dua_app.framework_api).
	"frappe.core.doctype.data_import.data_import.get_preview_from_template": "thi_dua_app.framework_api.data_import_preview",
	"frappe.core.doctype.data_import.data_import.form_start_import": "thi_dua_app.framework_api.data_import_start",
	"frappe.core.doctype.data_import.data_import.download_errored_template": "thi_dua_app.framework_api.data_import_errored_rows",
	"frappe.core.doctype.data_import.data_import.download_import_log": "thi_dua_app.framework_api.data_import_log",
	"frappe.core.doctype.data_import.data_import.get_import_status": "thi_dua_app.framework_api.data_import_status",
	# Report filters that are not an object raise inside Frappe's timed run, before the report's
	# own checks: refused first, so no report is ever switched to prepared mode.
	"frappe.desk.query_report.run": "thi_dua_app.thi_dua.report_data.run",
	"frappe.desk.query_report.export_query": "thi_dua_app.thi_dua.report_data.export_query",
}
