frappe.ui.form.on("Member Unit", {
	refresh(frm) {
		render_users(frm);
		if (frm.is_new() || !frappe.user.has_role("Thi Dua Province Manager")) return;
		frm.add_custom_button(__("Add user"), () => {
			frappe.prompt(
				{ fieldname: "user", fieldtype: "Link", options: "User", label: __("User"), reqd: 1 },
				({ user }) =>
					frappe
						.xcall("thi_dua_app.thi_dua.doctype.member_unit.member_unit.add_unit_user", {
							unit: frm.doc.name,
							user,
						})
						.then(() => frm.reload_doc()),
				__("Add a user acting for this unit"),
				__("Add")
			);
		});
	},
});

function render_users(frm) {
	const users = (frm.doc.__onload && frm.doc.__onload.unit_users) || [];
	const rows = users.map((row) => `<li>${frappe.utils.escape_html(row.user)}</li>`).join("");
	frm.get_field("users_html").$wrapper.html(
		users.length
			? `<ul>${rows}</ul>`
			: `<p class="text-muted">${__("No user acts for this unit yet.")}</p>`
	);
}
