package org.disclosuredesk.supervision;

import java.util.List;
import org.disclosuredesk.agency.AgencyClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/agencies?year=Y}: the city's league table, one object per agency (city
 * supervisors and platform administrators; an agency's own supervisors 403).
 */
@RestController
@RequestMapping("/api/supervision/agencies")
class AgencyLeagueApiController {

  private final AgencyLeague league;
  private final SupervisedAgencies agencies;
  private final AgencyClock clock;

  AgencyLeagueApiController(AgencyLeague league, SupervisedAgencies agencies, AgencyClock clock) {
    this.league = league;
    this.agencies = agencies;
    this.clock = clock;
  }

  @GetMapping
  List<AgencyLeague.Line> agencies(@RequestParam(required = false) Integer year) {
    agencies.requireCityWide();
    return league.of(ChartsPage.year(year, clock.today())).agencies();
  }
}
