package org.disclosuredesk.supervision;

import java.security.Principal;
import org.disclosuredesk.report.AnnualReports;
import org.disclosuredesk.report.ExportFormat;
import org.disclosuredesk.report.ReportView;
import org.disclosuredesk.web.ConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /supervision/reports/{year}}: the printable annual report, its downloads and the year lock. */
@Controller
@RequestMapping("/supervision/reports")
class ReportPage {

  private final AnnualReports reports;

  ReportPage(AnnualReports reports) {
    this.reports = reports;
  }

  /** The current year (earlier years are linked from the page). */
  @GetMapping({"", "/"})
  String latest() {
    return "redirect:/supervision/reports/" + reports.today().getYear();
  }

  @GetMapping("/{year}")
  String report(@PathVariable int year, Model model, Principal user) {
    ReportView view = reports.view(year);
    model.addAttribute("view", view);
    model.addAttribute("r", view.report());
    model.addAttribute("table3", PrintedTable3.lines(view.report().rows()));
    model.addAttribute("lockable", year < reports.today().getYear() && !view.locked());
    SupervisionPages.common(model, user, "reports");
    return "report/annual";
  }

  @GetMapping("/{year}/export")
  ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(defaultValue = "csv") String format) {
    ExportFormat export = ExportFormat.parse("format", format);
    return reports.view(year).spreadsheet().download(export);
  }

  @PostMapping("/{year}/lock")
  String lock(@PathVariable int year, Principal user, RedirectAttributes flash) {
    try {
      reports.lock(year, user.getName());
      flash.addFlashAttribute("message", year + " 年度报告已锁定，此后显示已发布的数字");
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/supervision/reports/" + year;
  }
}
