frappe.ui.form.on("Award Decision", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Download as Word"), () =>
				window.open(
					"/api/method/thi_dua_app.thi_dua.word_export.download_docx?" +
						new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name })
				)
			);
		}
		if (!frm.is_new() && frm.doc.docstatus === 0) {
			frm.add_custom_button(__("Get the lines the council passed"), () =>
				frm.call("get_passed_lines").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.docstatus === 1 && !frm.doc.revoked && frappe.user.has_role("Thi Dua Province Manager")) {
			frm.add_custom_button(__("Revoke"), () => {
				frappe.prompt(
					[
						{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for revoking"), reqd: 1 },
						{ fieldname: "revoked_on", fieldtype: "Date", label: __("Revoked on"), reqd: 1, default: frappe.datetime.get_today() },
					],
					(values) => frm.call("revoke", values).then(() => frm.reload_doc()),
					__("Revoke the decision"),
					__("Revoke")
				);
			});
		}
	},
});
