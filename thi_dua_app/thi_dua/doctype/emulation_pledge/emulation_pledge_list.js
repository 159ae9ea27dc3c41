frappe.listview_settings["Emulation Pledge"] = {
	add_fields: ["results_published", "docstatus"],
	get_indicator(doc) {
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.docstatus === 0) return [__("Draft"), "orange", "docstatus,=,0"];
		if (doc.results_published) return [__("Results published"), "green", "results_published,=,1"];
		return [__("Signed"), "blue", "docstatus,=,1"];
	},
};
