// Desk helpers shared by the app's reports.
frappe.provide("thi_dua");

// Fill empty report filters with the user's sensible defaults: the latest signed pledge they
// can read, its year and bloc, and their own unit.
thi_dua.set_report_defaults = function (report, fieldnames) {
	return frappe.xcall("thi_dua_app.thi_dua.report_data.report_defaults").then((defaults) => {
		for (const fieldname of fieldnames) {
			if (defaults[fieldname] && !report.get_filter_value(fieldname)) {
				report.set_filter_value(fieldname, defaults[fieldname]);
			}
		}
	});
};

// The report filter on a signed pledge.
thi_dua.pledge_filter = function () {
	return {
		fieldname: "pledge",
		label: __("Pledge"),
		fieldtype: "Link",
		options: "Emulation Pledge",
		reqd: 1,
		get_query: () => ({ filters: { docstatus: 1 } }),
	};
};

// Report cells show what a user typed as text, never as markup: Frappe's formatter of Data (and
// Small Text) columns writes the value as HTML, so a text value is escaped before it. Link cells
// are left to Frappe, which puts the name into the link as text (and names cannot hold "<" or ">").
thi_dua.report_formatter = function (value, row, column, data, default_formatter) {
	if (typeof value === "string" && column.fieldtype !== "Link") {
		value = frappe.utils.escape_html(value);
	}
	return default_formatter(value, row, column, data);
};

// Forms, grids and lists of the app's documents show what a user typed as text. Frappe writes a
// formatted value as HTML and escapes only Data fields of a form, not Small Text, Data in a grid
// or Attach; and its sanitiser on save skips text that looks like JSON and every Attach value.
// So before Frappe formats a text value of a Thi Dua DocType, "<" and ">" become entities: no
// tag can open, and a value Frappe has already escaped is left as it is. An Attach value also
// goes into a link's href, so its quotes are escaped too.
(function () {
	const standard_format = frappe.format;
	const TEXT = ["Data", "Small Text", "Text", "Long Text"];
	const is_app_doctype = (doctype) => {
		const meta = doctype && locals.DocType && locals.DocType[doctype];
		return Boolean(meta && meta.module === "Thi Dua");
	};
	// An attachment is shown by its file's name, not its path; an evaluation's evidence cell says
	// when the criterion requires evidence and none is attached yet.
	const file_name = (url) => {
		const last = url.split("/").pop() || url;
		try {
			return decodeURIComponent(last);
		} catch (e) {
			return last;
		}
	};
	const format_attachment = (value, df, doc) => {
		if (!value) {
			const wanted = df.parent === "Evaluation Score" && doc && doc.evidence_required;
			return wanted ? `<span class="text-danger">${__("Evidence required")}</span>` : "";
		}
		const url = frappe.utils.escape_html(String(value));
		return `<a href="${url}" target="_blank">${frappe.utils.escape_html(file_name(String(value)))}</a>`;
	};
	// An evaluation's score row shows only what applies to its criterion: a base criterion a score
	// out of its maximum, an item counted in occurrences its points per occurrence and the number
	// of occurrences (never "0" as a maximum or a score); a verified figure that differs from the
	// unit's claim stands out.
	const ONLY_FOR_BASE = ["self_score", "verified_score"];
	const ONLY_FOR_ITEMS = ["self_occurrences", "verified_occurrences"];
	const CLAIM_OF = { verified_score: "self_score", verified_occurrences: "self_occurrences" };
	const NUMBERS = [...ONLY_FOR_BASE, ...ONLY_FOR_ITEMS, "max_points"];
	// Last year's verified figure of a criterion, by evaluation and criterion code (the form fills it).
	thi_dua.last_year = {};
	const last_year_note = (doc) => {
		const figure = (thi_dua.last_year[doc.parent] || {})[doc.criterion_code];
		return figure === undefined
			? ""
			: ` <span class="text-muted small">(${frappe.utils.escape_html(
					__("last year: {0}", [format_number(figure, null, 2).replace(/,00$/, "")])
			  )})</span>`;
	};
	// The title of each group of an evaluation's table, by evaluation and group code (the form
	// fills it): shown above the group's first criterion.
	thi_dua.group_titles = {};
	const group_heading = (doc) => {
		const title = (thi_dua.group_titles[doc.parent] || {})[doc.group_code];
		const parent = doc.parent && locals[doc.parenttype] && locals[doc.parenttype][doc.parent];
		const rows = (parent && parent.scores) || [];
		const previous = rows.find((row) => row.idx === doc.idx - 1);
		if (title === undefined || (previous && previous.group_code === doc.group_code)) return "";
		const text = `${doc.group_code}. ${title}`;
		return `<div class="thi-dua-group-heading">${frappe.utils.escape_html(text)}</div>`;
	};
	// The table's guide to scoring a criterion, under its text where the score is entered.
	const scoring_guide = (doc) =>
		doc.scoring_guide
			? `<div class="thi-dua-scoring-guide text-muted small">${frappe.utils.escape_html(
					__("Scoring guide")
			  )}: ${frappe.utils.escape_html(doc.scoring_guide)}</div>`
			: "";
	const format_score_row = (value, df, options, doc) => {
		// Numbers only: every text field goes on to the escaping below.
		if (!NUMBERS.includes(df.fieldname)) return undefined;
		const base = doc.criterion_type === "Base";
		if ((ONLY_FOR_BASE.includes(df.fieldname) && !base) || (ONLY_FOR_ITEMS.includes(df.fieldname) && base)) {
			// Not "": the grid formats an empty cell again with the form's document.
			return "<span></span>";
		}
		if (df.fieldname === "max_points" && !base) {
			const sign = doc.criterion_type === "Bonus" ? "+" : doc.criterion_type === "Deduction" ? "−" : "";
			const each = format_number(doc.points_per_occurrence || 0, null, 2).replace(/,00$/, "");
			return doc.criterion_type === "Disqualifier"
				? `<div class="text-right text-danger">${__("Disqualifies")}</div>`
				: `<div class="text-right">${__("{0} per occurrence", [sign + each])}</div>`;
		}
		const shown = standard_format(value, df, options, doc);
		const claim = CLAIM_OF[df.fieldname] ? doc[CLAIM_OF[df.fieldname]] || 0 : null;
		if (claim !== null && (value || 0) !== claim) {
			const note = __("The unit claimed {0}", [String(claim)]);
			return `<div class="text-warning font-weight-bold" title="${frappe.utils.escape_html(note)}">${shown}</div>`;
		}
		return shown;
	};
	frappe.format = function (value, df, options, doc) {
		if (df && df.fieldtype === "Attach" && is_app_doctype(df.parent)) {
			return format_attachment(value, df, doc);
		}
		if (df && df.parent === "Evaluation Score" && doc && doc.criterion_type) {
			const cell = format_score_row(value, df, options, doc);
			if (cell !== undefined) return cell;
			if (df.fieldname === "description" && typeof value === "string") {
				const text = value.replace(/</g, "&lt;").replace(/>/g, "&gt;");
				return (
					group_heading(doc) +
					standard_format(text, df, options, doc) +
					last_year_note(doc) +
					scoring_guide(doc)
				);
			}
		}
		if (typeof value === "string" && df && is_app_doctype(df.parent)) {
			if (TEXT.includes(df.fieldtype || "Data")) {
				value = value.replace(/</g, "&lt;").replace(/>/g, "&gt;");
			}
		}
		return standard_format(value, df, options, doc);
	};
})();

