frappe.ui.form.on("Member Unit", {
	refresh(frm) {
		render_users(frm);
		if (frm.is_new() || !frappe.user.has_role("Thi Dua Province Manager")) return;
		frm.add_custom_button(__("Add user"), () => {
			frappe.prompt(
				{ fieldname: "user", fieldtype: "Link", options: "User", label: __("User"), reqd: 1 },
				({ user }) => add_user(frm, user),
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

const METHODS = "thi_dua_app.thi_dua.doctype.member_unit.member_unit";

// A user who already acts for another unit is added only once the manager has seen which.
function add_user(frm, user) {
	const add = () =>
		frappe
			.xcall(`${METHODS}.add_unit_user`, { unit: frm.doc.name, user })
			.then(() => frm.reload_doc());
	frappe.xcall(`${METHODS}.other_units_of`, { user, unit: frm.doc.name }).then((others) => {
		if (!others.length) return add();
		frappe.confirm(
			frappe.utils.escape_html(
				__("{0} already acts for {1}. Let this user act for {2} as well?", [
					user,
					others.join(", "),
					frm.doc.name,
				])
			),
			add
		);
	});
}
