package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.identity.DepartmentProperties;
import org.springframework.stereotype.Service;

/**
 * The deadline watch over open cases for supervisors: which are overdue, which are due within three
 * working days, and how many working days each has left on the agency's official calendar.
 */
@Service
class CaseWatch {

  private final OpenCaseQuery query;
  private final WorkingDayCalendar calendar;
  private final AgencyProperties agency;
  private final AgencyClock clock;
  private final DepartmentProperties departments;

  /** Today in the agency's time zone. */
  java.time.LocalDate today() {
    return clock.today();
  }

  CaseWatch(OpenCaseQuery query, WorkingDayCalendar calendar, AgencyProperties agency, AgencyClock clock,
      DepartmentProperties departments) {
    this.query = query;
    this.calendar = calendar;
    this.agency = agency;
    this.clock = clock;
    this.departments = departments;
  }

  /** The open cases of the list, fewest working days left first (or most, if descending); no due date last. */
  List<SupervisedCase> list(CaseListCriteria criteria) {
    LocalDate today = clock.today();
    LocalDate dueFrom = null;
    LocalDate dueBefore = null;
    switch (criteria.filter()) {
      case OVERDUE -> dueBefore = today;
      case DUE_SOON -> {
        dueFrom = today;
        dueBefore = calendar.addWorkingDays(agency.code(), today, CaseFilter.DUE_SOON_WORKING_DAYS + 1);
      }
      case OPEN -> { }
    }
    return query.find(agency.code(), criteria, dueFrom, dueBefore).stream()
        .map(row -> supervised(row, today))
        .filter(criteria.filter()::accepts)
        .sorted(order(criteria.descending()))
        .toList();
  }

  /** Working days from today to the due date; negative when overdue; null without a due date. */
  Integer workingDaysLeft(LocalDate dueOn) {
    return dueOn == null ? null : calendar.workingDaysBetween(agency.code(), clock.today(), dueOn);
  }

  boolean overdue(LocalDate dueOn) {
    return dueOn != null && dueOn.isBefore(clock.today());
  }

  private SupervisedCase supervised(OpenCaseRow r, LocalDate today) {
    Integer left = r.dueOn() == null ? null : calendar.workingDaysBetween(agency.code(), today, r.dueOn());
    return new SupervisedCase(r.caseNumber(), r.processInstanceId(), r.department(),
        r.department() == null ? null : departments.name(r.department()), r.applicantName(), r.receivedOn(),
        r.dueOn(), left, r.dueOn() != null && r.dueOn().isBefore(today), r.status(), r.channel(), r.currentTask(),
        r.assignee(), r.currentTaskSince());
  }

  private static Comparator<SupervisedCase> order(boolean descending) {
    Comparator<Integer> days = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return Comparator.comparing(SupervisedCase::workingDaysLeft, Comparator.nullsLast(days))
        .thenComparing(SupervisedCase::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(SupervisedCase::caseNumber);
  }
}
