frappe.query_reports["Awards Granted"] = {
	filters: [
		{ fieldname: "year", label: __("Year"), fieldtype: "Int" },
		{ fieldname: "bloc", label: __("Emulation bloc"), fieldtype: "Link", options: "Emulation Bloc" },
		{ fieldname: "award_form", label: __("Award form"), fieldtype: "Link", options: "Award Form" },
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["year"]);
	},
};
