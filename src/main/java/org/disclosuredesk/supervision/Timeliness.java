package org.disclosuredesk.supervision;

import java.time.LocalDate;
import org.disclosuredesk.calendar.WorkingDayCalendar;

/**
 * Timeliness over concluded cases, as the charts (per department) and the league table (per agency) count
 * it. Only replies count: a case closed without a reply (withdrawn, deemed abandoned, fee unpaid) is
 * concluded but neither on time nor late, and has no working days to answer. Working days run from the
 * clock's start (receipt, or the day a supplement arrived) to the reply, on the agency's calendar.
 */
final class Timeliness {

  private final WorkingDayCalendar calendar;
  private int concluded;
  private int replied;
  private int withDueDate;
  private int onTime;
  private long workingDays;

  Timeliness(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Counts {@code cases} concluded cases of the agency with these dates (repliedOn null: closed without reply). */
  void add(String agencyCode, LocalDate clockStartOn, LocalDate dueOn, LocalDate repliedOn, int cases) {
    concluded += cases;
    if (repliedOn == null) {
      return;
    }
    replied += cases;
    if (dueOn != null) {
      withDueDate += cases;
      if (!repliedOn.isAfter(dueOn)) {
        onTime += cases;
      }
    }
    workingDays += (long) cases * Math.max(0, calendar.workingDaysBetween(agencyCode, clockStartOn, repliedOn));
  }

  int concluded() {
    return concluded;
  }

  int replied() {
    return replied;
  }

  int withDueDate() {
    return withDueDate;
  }

  int onTime() {
    return onTime;
  }

  /** Percent of the replies with a due date that came on or before it, one decimal; null without such replies. */
  Double onTimeRate() {
    return withDueDate == 0 ? null : Math.round(1000.0 * onTime / withDueDate) / 10.0;
  }

  /** Mean working days from the clock's start to the reply, one decimal; null without replies. */
  Double averageWorkingDays() {
    return replied == 0 ? null : Math.round(10.0 * workingDays / replied) / 10.0;
  }
}
