frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Evaluations by State"] = {
	method: "thi_dua_app.thi_dua.dashboard_chart_source.evaluations_by_state.evaluations_by_state.get",
	filters: [{ fieldname: "year", label: __("Year"), fieldtype: "Int" }],
};
