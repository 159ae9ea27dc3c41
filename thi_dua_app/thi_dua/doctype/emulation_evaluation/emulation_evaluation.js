const UNIT_FIELDS = ["self_score", "self_occurrences", "evidence", "note"];
const VERIFIER_FIELDS = ["verified_score", "verified_occurrences", "verifier_note"];
const VERIFIED_SECTION = [
	"verified_totals_section",
	"verified_base",
	"verified_bonus",
	"verified_deduction",
	"final_score",
	"classification",
	"bloc_rank",
	"tie_break_note",
];
// What each action locks, said before it is taken (the actions are the workflow's own names).
const LOCKS = {
	"Submit self-assessment": __(
		"After sending, your unit can no longer change its scores, target results or evidence unless the bloc head returns the evaluation."
	),
	Verify: __(
		"After confirming, the verified scores are locked and the bloc is ranked again with this evaluation."
	),
	Approve: __("After approval the result is final; only the province can cancel it."),
};

frappe.ui.form.on("Emulation Evaluation", {
	setup(frm) {
		// A new evaluation is for a unit the user acts for, under a signed pledge.
		frm.set_query("member_unit", () =>
			frm._my_units && !frm._my_units.all
				? { filters: { name: ["in", frm._my_units.units.concat([""])] } }
				: {}
		);
		frm.set_query("pledge", () => ({ filters: { docstatus: 1 } }));
		thi_dua.use_workflow_help(frm);
	},

	onload(frm) {
		remember_last_year(frm);
		remember_groups(frm);
		if (frm.is_new()) {
			frappe.xcall("thi_dua_app.api.my_units").then((units) => (frm._my_units = units));
		}
	},

	refresh(frm) {
		remember_last_year(frm);
		remember_groups(frm);
		const can = (frm.doc.__onload && frm.doc.__onload.capabilities) || {};
		const scores = frm.fields_dict.scores.grid;
		for (const field of UNIT_FIELDS) scores.update_docfield_property(field, "read_only", can.self ? 0 : 1);
		for (const field of VERIFIER_FIELDS) scores.update_docfield_property(field, "read_only", can.verify ? 0 : 1);
		// The verifier's figures are shown to the unit once verified; until then they are a copy of
		// its own claim, or nothing, and would only mislead.
		const show_verified = Boolean(can.see_verified);
		if (frm._verified_shown !== show_verified) {
			scores.set_column_disp(VERIFIER_FIELDS, show_verified);
			scores.reset_grid();
			frm._verified_shown = show_verified;
		}
		for (const field of VERIFIED_SECTION) frm.toggle_display(field, show_verified);
		frm.fields_dict.target_results.grid.update_docfield_property("achieved_value", "read_only", can.self ? 0 : 1);
		frm.set_df_property("return_reason", "read_only", can.verify || can.manager ? 0 : 1);
		frm.set_df_property("scores", "cannot_add_rows", 1);
		frm.set_df_property("scores", "cannot_delete_rows", 1);
		frm.set_df_property("target_results", "cannot_add_rows", 1);
		frm.set_df_property("target_results", "cannot_delete_rows", 1);
		remember_entries(frm);
		show_headline(frm);
		show_group_summary(frm, (frm.doc.__onload && frm.doc.__onload.groups) || []);
	},

	before_workflow_action(frm) {
		const action = frm.selected_workflow_action;
		const returns = (frm.doc.__onload && frm.doc.__onload.return_actions) || [];
		if (returns.includes(action)) return ask_return_reason(frm);
		if (!LOCKS[action]) return;
		const missing = action === "Submit self-assessment" ? missing_evidence(frm) : [];
		frappe.dom.unfreeze();
		if (missing.length) {
			frappe.msgprint({
				title: __("Evidence required"),
				indicator: "red",
				message: __("Attach evidence for the criteria that require it: {0}.", [missing.join(", ")]),
			});
			return Promise.reject(new Error("evidence missing"));
		}
		const lines = [];
		if (action === "Submit self-assessment") {
			const unscored = unscored_base_criteria(frm);
			if (unscored.length) {
				lines.push(__("These base criteria are still at 0 points: {0}.", [unscored.join(", ")]));
			}
		}
		lines.push(LOCKS[action]);
		return new Promise((resolve, reject) => {
			frappe.confirm(
				lines.map((line) => `<p>${frappe.utils.escape_html(line)}</p>`).join(""),
				() => {
					frappe.dom.freeze();
					resolve();
				},
				() => reject(new Error("cancelled"))
			);
		});
	},
});

