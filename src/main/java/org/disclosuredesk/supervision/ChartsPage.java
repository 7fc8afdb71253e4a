package org.disclosuredesk.supervision;

import java.security.Principal;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.report.ExportFormat;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /supervision/charts}: ECharts of a year's received/concluded, timeliness per department, outcomes. */
@Controller
@RequestMapping("/supervision/charts")
class ChartsPage {

  private final Charts charts;
  private final AgencyClock clock;

  ChartsPage(Charts charts, AgencyClock clock) {
    this.charts = charts;
    this.clock = clock;
  }

  @GetMapping
  String charts(@RequestParam(required = false) Integer year, Model model, Principal user) {
    int y = year(year);
    Charts.Figures figures = charts.of(y);
    model.addAttribute("year", y);
    model.addAttribute("figures", figures);
    model.addAttribute("departmentsHeader", Charts.DEPARTMENTS_HEADER);
    SupervisionPages.common(model, user, "charts");
    return "supervision/charts";
  }

  @GetMapping("/departments/export")
  ResponseEntity<byte[]> exportDepartments(@RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "csv") String format) {
    ExportFormat export = ExportFormat.parse("format", format);
    return charts.departmentsSheet(year(year)).download(export);
  }

  private int year(Integer year) {
    int thisYear = clock.today().getYear();
    if (year == null) {
      return thisYear;
    }
    if (year < 2008 || year > thisYear) {
      throw new InvalidInputException("year", "年份应在 2008 至 " + thisYear + " 之间");
    }
    return year;
  }
}
