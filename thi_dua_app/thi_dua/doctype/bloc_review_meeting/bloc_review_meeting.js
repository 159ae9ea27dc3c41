frappe.ui.form.on("Bloc Review Meeting", {
	setup(frm) {
		// Candidates come from the ranking the meeting adopted.
		// (the bloc head's officers read only their own Member Unit, so the app's query answers).
		frm.set_query("member_unit", "candidates", () => ({
			query: "thi_dua_app.thi_dua.doctype.bloc_review_meeting.bloc_review_meeting.candidate_units",
			filters: { meeting: frm.doc.name },
		}));
		frm.set_query("pledge", () => ({ filters: { docstatus: 1 } }));
	},

	refresh(frm) {
		if (frm.doc.docstatus === 1 && frm.doc.candidates.some((row) => row.selected)) {
			frm.add_custom_button(__("Award Proposal"), () =>
				frappe.new_doc("Award Proposal", { meeting: frm.doc.name })
			, __("Create"));
		}
		if (frm.is_new() || frm.doc.docstatus !== 0 || !frm.perm[0]?.write) return;
		frm.add_custom_button(__("Adopt the ranking again"), () =>
			frappe.confirm(
				__(
					"Replace the adopted ranking with the verified ranking as it stands now? The candidates and votes stay as they are."
				),
				() => frm.call("adopt_ranking_again").then(() => frm.reload_doc())
			)
		);
	},
});
