frappe.query_reports["Scoring Progress"] = {
	filters: [
		thi_dua.pledge_filter(),
		{
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
	},
};