// A return needs its reason (the server refuses one without): asked for when the action is chosen,
// written into the form and saved, then the return goes on. A reason already written is offered.
function ask_return_reason(frm) {
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let given = false;
		const dialog = new frappe.ui.Dialog({
			title: __("Return reason"),
			fields: [
				{
					fieldname: "reason",
					fieldtype: "Small Text",
					label: __("Return reason"),
					reqd: 1,
					default: frm.doc.return_reason || "",
					description: __("Whoever the evaluation goes back to reads it at the top of the form and in their notification."),
				},
			],
			primary_action_label: __(frm.selected_workflow_action),
			primary_action({ reason }) {
				given = true;
				dialog.hide();
				frappe.dom.freeze();
				frm.set_value("return_reason", reason)
					.then(() => frm.save())
					.then(resolve, reject);
			},
		});
		dialog.onhide = () => {
			if (!given) reject(new Error("no reason given"));
		};
		dialog.show();
	});
}

// Last year's verified figure of each criterion, shown in the criterion's cell (thi_dua.bundle.js):
// known before the grid draws its rows.
function remember_last_year(frm) {
	thi_dua.last_year[frm.doc.name] = (frm.doc.__onload && frm.doc.__onload.last_year) || {};
}

// The title of each group of the table, shown above its first criterion in the grid
// (thi_dua.bundle.js).
function remember_groups(frm) {
	const titles = {};
	for (const group of (frm.doc.__onload && frm.doc.__onload.groups) || []) {
		titles[group.group_code] = group.group_title;
	}
	thi_dua.group_titles[frm.doc.name] = titles;
}

// Each group's points out of its maximum, under the grid: as saved, then as typed (preview_totals).
// The verifier's column once the unit may see it, and always for the head and the province.
function show_group_summary(frm, groups) {
	const wrapper = frm.fields_dict.group_summary && frm.fields_dict.group_summary.$wrapper;
	if (!wrapper) return;
	if (!groups.length) {
		wrapper.empty();
		return;
	}
	const can = (frm.doc.__onload && frm.doc.__onload.capabilities) || {};
	const esc = frappe.utils.escape_html;
	const figure = (value, disqualifies) =>
		disqualifies ? `<span class="text-danger">${__("Disqualified")}</span>` : esc(points(value));
	const head = [__("Group"), __("Maximum points"), __("Self score")];
	if (can.see_verified) head.push(__("Verified score"));
	const rows = groups.map((group) => {
		const cells = [
			`<td>${esc(group.group_code)}. ${esc(group.group_title || "")}</td>`,
			`<td class="text-right">${group.max_points === null ? "–" : esc(points(group.max_points))}</td>`,
			`<td class="text-right">${figure(group.self, group.self_disqualifies)}</td>`,
		];
		if (can.see_verified) {
			cells.push(`<td class="text-right">${figure(group.verified, group.verified_disqualifies)}</td>`);
		}
		return `<tr>${cells.join("")}</tr>`;
	});
	wrapper.html(
		`<div class="thi-dua-group-summary">
			<div class="text-muted small">${esc(__("Subtotals by group"))}</div>
			<table class="table table-bordered table-sm">
				<thead><tr>${head.map((text, i) => `<th${i ? ' class="text-right"' : ""}>${esc(text)}</th>`).join("")}</tr></thead>
				<tbody>${rows.join("")}</tbody>
			</table>
		</div>`
	);
}

function show_headline(frm) {
	const last_return = (frm.doc.return_history || []).slice(-1)[0];
	if (frm.doc.workflow_state === "Returned" && last_return) {
		frm.dashboard.set_headline_alert(
			__("Returned: {0}", [frappe.utils.escape_html(last_return.reason)]),
			"red"
		);
	} else if (frm.doc.bloc_rank) {
		frm.dashboard.set_headline_alert(
			__("Final score {0}, rank {1} in the bloc ({2})", [
				format_number(frm.doc.final_score, null, 2),
				frm.doc.bloc_rank,
				frappe.utils.escape_html(frm.doc.classification || ""),
			]),
			"blue"
		);
	}
}

function missing_evidence(frm) {
	return (frm.doc.scores || [])
		.filter((row) => row.evidence_required && !row.evidence && (row.self_score || row.self_occurrences))
		.map((row) => row.criterion_code);
}

function unscored_base_criteria(frm) {
	return (frm.doc.scores || [])
		.filter((row) => row.criterion_type === "Base" && !row.self_score)
		.map((row) => row.criterion_code);
}

