package org.disclosuredesk.report;

import java.util.List;
import org.disclosuredesk.agency.CallerAgency;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.web.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/annual/{year}}: the report as JSON, CSV or XLSX, and the year lock (supervisors,
 * admin, the city's supervisors). The caller's agency, or {@code ?agency=CODE}; {@code ?agency=all} is the
 * city aggregate (city supervisors and administrators). A lock is one agency's (its supervisors' or an
 * administrator's sign-off); {@code all} cannot be locked (400).
 */
@RestController
@RequestMapping("/api/reports/annual/{year}")
class AnnualReportController {

  private final AnnualReports reports;
  private final CallerAgency callerAgency;

  AnnualReportController(AnnualReports reports, CallerAgency callerAgency) {
    this.reports = reports;
    this.callerAgency = callerAgency;
  }

  @GetMapping
  ResponseEntity<?> report(@PathVariable int year, @RequestParam(defaultValue = "json") String format,
      @RequestParam(required = false) String agency) {
    boolean json = "json".equalsIgnoreCase(format);
    ExportFormat export = json ? null : ExportFormat.parse("format", format);
    ReportView view = served(CurrentUser.get(), agency, year);
    return json ? ResponseEntity.ok(view) : view.spreadsheet().download(export);
  }

  @PostMapping("/lock")
  ReportView lock(@PathVariable int year, @RequestParam(required = false) String agency) {
    CurrentUser user = CurrentUser.get();
    String code = callerAgency.of(user, agency);
    if (!user.in(Groups.SUPERVISORS) && !user.in(Groups.ADMIN)) {
      throw new ForbiddenException("agency", "年度报告由本机关督办人员（机关负责人）或系统管理员审定锁定");
    }
    return reports.lock(code, year, user.id());
  }

  /** One agency's report or, for {@code all}, the city aggregate; 403/400 as {@link CallerAgency#scope}. */
  ReportView served(CurrentUser user, String agency, int year) {
    List<String> scope = callerAgency.scope(user, agency);
    return isAll(agency) ? reports.cityView(scope, year) : reports.view(scope.get(0), year);
  }

  static boolean isAll(String agency) {
    return agency != null && CallerAgency.ALL.equals(agency.strip());
  }
}
