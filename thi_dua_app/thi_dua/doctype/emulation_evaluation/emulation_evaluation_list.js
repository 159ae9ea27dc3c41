// The final score and rank exist once the bloc head has verified; before that they are 0 and
// would read as a result.
const RANKED_STATES = ["Verified", "Approved"];
const once_ranked = (value, doc, text) =>
	RANKED_STATES.includes(doc.workflow_state) && value ? text : "";

frappe.listview_settings["Emulation Evaluation"] = {
	add_fields: ["workflow_state", "year", "final_score", "bloc_rank"],
	formatters: {
		final_score: (value, df, doc) => once_ranked(value, doc, format_number(value, null, 2)),
		bloc_rank: (value, df, doc) => once_ranked(value, doc, String(value)),
	},
	onload(listview) {
		// The same documents as the number card "Evaluations Waiting for Me".
		listview.page.add_inner_button(__("Waiting for me"), () => {
			frappe.xcall("thi_dua_app.api.evaluations_waiting_for_me").then((card) => {
				const filters = Object.entries(card.route_options).map(([fieldname, value]) =>
					Array.isArray(value)
						? [listview.doctype, fieldname, value[0], value[1]]
						: [listview.doctype, fieldname, "=", value]
				);
				listview.filter_area.clear(false).then(() => listview.filter_area.add(filters));
			});
		});
	},
};
