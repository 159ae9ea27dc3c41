frappe.ui.form.on("Emulation Pledge", {
	setup(frm) {
		for (const field of ["head_unit", "deputy_unit"]) {
			frm.set_query(field, () => ({
				filters: { name: ["in", (frm.bloc_members || []).concat([""])] },
			}));
		}
	},

	async bloc(frm) {
		frm.bloc_members = [];
		if (!frm.doc.bloc) return;
		const bloc = await frappe.db.get_doc("Emulation Bloc", frm.doc.bloc);
		frm.bloc_members = (bloc.members || []).map((row) => row.member_unit);
	},

	onload(frm) {
		frm.trigger("bloc");
	},

	refresh(frm) {
		if (frm.doc.docstatus !== 1) return;
		const view = __("Evaluations");
		frm.add_custom_button(
			__("Open evaluations"),
			() => frappe.set_route("List", "Emulation Evaluation", { pledge: frm.doc.name }),
			view
		);
		// Creating evaluations and publishing results are the bloc head's and the province's.
		if (!frm.doc.__onload?.can_lead) return;
		frm.add_custom_button(
			__("Create evaluations"),
			() =>
				frm.call("create_evaluations").then(({ message }) => {
					frappe.show_alert({
						message: message.length
							? __("{0} evaluations created.", [message.length])
							: __("Every member unit already has its evaluation."),
						indicator: "green",
					});
				}),
			view
		);
		if (!frm.doc.results_published) {
			frm.add_custom_button(
				__("Publish results"),
				() =>
					frappe.confirm(
						__("Every member unit of the bloc will see every evaluation of this pledge. Continue?"),
						() => frm.call("publish_results").then(() => frm.reload_doc())
					),
				view
			);
		}
	},
});
