from thi_dua_app.constants import CHILD_PARENTS, ROLES, WORKFLOW_ACTIONS, WORKFLOW_STATES

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
	{"dt": "Workflow", "filters": [["name", "in", ["Emulation Evaluation"]]]},
]

# Desk helpers shared by the reports.
app_include_js = "thi_dua.bundle.js"

# Vietnamese numbers and dates, and the ranking rows, for the print formats.
jinja = {
	"methods": [
		"thi_dua_app.formatting.vn_number",
		"thi_dua_app.formatting.vn_long_date",
		"thi_dua_app.formatting.vn_short_date",
		"thi_dua_app.formatting.paginate_rows",
		"thi_dua_app.formatting.printed_lines",
		"thi_dua_app.thi_dua.report.bloc_ranking.bloc_ranking.thi_dua_ranking_rows",
	]
}

after_install = "thi_dua_app.install.after_install"
before_uninstall = "thi_dua_app.install.before_uninstall"

# Row-level access: one module answers "which units may this user see / act for";
# the list condition and the single-document check are built from it.
permission_query_conditions = {
	"Emulation Bloc": "thi_dua_app.permissions.bloc_query_conditions",
	"Emulation Pledge": "thi_dua_app.permissions.pledge_query_conditions",
	"Emulation Evaluation": "thi_dua_app.permissions.evaluation_query_conditions",
	"File": "thi_dua_app.permissions.file_query_conditions",
	**{child: "thi_dua_app.permissions.child_query_conditions" for child in CHILD_PARENTS},
}

has_permission = {
	"Emulation Bloc": "thi_dua_app.permissions.bloc_has_permission",
	"Emulation Pledge": "thi_dua_app.permissions.pledge_has_permission",
	"Emulation Evaluation": "thi_dua_app.permissions.evaluation_has_permission",
	"File": "thi_dua_app.permissions.file_has_permission",
}

# The framework's get_count counts every row whatever the user may read; this one does not.
override_whitelisted_methods = {"frappe.client.get_count": "thi_dua_app.api.get_count"}
