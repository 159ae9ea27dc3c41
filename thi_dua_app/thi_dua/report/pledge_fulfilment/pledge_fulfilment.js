frappe.query_reports["Pledge Fulfilment"] = {
	filters: [
		{
			fieldname: "pledge",
			label: __("Pledge"),
			fieldtype: "Link",
			options: "Emulation Pledge",
			reqd: 1,
			get_query: () => ({ filters: { docstatus: 1 } }),
		},
	],
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
	},
};
