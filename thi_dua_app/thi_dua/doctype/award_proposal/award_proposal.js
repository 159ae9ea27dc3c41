frappe.ui.form.on("Award Proposal", {
	setup(frm) {
		frm.set_query("meeting", () => ({ filters: { docstatus: 1 } }));
	},
});
