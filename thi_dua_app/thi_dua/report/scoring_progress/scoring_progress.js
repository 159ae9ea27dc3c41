frappe.query_reports["Scoring Progress"] = {
	filters: [
		{
			fieldname: "pledge",
			label: __("Pledge"),
			fieldtype: "Link",
			options: "Emulation Pledge",
			reqd: 1,
			get_query: () => ({ filters: { docstatus: 1 } }),
		},
		{
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
	],
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
	},
};
