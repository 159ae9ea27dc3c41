frappe.query_reports["Title Eligibility"] = {
	filters: [
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			reqd: 1,
			default: new Date().getFullYear() - 1,
		},
		{
			fieldname: "member_unit",
			label: __("Member unit"),
			fieldtype: "Link",
			options: "Member Unit",
		},
		{
			fieldname: "title",
			label: __("Emulation title"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "LDTT", label: __("Lao động tiên tiến") },
				{ value: "CSTDCS", label: __("Chiến sĩ thi đua cơ sở") },
				{ value: "CSTDT", label: __("Chiến sĩ thi đua cấp tỉnh") },
				{ value: "BK_TINH", label: __("Bằng khen của Chủ tịch UBND tỉnh") },
				{ value: "TTLDTT", label: __("Tập thể lao động tiên tiến") },
				{ value: "TTLDXS", label: __("Tập thể lao động xuất sắc") },
			],
		},
		{
			fieldname: "status",
			label: __("Verdict"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Qualified", label: __("Qualified") },
				{ value: "Not qualified", label: __("Not qualified") },
				{ value: "Needs a manual check", label: __("Needs a manual check") },
				{ value: "Possible next year", label: __("Possible next year") },
			],
		},
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["member_unit"]);
	},
};
