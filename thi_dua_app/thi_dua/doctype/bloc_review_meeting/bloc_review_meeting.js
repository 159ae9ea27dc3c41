frappe.ui.form.on("Bloc Review Meeting", {
	setup(frm) {
		// Candidates come from the ranking the meeting adopted.
		frm.set_query("member_unit", "candidates", () => ({
			filters: { name: ["in", (frm.doc.ranking || []).map((row) => row.member_unit).concat([""])] },
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
