// Desk helpers shared by the app's reports.
frappe.provide("thi_dua");

// Fill empty report filters with the user's sensible defaults: the latest signed pledge they
// can read, its year and bloc, and their own unit.
thi_dua.set_report_defaults = function (report, fieldnames) {
	return frappe.xcall("thi_dua_app.thi_dua.report_data.report_defaults").then((defaults) => {
		for (const fieldname of fieldnames) {
			if (defaults[fieldname] && !report.get_filter_value(fieldname)) {
				report.set_filter_value(fieldname, defaults[fieldname]);
			}
		}
	});
};

// The report filter on a signed pledge.
thi_dua.pledge_filter = function () {
	return {
		fieldname: "pledge",
		label: __("Pledge"),
		fieldtype: "Link",
		options: "Emulation Pledge",
		reqd: 1,
		get_query: () => ({ filters: { docstatus: 1 } }),
	};
};
