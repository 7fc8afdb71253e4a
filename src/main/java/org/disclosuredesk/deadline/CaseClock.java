package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.PauseReason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply deadline of a case (Art. 33), always computed afresh from the clock start (receipt, or
 * the day a supplement arrived), the regime's period, the approved extension and the pause ledger —
 * never by nudging a stored date. The stored {@code due_on} is this computation's cache for queries.
 */
@Service
public class CaseClock {

  /** A period that would not end within ten years is a data error, not a deadline. */
  private static final int MAX_DAYS_SCANNED = 3660;

  private final WorkingDayCalendar calendar;
  private final CaseRegister register;
  private final DeadlineProperties periods;
  private final AgencyClock today;
  private final DeadlineTimers timers;
  private final ApplicationEventPublisher events;

  public CaseClock(WorkingDayCalendar calendar, CaseRegister register, DeadlineProperties periods, AgencyClock today,
      DeadlineTimers timers, ApplicationEventPublisher events) {
    this.events = events;
    this.calendar = calendar;
    this.register = register;
    this.periods = periods;
    this.today = today;
    this.timers = timers;
  }

  /**
   * The reply due date. While a supplement is awaited the clock has not started: the date shown is
   * the one that applies if the supplement arrives on the last day of its period. A running pause
   * is assumed to last its full statutory period (it ends early → the date moves earlier).
   */
  public LocalDate replyDueOn(CaseRecord c, List<ClockPause> pauses) {
    LocalDate start = c.status() == CaseStatus.AWAITING_SUPPLEMENT && c.supplementDueOn() != null
        ? c.supplementDueOn() : c.clockStartOn();
    LocalDate due = dueFrom(c, start, pauses);
    if (c.lateSupplementReason() != null) {
      // a supplement notice sent after the 7 working days never brings the deadline before the one that
      // ran from receipt without it
      LocalDate original = dueFrom(c, c.receivedOn(), pauses);
      return original.isAfter(due) ? original : due;
    }
    return due;
  }

  private LocalDate dueFrom(CaseRecord c, LocalDate start, List<ClockPause> pauses) {
    int needed = c.regime().replyWorkingDays() + c.extensionDays();
    String agency = c.agencyCode();
    LocalDate day = start;
    int counted = 0;
    for (int scanned = 0; counted < needed; scanned++) {
      if (scanned > MAX_DAYS_SCANNED) {
        throw new IllegalStateException("reply period of " + c.caseNumber() + " does not end within ten years");
      }
      day = day.plusDays(1);
      if (calendar.isWorkingDay(agency, day) && !paused(c, day, start, pauses)) {
        counted++;
      }
    }
    return day;
  }

  /** Working days from today to the due date; 0 on the due date, negative (days since) when overdue. */
  public int workingDaysLeft(String agencyCode, LocalDate dueOn) {
    return calendar.workingDaysBetween(agencyCode, today.today(), dueOn);
  }

  /** Today in the agency's time zone. */
  public LocalDate today() {
    return today.today();
  }

  public boolean isOverdue(LocalDate dueOn) {
    return dueOn != null && today.today().isAfter(dueOn);
  }

  /** The last day a pause of this kind can run: its statutory period after it started. */
  public LocalDate plannedEnd(String agencyCode, ClockPause pause) {
    int days = pause.reason() == PauseReason.FEE_PAYMENT ? periods.feePaymentWorkingDays() : periods.consultationWorkingDays();
    return calendar.addWorkingDays(agencyCode, pause.startedOn(), days);
  }

  /**
   * Recomputes the case's due date, stores it, moves the engine's timers and task due dates, and
   * writes the change to the timeline. Returns the new due date.
   */
  @Transactional
  public LocalDate refresh(String agencyCode, String caseNumber, String reason) {
    CaseRecord c = register.get(agencyCode, caseNumber);
    if (!c.isOpen()) {
      return c.dueOn();
    }
    LocalDate due = replyDueOn(c, register.pauses(agencyCode, caseNumber));
    if (!Objects.equals(due, c.dueOn())) {
      register.setDueOn(agencyCode, caseNumber, due);
      if (c.dueOn() != null) {
        register.record(agencyCode, caseNumber, "DUE_DATE_CHANGED", null,
            "答复期限由 " + c.dueOn() + " 调整为 " + due + "（" + reason + "）");
        events.publishEvent(new DueDateChanged(agencyCode, caseNumber, c.processInstanceId(), c.dueOn(), due));
      }
    }
    if (c.processInstanceId() != null) {
      timers.reschedule(c.processInstanceId(), c, due);
    }
    return due;
  }

  private boolean paused(CaseRecord c, LocalDate day, LocalDate start, List<ClockPause> pauses) {
    String agency = c.agencyCode();
    for (ClockPause p : pauses) {
      if (p.startedOn().isBefore(start)) {
        continue; // a pause before the clock (re)started does not count
      }
      if (!c.regime().excludesFromReplyPeriod(p.reason())) {
        continue; // 2007 text: only third-party consultation is left out of the period
      }
      // a running consultation counts as its full statutory period and never more (Art. 32, 34: 15 working
      // days); a running fee pause lasts at least until today
      LocalDate end = p.endedOn() != null ? p.endedOn()
          : p.reason() == PauseReason.FEE_PAYMENT ? later(today.today(), plannedEnd(agency, p)) : plannedEnd(agency, p);
      if (day.isAfter(p.startedOn()) && !day.isAfter(end)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
