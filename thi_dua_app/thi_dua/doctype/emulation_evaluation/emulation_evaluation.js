const UNIT_FIELDS = ["self_score", "self_occurrences", "evidence", "note"];
const VERIFIER_FIELDS = ["verified_score", "verified_occurrences", "verifier_note"];

frappe.ui.form.on("Emulation Evaluation", {
	refresh(frm) {
		const can = (frm.doc.__onload && frm.doc.__onload.capabilities) || {};
		const scores = frm.fields_dict.scores.grid;
		for (const field of UNIT_FIELDS) scores.update_docfield_property(field, "read_only", can.self ? 0 : 1);
		for (const field of VERIFIER_FIELDS) scores.update_docfield_property(field, "read_only", can.verify ? 0 : 1);
		frm.fields_dict.target_results.grid.update_docfield_property("achieved_value", "read_only", can.self ? 0 : 1);
		frm.set_df_property("return_reason", "read_only", can.verify || can.manager ? 0 : 1);
		frm.set_df_property("scores", "cannot_add_rows", 1);
		frm.set_df_property("scores", "cannot_delete_rows", 1);
		frm.set_df_property("target_results", "cannot_add_rows", 1);
		frm.set_df_property("target_results", "cannot_delete_rows", 1);
		show_headline(frm);
	},
});

function show_headline(frm) {
	const last_return = (frm.doc.return_history || []).slice(-1)[0];
	if (frm.doc.workflow_state === "Returned" && last_return) {
		frm.dashboard.set_headline_alert(
			__("Returned: {0}", [frappe.utils.escape_html(last_return.reason)]),
			"red"
		);
	} else if (frm.doc.bloc_rank) {
		frm.dashboard.set_headline_alert(
			__("Final score {0}, rank {1} in the bloc ({2})", [
				format_number(frm.doc.final_score, null, 2),
				frm.doc.bloc_rank,
				frappe.utils.escape_html(frm.doc.classification || ""),
			]),
			"blue"
		);
	}
}

// The score and target rows are the pledge's: the grid hides "Add row", but Frappe's grid still
// adds one on Tab in the last cell of the last row. Such a row is dropped as soon as it appears.
function drop_added_row(table) {
	return (frm, cdt, cdn) => {
		frappe.model.clear_doc(cdt, cdn);
		frm.refresh_field(table);
	};
}
frappe.ui.form.on("Evaluation Score", { scores_add: drop_added_row("scores") });
frappe.ui.form.on("Evaluation Target Result", { target_results_add: drop_added_row("target_results") });
