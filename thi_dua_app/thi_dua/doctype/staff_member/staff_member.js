// A person's history of the units served is the server's; the province corrects it as a whole
// here (the server checks the order and the overlaps, and refuses anyone else).
frappe.ui.form.on("Staff Member", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Thi Dua Province Manager")) return;
		frm.add_custom_button(__("Correct the history"), () => {
			const dialog = new frappe.ui.Dialog({
				title: __("History of the units served"),
				size: "large",
				fields: [
					{
						fieldname: "postings",
						fieldtype: "Table",
						label: __("Units served"),
						in_place_edit: true,
						data: (frm.doc.assignments || []).map((row) => ({
							member_unit: row.member_unit,
							from_date: row.from_date,
							to_date: row.to_date,
							decision: row.decision,
						})),
						fields: [
							{
								fieldname: "member_unit",
								fieldtype: "Link",
								options: "Member Unit",
								label: __("Member unit"),
								in_list_view: 1,
								reqd: 1,
							},
							{ fieldname: "from_date", fieldtype: "Date", label: __("From"), in_list_view: 1, reqd: 1 },
							{ fieldname: "to_date", fieldtype: "Date", label: __("To"), in_list_view: 1 },
							{ fieldname: "decision", fieldtype: "Data", label: __("Decision"), in_list_view: 1 },
						],
					},
				],
				primary_action_label: __("Save the history"),
				primary_action(values) {
					const postings = (values.postings || []).map((row) => ({
						member_unit: row.member_unit,
						from_date: row.from_date,
						to_date: row.to_date || null,
						decision: row.decision || "",
					}));
					frm.call("correct_history", { postings }).then(() => {
						dialog.hide();
						frm.reload_doc();
					});
				},
			});
			dialog.show();
		});
	},
});
