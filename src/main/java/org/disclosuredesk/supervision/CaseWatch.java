package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Service;

/**
 * The deadline watch over open cases for supervisors: which are overdue, which are due within three
 * working days, and how many working days each has left on its agency's official calendar. Over one
 * agency or several (the city's supervisors): each case is counted on the calendar of the agency that
 * holds it.
 */
@Service
class CaseWatch {

  private final OpenCaseQuery query;
  private final WorkingDayCalendar calendar;
  private final AgencyClock clock;
  private final Departments departments;

  CaseWatch(OpenCaseQuery query, WorkingDayCalendar calendar, AgencyClock clock, Departments departments) {
    this.query = query;
    this.calendar = calendar;
    this.clock = clock;
    this.departments = departments;
  }

  /** Today in the platform's time zone (the agencies of one platform are in one city). */
  LocalDate today() {
    return clock.today();
  }

  /**
   * The open cases of these agencies on the list, fewest working days left first (or most, if
   * descending); no due date last.
   */
  List<SupervisedCase> list(List<String> agencyCodes, CaseListCriteria criteria) {
    LocalDate today = clock.today();
    LocalDate dueFrom = null;
    LocalDate dueBefore = null;
    switch (criteria.filter()) {
      case OVERDUE -> dueBefore = today;
      case DUE_SOON -> {
        dueFrom = today;
        // the widest bound of the agencies' calendars; each case is then kept by its own agency's count
        dueBefore = agencyCodes.stream()
            .map(code -> calendar.addWorkingDays(code, today, CaseFilter.DUE_SOON_WORKING_DAYS + 1))
            .max(Comparator.naturalOrder()).orElse(today);
      }
      case OPEN -> { }
    }
    // working days left, once per agency and due date: a city-wide list has hundreds of cases but few dates
    Map<String, Map<LocalDate, Integer>> daysLeft = new HashMap<>();
    Map<String, String> departmentNames = new HashMap<>();
    return query.find(agencyCodes, criteria, dueFrom, dueBefore).stream()
        .map(row -> supervised(row, today, daysLeft, departmentNames))
        .filter(criteria.filter()::accepts)
        .sorted(order(criteria.descending()))
        .toList();
  }

  /** Working days from today to the due date on the agency's calendar; negative when overdue; null without a due date. */
  Integer workingDaysLeft(String agencyCode, LocalDate dueOn) {
    return dueOn == null ? null : calendar.workingDaysBetween(agencyCode, clock.today(), dueOn);
  }

  boolean overdue(LocalDate dueOn) {
    return dueOn != null && dueOn.isBefore(clock.today());
  }

  private SupervisedCase supervised(OpenCaseRow r, LocalDate today, Map<String, Map<LocalDate, Integer>> daysLeft,
      Map<String, String> departmentNames) {
    Integer left = r.dueOn() == null ? null : daysLeft.computeIfAbsent(r.agencyCode(), a -> new HashMap<>())
        .computeIfAbsent(r.dueOn(), due -> calendar.workingDaysBetween(r.agencyCode(), today, due));
    return new SupervisedCase(r.agencyCode(), r.caseNumber(), r.processInstanceId(), r.department(),
        r.department() == null ? null : departmentNames.computeIfAbsent(r.department(), departments::name),
        r.applicantName(), r.receivedOn(),
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
