package org.disclosuredesk.supervision;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.disclosuredesk.agency.AgencyClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /supervision/agencies}: 全市概况, the league table of the city's agencies with links to each
 * agency's overdue list, report and charts (city supervisors and platform administrators; 403 page for
 * an agency's own supervisors).
 */
@Controller
@RequestMapping("/supervision/agencies")
class CityOverviewPage {

  private final AgencyLeague league;
  private final SupervisedAgencies agencies;
  private final AgencyClock clock;

  CityOverviewPage(AgencyLeague league, SupervisedAgencies agencies, AgencyClock clock) {
    this.league = league;
    this.agencies = agencies;
    this.clock = clock;
  }

  @GetMapping
  String overview(@RequestParam(required = false) Integer year, Model model, Principal user,
      HttpServletRequest request) {
    agencies.requireCityWide();
    int y = ChartsPage.year(year, clock.today());
    model.addAttribute("year", y);
    model.addAttribute("table", league.of(y));
    model.addAttribute("base", request.getContextPath());
    SupervisionPages.common(model, user, "agencies");
    return "supervision/agencies";
  }
}
