package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.DepartmentProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/supervision/cases}: the supervision lists as JSON, and urging (supervisors, admin; design.md). */
@RestController
@RequestMapping("/api/supervision/cases")
class SupervisionApiController {

  private final CaseWatch watch;
  private final Urging urging;
  private final DepartmentProperties departments;

  SupervisionApiController(CaseWatch watch, Urging urging, DepartmentProperties departments) {
    this.watch = watch;
    this.urging = urging;
    this.departments = departments;
  }

  /** One open case in the interface's shape. */
  record OpenCaseJson(String caseNumber, String department, LocalDate receivedOn, LocalDate dueOn,
      Integer workingDaysLeft, boolean overdue, String status, String channel, String currentTask, String assignee) {

    static OpenCaseJson of(SupervisedCase c) {
      return new OpenCaseJson(c.caseNumber(), c.department(), c.receivedOn(), c.dueOn(), c.workingDaysLeft(),
          c.overdue(), c.status().name(), c.channel().name(), c.currentTask(), c.assignee());
    }
  }

  record UrgeRequest(String note) {}

  @GetMapping
  List<OpenCaseJson> cases(@RequestParam(required = false) String filter,
      @RequestParam(required = false) String department, @RequestParam(required = false) String status,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String sort) {
    CaseListCriteria criteria = CaseListCriteria.parse(filter, CaseFilter.OPEN, department, status, channel, sort,
        departments);
    return watch.list(criteria).stream().map(OpenCaseJson::of).toList();
  }

  @PostMapping("/{caseNumber}/urge")
  @ResponseStatus(HttpStatus.CREATED)
  CaseUrged urge(@PathVariable String caseNumber, @RequestBody(required = false) UrgeRequest request) {
    return urging.urge(caseNumber, CurrentUser.get().id(), request == null ? null : request.note());
  }
}
