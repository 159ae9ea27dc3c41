frappe.query_reports["Unit History"] = {
	filters: [
		{
			fieldname: "member_unit",
			label: __("Member unit"),
			fieldtype: "Link",
			options: "Member Unit",
			reqd: 1,
		},
		{ fieldname: "from_year", label: __("From year"), fieldtype: "Int" },
		{ fieldname: "to_year", label: __("To year"), fieldtype: "Int" },
		{
			fieldname: "without_predecessors",
			label: __("Without the units it succeeds"),
			fieldtype: "Check",
		},
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["member_unit"]);
	},
};