// A field's label in the user's language wherever the desk asks for it. Frappe's timeline writes
// the label of a changed child-table field untranslated ("Self score from 0 to 9 in row #2"), so
// for the app's DocTypes the label is translated here; callers that translate it again get the
// same text (the app's catalogue is stable under a second translation, a site test holds it).
(function () {
	const standard_get_label = frappe.meta.get_label;
	frappe.meta.get_label = function (doctype, fieldname, docname) {
		const meta = doctype && locals.DocType && locals.DocType[doctype];
		const df = meta && meta.module === "Thi Dua" && frappe.meta.get_docfield(doctype, fieldname, docname);
		// Frappe's own labels (ID, Created On …) come translated already, and are left to it.
		return df && df.label ? __(df.label, null, df.parent) : standard_get_label.apply(this, arguments);
	};
})();

// The workflow help of the app's documents (the "Help" item of the actions menu): the state, and
// each next action with who takes it in words and whether the user may, as the server says
// (thi_dua_app.api.workflow_help). Frappe's own help names roles, and the officers of a bloc's
// head unit hold the unit roles, so it would read as if any unit verified.
thi_dua.use_workflow_help = function (frm) {
	if (!frm.states || frm.states._thi_dua_help) return;
	frm.states._thi_dua_help = true;
	frm.states.setup_help = function () {
		frm.page.add_action_item(__("Help"), () => thi_dua.show_workflow_help(frm), true);
	};
};

thi_dua.show_workflow_help = function (frm) {
	const esc = frappe.utils.escape_html;
	frappe
		.xcall("thi_dua_app.api.workflow_help", { doctype: frm.doctype, name: frm.doc.name })
		.then((help) => {
			const lines = help.actions.map(
				(row) =>
					`<li><b>${esc(row.action)}</b>: ${esc(row.by.join("; "))}${
						row.yours ? ` <span class="text-success">(${__("you may")})</span>` : ""
					}</li>`
			);
			const dialog = new frappe.ui.Dialog({ title: __("Workflow") });
			$(dialog.body)
				.html(
					`<p>${__("Current status")}: <b>${esc(help.state)}</b></p>
					<p>${__("Next actions")}:</p>
					${lines.length ? `<ul>${lines.join("")}</ul>` : `<p>${__("None: End of Workflow")}</p>`}
					<p class="text-muted">${__("Every step is checked again on the server.")}</p>`
				)
				.css({ padding: "15px" });
			dialog.show();
		});
};
