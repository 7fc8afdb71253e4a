package org.disclosuredesk.supervision;

import java.security.Principal;
import java.time.LocalDate;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.report.ExportFormat;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /supervision/charts}: ECharts of a year's received/concluded, timeliness per department,
 * outcomes, for the caller's agency, {@code ?agency=CODE} or the city ({@code ?agency=all}).
 */
@Controller
@RequestMapping("/supervision/charts")
class ChartsPage {

  private final Charts charts;
  private final AgencyClock clock;
  private final SupervisedAgencies agencies;

  ChartsPage(Charts charts, AgencyClock clock, SupervisedAgencies agencies) {
    this.charts = charts;
    this.clock = clock;
    this.agencies = agencies;
  }

  @GetMapping
  String charts(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agency,
      Model model, Principal user) {
    int y = year(year, clock.today());
    SupervisedAgencies.Scope scope = agencies.of(agency);
    Charts.Figures figures = charts.of(scope.codes(), y);
    model.addAttribute("year", y);
    model.addAttribute("figures", figures);
    model.addAttribute("departmentsHeader", Charts.DEPARTMENTS_HEADER);
    SupervisionPages.scope(model, agencies, scope);
    SupervisionPages.common(model, user, "charts");
    return "supervision/charts";
  }

  @GetMapping("/departments/export")
  ResponseEntity<byte[]> exportDepartments(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "csv") String format) {
    ExportFormat export = ExportFormat.parse("format", format);
    return charts.departmentsSheet(agencies.of(agency).codes(), year(year, clock.today())).download(export);
  }

  /** The year asked for (default: this one); 400 before 2008 or after this year. */
  static int year(Integer year, LocalDate today) {
    int thisYear = today.getYear();
    if (year == null) {
      return thisYear;
    }
    if (year < 2008 || year > thisYear) {
      throw new InvalidInputException("year", "年份应在 2008 至 " + thisYear + " 之间");
    }
    return year;
  }
}
