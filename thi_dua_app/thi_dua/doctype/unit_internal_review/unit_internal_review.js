// Bình xét thi đua tại đơn vị: the lines offer only the unit's people and divisions and the titles
// fit for them; "Fill from the records" proposes what the eligibility rules support. The server
// works out every verdict, share and destination again on saving.
frappe.ui.form.on("Unit Internal Review", {
	setup(frm) {
		frm.set_query("staff_member", "lines", (doc) => ({ filters: { member_unit: doc.member_unit } }));
		frm.set_query("division", "lines", (doc) => ({ filters: { member_unit: doc.member_unit } }));
		frm.set_query("award_form", "lines", (doc, cdt, cdn) => {
			const row = locals[cdt][cdn];
			return {
				filters: {
					is_active: 1,
					subject: ["in", [row.recipient_kind || "Individual", "Individual or collective"]],
				},
			};
		});
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.docstatus === 0) {
			frm.add_custom_button(__("Fill from the records"), () =>
				frappe.confirm(__("Replace the lines with what the year's records support?"), () =>
					frm.call("fill_lines").then(() => frm.reload_doc())
				)
			);
		}
	},
});
