frappe.ui.form.on("Council Session", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus !== 0) return;
		frm.add_custom_button(__("Get appraised proposals"), () =>
			frm.call("get_appraised_lines").then(() => frm.reload_doc())
		);
	},
});
