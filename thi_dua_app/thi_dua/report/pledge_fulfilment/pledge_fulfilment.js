frappe.query_reports["Pledge Fulfilment"] = {
	filters: [
		thi_dua.pledge_filter(),
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
	},
};
