// Bản đăng ký thi đua: the lines offer only emulation titles fit for what they register, and only
// the unit's own people and divisions. The server checks the same on saving.
frappe.ui.form.on("Emulation Registration", {
	setup(frm) {
		frm.set_query("award_form", "lines", (doc, cdt, cdn) => {
			const row = locals[cdt][cdn];
			const collective = ["Unit", "Division"].includes(row.subject_kind);
			return {
				filters: {
					form_kind: "Emulation title",
					is_active: 1,
					subject: ["in", [collective ? "Collective" : "Individual", "Individual or collective"]],
				},
			};
		});
		frm.set_query("staff_member", "lines", (doc) => ({ filters: { member_unit: doc.member_unit } }));
		frm.set_query("division", "lines", (doc) => ({ filters: { member_unit: doc.member_unit } }));
	},
	onload(frm) {
		if (frm.is_new() && !frm.doc.year) {
			frm.set_value("year", new Date().getFullYear());
		}
	},
});
