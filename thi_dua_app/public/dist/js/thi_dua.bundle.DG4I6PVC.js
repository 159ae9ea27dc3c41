(() => {
  // ../../../../work/main/thi_dua_app/public/js/thi_dua.bundle.js
  frappe.provide("thi_dua");
  thi_dua.set_report_defaults = function(report, fieldnames) {
    return frappe.xcall("thi_dua_app.thi_dua.report_data.report_defaults").then((defaults) => {
      for (const fieldname of fieldnames) {
        if (defaults[fieldname] && !report.get_filter_value(fieldname)) {
          report.set_filter_value(fieldname, defaults[fieldname]);
        }
      }
    });
  };
})();
//# sourceMappingURL=thi_dua.bundle.DG4I6PVC.js.map
