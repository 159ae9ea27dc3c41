frappe.query_reports["Bloc Ranking"] = {
	filters: [thi_dua.pledge_filter()],
	formatter: thi_dua.report_formatter,
	onload(report) {
		thi_dua.set_report_defaults(report, ["pledge"]);
		// "Print" and "PDF" give the official sheet of Decree 30 (the print format Bloc Ranking
		// Sheet of the pledge: national header, the ranking, the bloc head's signature), not a
		// plain table; the server decides who may print it.
		const sheet = (as_pdf) => {
			const pledge = report.get_filter_value("pledge");
			if (!pledge) return;
			const params = new URLSearchParams({
				doctype: "Emulation Pledge",
				name: pledge,
				format: "Bảng tổng hợp kết quả xếp hạng",
				no_letterhead: 1,
				_lang: frappe.boot.lang,
			});
			window.open(
				as_pdf
					? `/api/method/frappe.utils.print_format.download_pdf?${params}`
					: `/printview?${params}&trigger_print=1`
			);
		};
		report.print_report = () => sheet(false);
		report.pdf_report = () => sheet(true);
		report.page.add_inner_button(__("Print the ranking sheet"), () => sheet(false));
	},
};
