package org.disclosuredesk.report;

import org.disclosuredesk.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports/annual/{year}}: the report as JSON, CSV or XLSX, and the year lock (supervisors, admin). */
@RestController
@RequestMapping("/api/reports/annual/{year}")
class AnnualReportController {

  private final AnnualReports reports;

  AnnualReportController(AnnualReports reports) {
    this.reports = reports;
  }

  @GetMapping
  ResponseEntity<?> report(@PathVariable int year, @RequestParam(defaultValue = "json") String format) {
    if ("json".equalsIgnoreCase(format)) {
      return ResponseEntity.ok(reports.view(year));
    }
    ExportFormat export = ExportFormat.parse("format", format);
    return reports.view(year).spreadsheet().download(export);
  }

  @PostMapping("/lock")
  ReportView lock(@PathVariable int year) {
    return reports.lock(year, CurrentUser.get().id());
  }
}
