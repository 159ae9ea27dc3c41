frappe.ui.form.on("Government Flag Proposal", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Download as Word"), () =>
				window.open(
					"/api/method/thi_dua_app.thi_dua.word_export.download_docx?" +
						new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name })
				)
			);
		}
		if (frm.doc.docstatus === 0 && !frm.is_new() && frm.perm[0]?.write) {
			frm.add_custom_button(__("Get the bloc leaders"), () =>
				frm.call("get_bloc_leaders").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.docstatus === 1 && frm.doc.lines.some((row) => row.passed)) {
			frm.add_custom_button(
				__("Award Decision"),
				() =>
					frappe.model.open_mapped_doc({
						method: "thi_dua_app.thi_dua.doctype.government_flag_proposal.government_flag_proposal.make_award_decision",
						frm,
					}),
				__("Create")
			);
		}
		if (frm.doc.over_quota && frm.doc.docstatus === 0) {
			frm.dashboard.set_headline_alert(
				__("Above the Government's share: {0} passed, at most {1}. Write the reason before submitting.", [
					frm.doc.proposed_count,
					frm.doc.quota_max,
				]),
				"orange"
			);
		}
	},
});
