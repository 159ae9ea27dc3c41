// Thống kê khen thưởng (Biểu 0602, 0603 — Thông tư 02/2023/TT-BNV): the table on screen, and the
// form itself as an Excel file, with its header, its two-row column heads and the signatures.
frappe.query_reports["Award Statistics"] = {
	filters: [
		{
			fieldname: "statistical_form",
			label: __("Statistical form"),
			fieldtype: "Select",
			options: ["0602", "0603"],
			default: "0603",
			reqd: 1,
		},
		{
			fieldname: "from_date",
			label: __("From date"),
			fieldtype: "Date",
			default: `${new Date().getFullYear()}-01-01`,
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To date"),
			fieldtype: "Date",
			default: `${new Date().getFullYear()}-12-31`,
			reqd: 1,
		},
	],
	formatter: thi_dua.report_formatter,
	onload(report) {
		report.page.add_inner_button(__("Download the form (Excel)"), () =>
			window.open(
				"/api/method/thi_dua_app.thi_dua.report.award_statistics.award_statistics.download_xlsx?" +
					new URLSearchParams({ filters: JSON.stringify(report.get_filter_values()) })
			)
		);
	},
};
