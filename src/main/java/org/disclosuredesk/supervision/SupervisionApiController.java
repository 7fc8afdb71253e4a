package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/supervision/cases}: the supervision lists as JSON, and urging (supervisors, admin, the city's
 * supervisors; design.md). The caller's agency, {@code ?agency=CODE}, or for the city {@code ?agency=all}.
 */
@RestController
@RequestMapping("/api/supervision/cases")
class SupervisionApiController {

  private final CaseWatch watch;
  private final Urging urging;
  private final SupervisedAgencies agencies;

  SupervisionApiController(CaseWatch watch, Urging urging, SupervisedAgencies agencies) {
    this.watch = watch;
    this.urging = urging;
    this.agencies = agencies;
  }

  /** One open case in the interface's shape, with the code of the agency that holds it. */
  record OpenCaseJson(String caseNumber, String department, LocalDate receivedOn, LocalDate dueOn,
      Integer workingDaysLeft, boolean overdue, String status, String channel, String currentTask, String assignee,
      String agency) {

    static OpenCaseJson of(SupervisedCase c) {
      return new OpenCaseJson(c.caseNumber(), c.department(), c.receivedOn(), c.dueOn(), c.workingDaysLeft(),
          c.overdue(), c.status().name(), c.channel().name(), c.currentTask(), c.assignee(), c.agencyCode());
    }
  }

  record UrgeRequest(String note) {}

  @GetMapping
  List<OpenCaseJson> cases(@RequestParam(required = false) String filter,
      @RequestParam(required = false) String department, @RequestParam(required = false) String status,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String agency) {
    SupervisedAgencies.Scope scope = agencies.of(agency);
    CaseListCriteria criteria = CaseListCriteria.parse(filter, CaseFilter.OPEN, department, status, channel, sort,
        agencies.departments(scope));
    return watch.list(scope.codes(), criteria).stream().map(OpenCaseJson::of).toList();
  }

  @PostMapping("/{caseNumber}/urge")
  @ResponseStatus(HttpStatus.CREATED)
  CaseUrged urge(@PathVariable String caseNumber, @RequestBody(required = false) UrgeRequest request) {
    return urging.urge(CurrentUser.get(), caseNumber, request == null ? null : request.note());
  }
}
