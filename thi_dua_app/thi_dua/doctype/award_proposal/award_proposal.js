frappe.ui.form.on("Award Proposal", {
	setup(frm) {
		frm.set_query("meeting", () => ({ filters: { docstatus: 1 } }));
		frm.set_query("internal_review", () => ({ filters: { docstatus: 1 } }));
		thi_dua.use_workflow_help(frm);
	},

	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Download as Word"), () =>
			window.open(
				"/api/method/thi_dua_app.thi_dua.word_export.download_docx?" +
					new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name })
			)
		);
	},
});
