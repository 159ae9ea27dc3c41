// The province re-forms a bloc after mergers: the merged units leave it the day before their
// successor takes over, and the successor joins (the server works it out from the recorded
// successions).
frappe.ui.form.on("Emulation Bloc", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Thi Dua Province Manager")) return;
		frm.add_custom_button(__("Apply the mergers"), () =>
			frappe.confirm(
				__("Close the memberships of merged units and add their successors from the day of the merger?"),
				() =>
					frm.call("apply_successions").then((r) => {
						frappe.show_alert({
							message: r.message
								? __("{0} membership(s) changed or added.", [r.message])
								: __("No merger changes this bloc."),
							indicator: r.message ? "green" : "blue",
						});
						frm.reload_doc();
					})
			)
		);
	},
});
