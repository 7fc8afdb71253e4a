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

  /**
   * One open case in the interface's shape, with the code of the agency that holds it. Written field by
   * field ({@link Writer}): a city-wide list has thousands, and the reflective bean serializer cost a third
   * of such a request.
   */
  @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = OpenCaseJson.Writer.class)
  record OpenCaseJson(String caseNumber, String department, LocalDate receivedOn, LocalDate dueOn,
      Integer workingDaysLeft, boolean overdue, String status, String channel, String currentTask, String assignee,
      String agency) {

    static OpenCaseJson of(SupervisedCase c) {
      return new OpenCaseJson(c.caseNumber(), c.department(), c.receivedOn(), c.dueOn(), c.workingDaysLeft(),
          c.overdue(), c.status().name(), c.channel().name(), c.currentTask(), c.assignee(), c.agencyCode());
    }

    /** The record's components in their order, nulls written as null, dates as ISO strings (as the bean serializer did). */
    static final class Writer extends com.fasterxml.jackson.databind.ser.std.StdSerializer<OpenCaseJson> {

      private static final com.fasterxml.jackson.core.io.SerializedString CASE_NUMBER = name("caseNumber");
      private static final com.fasterxml.jackson.core.io.SerializedString DEPARTMENT = name("department");
      private static final com.fasterxml.jackson.core.io.SerializedString RECEIVED_ON = name("receivedOn");
      private static final com.fasterxml.jackson.core.io.SerializedString DUE_ON = name("dueOn");
      private static final com.fasterxml.jackson.core.io.SerializedString DAYS_LEFT = name("workingDaysLeft");
      private static final com.fasterxml.jackson.core.io.SerializedString OVERDUE = name("overdue");
      private static final com.fasterxml.jackson.core.io.SerializedString STATUS = name("status");
      private static final com.fasterxml.jackson.core.io.SerializedString CHANNEL = name("channel");
      private static final com.fasterxml.jackson.core.io.SerializedString CURRENT_TASK = name("currentTask");
      private static final com.fasterxml.jackson.core.io.SerializedString ASSIGNEE = name("assignee");
      private static final com.fasterxml.jackson.core.io.SerializedString AGENCY = name("agency");

      Writer() {
        super(OpenCaseJson.class);
      }

      /** A field name encoded once (the generator copies its bytes instead of encoding it per row). */
      private static com.fasterxml.jackson.core.io.SerializedString name(String n) {
        return new com.fasterxml.jackson.core.io.SerializedString(n);
      }

      private static void field(com.fasterxml.jackson.core.JsonGenerator g,
          com.fasterxml.jackson.core.io.SerializedString name, String value) throws java.io.IOException {
        g.writeFieldName(name);
        if (value == null) {
          g.writeNull();
        } else {
          g.writeString(value);
        }
      }

      @Override
      public void serialize(OpenCaseJson c, com.fasterxml.jackson.core.JsonGenerator g,
          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        g.writeStartObject();
        field(g, CASE_NUMBER, c.caseNumber());
        field(g, DEPARTMENT, c.department());
        field(g, RECEIVED_ON, c.receivedOn() == null ? null : c.receivedOn().toString());
        field(g, DUE_ON, c.dueOn() == null ? null : c.dueOn().toString());
        g.writeFieldName(DAYS_LEFT);
        if (c.workingDaysLeft() == null) {
          g.writeNull();
        } else {
          g.writeNumber(c.workingDaysLeft());
        }
        g.writeFieldName(OVERDUE);
        g.writeBoolean(c.overdue());
        field(g, STATUS, c.status());
        field(g, CHANNEL, c.channel());
        field(g, CURRENT_TASK, c.currentTask());
        field(g, ASSIGNEE, c.assignee());
        field(g, AGENCY, c.agency());
        g.writeEndObject();
      }
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
