frappe.query_reports["Bloc Ranking"] = {
	filters: [
		thi_dua.pledge_filter(),
	],
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
	},
};
