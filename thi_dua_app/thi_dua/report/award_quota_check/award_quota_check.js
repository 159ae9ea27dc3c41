frappe.query_reports["Award Quota Check"] = {
	filters: [{ fieldname: "year", label: __("Year"), fieldtype: "Int", reqd: 1 }],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["year"]);
	},
};
