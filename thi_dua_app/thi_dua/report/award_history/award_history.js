frappe.query_reports["Award History"] = {
	filters: [
		{ fieldname: "from_year", label: __("From year"), fieldtype: "Int", reqd: 1, default: new Date().getFullYear() - 5 },
		{ fieldname: "to_year", label: __("To year"), fieldtype: "Int", reqd: 1, default: new Date().getFullYear() },
		{ fieldname: "member_unit", label: __("Member unit"), fieldtype: "Link", options: "Member Unit" },
	],
	formatter: thi_dua.report_formatter,
};
