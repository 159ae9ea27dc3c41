frappe.query_reports["Province Overview"] = {
	filters: [{ fieldname: "year", label: __("Year"), fieldtype: "Int", reqd: 1 }],
	onload(report) {
		thi_dua.set_report_defaults(report, ["year"]);
	},
};
