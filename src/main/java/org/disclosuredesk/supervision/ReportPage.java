package org.disclosuredesk.supervision;

import java.security.Principal;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.report.AnnualReports;
import org.disclosuredesk.report.ExportFormat;
import org.disclosuredesk.report.ReportView;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /supervision/reports/{year}}: the printable annual report of the caller's agency, of
 * {@code ?agency=CODE}, or the city aggregate ({@code ?agency=all}); its downloads and the year lock (one
 * agency's, by its supervisors or an administrator).
 */
@Controller
@RequestMapping("/supervision/reports")
class ReportPage {

  private final AnnualReports reports;
  private final SupervisedAgencies agencies;

  ReportPage(AnnualReports reports, SupervisedAgencies agencies) {
    this.reports = reports;
    this.agencies = agencies;
  }

  /** The current year (earlier years are linked from the page). */
  @GetMapping({"", "/"})
  String latest(@RequestParam(required = false) String agency) {
    return "redirect:/supervision/reports/" + reports.today().getYear()
        + (agency == null || agency.isBlank() ? "" : "?agency=" + agencies.of(agency).param());
  }

  @GetMapping("/{year}")
  String report(@PathVariable int year, @RequestParam(required = false) String agency, Model model, Principal user) {
    SupervisedAgencies.Scope scope = agencies.of(agency);
    ReportView view = view(scope, year);
    model.addAttribute("view", view);
    model.addAttribute("r", view.report());
    model.addAttribute("table3", PrintedTable3.lines(view.report().rows()));
    model.addAttribute("lockable", !scope.city() && mayLock() && year < reports.today().getYear() && !view.locked());
    SupervisionPages.scope(model, agencies, scope);
    SupervisionPages.common(model, user, "reports");
    return "report/annual";
  }

  @GetMapping("/{year}/export")
  ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "csv") String format) {
    ExportFormat export = ExportFormat.parse("format", format);
    return view(agencies.of(agency), year).spreadsheet().download(export);
  }

  @PostMapping("/{year}/lock")
  String lock(@PathVariable int year, @RequestParam(required = false) String agency, Principal user,
      RedirectAttributes flash) {
    SupervisedAgencies.Scope scope = agencies.of(agency);
    if (scope.city()) {
      flash.addFlashAttribute("error", "全市汇总不能锁定：请分别锁定各机关的年度报告");
      return "redirect:/supervision/reports/" + year + "?agency=" + scope.param();
    }
    try {
      if (!mayLock()) {
        throw new ForbiddenException("agency", "年度报告由本机关督办人员（机关负责人）或系统管理员审定锁定");
      }
      reports.lock(scope.codes().get(0), year, user.getName());
      flash.addFlashAttribute("message", year + " 年度报告已锁定，此后显示已发布的数字");
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", e.getMessage());
    } catch (ForbiddenException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/supervision/reports/" + year + (agency == null || agency.isBlank() ? "" : "?agency=" + scope.param());
  }

  private ReportView view(SupervisedAgencies.Scope scope, int year) {
    return scope.city() ? reports.cityView(scope.codes(), year) : reports.view(scope.codes().get(0), year);
  }

  /** Signing a year off is the agency's own (its supervisors') or an administrator's, not the city office's. */
  private static boolean mayLock() {
    CurrentUser user = CurrentUser.get();
    return user.in(Groups.SUPERVISORS) || user.in(Groups.ADMIN);
  }
}