// A score or a number of occurrences the table does not allow is refused as it is typed: the cell
// goes back to the last value it held, and the officer is told why. The server checks the same
// rules (thi_dua_app.rules.scoring.check_entry) on every save, whoever sends the document.
function remember_entries(frm) {
	frm._accepted_entries = {};
	for (const row of frm.doc.scores || []) frm._accepted_entries[row.name] = { ...row };
}

function entry_problem(row, fieldname) {
	const value = row[fieldname] || 0;
	const code = row.criterion_code;
	if (fieldname.endsWith("_score")) {
		if (value < 0) return __("Criterion {0}: the score cannot be negative.", [code]);
		if (value > row.max_points) {
			return __("Criterion {0}: the score {1} is above its maximum {2}.", [
				code,
				points(value),
				points(row.max_points),
			]);
		}
	} else {
		if (value < 0) return __("Criterion {0}: the number of occurrences cannot be negative.", [code]);
		if (row.criterion_type === "Disqualifier" && value > 1) {
			return __(
				"Criterion {0}: a disqualifying condition is either 0 (does not apply) or 1 (applies).",
				[code]
			);
		}
	}
	return null;
}

// A number of points as the site writes numbers, without trailing zeros (12; 12,5).
function points(value) {
	const places = [0, 1, 2].find((n) => Math.abs(Math.round(value * 10 ** n) - value * 10 ** n) < 1e-6);
	return format_number(value, null, places === undefined ? 2 : places);
}

function check_entry(fieldname) {
	return (frm, cdt, cdn) => {
		const row = locals[cdt][cdn];
		const accepted = (frm._accepted_entries || {})[cdn] || {};
		const problem = entry_problem(row, fieldname);
		if (!problem) {
			accepted[fieldname] = row[fieldname];
			schedule_preview(frm);
			return;
		}
		frappe.show_alert({ message: problem, indicator: "red" }, 7);
		frappe.model.set_value(cdt, cdn, fieldname, accepted[fieldname] || 0);
	};
}

// Live totals and band while the officer types: the server computes them with the save's own
// rules (preview_totals, nothing written); the figures are shown, the form saves them.
const TOTAL_FIELDS = [
	"self_base",
	"self_bonus",
	"self_deduction",
	"self_total",
	"verified_base",
	"verified_bonus",
	"verified_deduction",
	"final_score",
];

function schedule_preview(frm) {
	clearTimeout(frm._preview_timer);
	frm._preview_timer = setTimeout(() => preview_totals(frm), 400);
}

function preview_totals(frm) {
	if (frm.is_new()) return;
	const scores = (frm.doc.scores || []).map((row) => ({
		criterion_code: row.criterion_code,
		self_score: row.self_score || 0,
		self_occurrences: row.self_occurrences || 0,
		verified_score: row.verified_score || 0,
		verified_occurrences: row.verified_occurrences || 0,
	}));
	frappe
		.xcall("thi_dua_app.thi_dua.doctype.emulation_evaluation.emulation_evaluation.preview_totals", {
			name: frm.doc.name,
			scores,
		})
		.then((totals) => {
			if (totals.error) return;
			for (const field of TOTAL_FIELDS) {
				frm.doc[field] = totals[field];
				frm.refresh_field(field);
			}
			const can = (frm.doc.__onload && frm.doc.__onload.capabilities) || {};
			const [total, band] = can.verify
				? [totals.final_score, totals.verified_band]
				: [totals.self_total, totals.self_band];
			show_group_summary(frm, totals.groups || []);
			const figures = [points(total), band || "–"];
			const note = __("Provisional total: {0} points, {1}. Save to keep it.", figures);
			frm.dashboard.set_headline(frappe.utils.escape_html(note), "orange");
		});
}

// The score and target rows are the pledge's: the grid hides "Add row", but Frappe's grid still
// adds one on Tab in the last cell of the last row. Such a row is dropped as soon as it appears.
function drop_added_row(table) {
	return (frm, cdt, cdn) => {
		frappe.model.clear_doc(cdt, cdn);
		frm.refresh_field(table);
	};
}
frappe.ui.form.on("Evaluation Score", {
	scores_add: drop_added_row("scores"),
	self_score: check_entry("self_score"),
	verified_score: check_entry("verified_score"),
	self_occurrences: check_entry("self_occurrences"),
	verified_occurrences: check_entry("verified_occurrences"),
});
frappe.ui.form.on("Evaluation Target Result", { target_results_add: drop_added_row("target_results") });
