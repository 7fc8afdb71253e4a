package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.route.RouteCases;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The dates of the route's timers and task due dates, computed by the working-day calendar from the
 * case register (bean {@code deadlineTimers}, used in expressions of disclosure-request.bpmn), and
 * the moving of those timers when a case's due date changes — never left stale, never duplicated.
 */
@Component("deadlineTimers")
public class DeadlineTimers {

  /** Timers that follow the reply due date, with the working days before it they fire (-1 = the due date). */
  static final String FIRST_REMINDER = "Timer_FirstReminder";
  static final String FINAL_REMINDER = "Timer_FinalReminder";
  static final String REPLY_DEADLINE = "Timer_ReplyDeadline";
  static final String SUPPLEMENT_NOTICE_LIMIT = "Timer_SupplementNoticeLimit";
  static final String COMPLETENESS_CHECK = "Task_CheckCompleteness";
  /** User tasks whose due date is the case's reply due date. */
  static final List<String> TASKS_DUE_WITH_REPLY =
      List.of("Task_HandleRequest", "Task_ConfidentialityReview", "Task_ApproveExtension");

  private final CaseRegister register;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties periods;
  private final AgencyProperties agency;
  private final ManagementService management;
  private final TaskService tasks;
  private final RouteCases cases;
  private final org.disclosuredesk.agency.AgencyClock today;

  public DeadlineTimers(CaseRegister register, WorkingDayCalendar calendar, DeadlineProperties periods,
      AgencyProperties agency, @Lazy ManagementService management, @Lazy TaskService tasks, RouteCases cases,
      org.disclosuredesk.agency.AgencyClock today) {
    this.today = today;
    this.cases = cases;
    this.register = register;
    this.calendar = calendar;
    this.periods = periods;
    this.agency = agency;
    this.management = management;
    this.tasks = tasks;
  }

  // --- the reply deadline -------------------------------------------------------------------

  /** Task due date: the end of the reply due day. */
  public Date replyDue(DelegateExecution execution) {
    return at(caseOf(execution).dueOn(), periods.endOfDay());
  }

  public Date firstReminder(DelegateExecution execution) {
    return firstReminder(caseOf(execution).agencyCode(), caseOf(execution).dueOn());
  }

  public Date finalReminder(DelegateExecution execution) {
    return finalReminder(caseOf(execution).agencyCode(), caseOf(execution).dueOn());
  }

  /** Escalation to supervisors on the due date (督办); the case is overdue from the next day. */
  public Date escalation(DelegateExecution execution) {
    return escalation(caseOf(execution).dueOn());
  }

  /** Supervisors take up an escalated case by the end of the next working day. */
  public Date superviseBy(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    return at(calendar.addWorkingDays(c.agencyCode(), calendar.onOrNextWorkingDay(c.agencyCode(), today.today()), 1),
        periods.endOfDay());
  }

  /** A decision due by the end of the next working day (e.g. confirming that a period ran out). */
  public Date nextWorkingDayEnd(DelegateExecution execution) {
    return superviseBy(execution);
  }

  // --- supplement (Art. 30) -----------------------------------------------------------------

  /** Reception must send the supplement notice within 7 working days of the clock start. */
  public Date supplementNoticeDue(DelegateExecution execution) {
    return supplementNoticeDue(caseOf(execution));
  }

  private Date supplementNoticeDue(CaseRecord c) {
    return at(calendar.addWorkingDays(c.agencyCode(), c.clockStartOn(), periods.supplementNoticeWorkingDays()),
        periods.endOfDay());
  }

  /** Reminder to reception one working day before the supplement-notice limit. */
  public Date supplementNoticeReminder(DelegateExecution execution) {
    return supplementNoticeReminder(caseOf(execution));
  }

  private Date supplementNoticeReminder(CaseRecord c) {
    return at(calendar.addWorkingDays(c.agencyCode(), c.clockStartOn(), periods.supplementNoticeWorkingDays() - 1),
        periods.reminderTime());
  }

  public Date supplementPeriodEnd(DelegateExecution execution) {
    return endOfDay(caseOf(execution).supplementDueOn());
  }

  /** The supplement period is over at the start of the day after its last day. */
  public Date supplementPeriodExpires(DelegateExecution execution) {
    return expiresAfter(caseOf(execution).supplementDueOn());
  }

  // --- consultation (Art. 32, 34) -----------------------------------------------------------

  public Date consultationDue(DelegateExecution execution) {
    return endOfDay(consultationLastDay(execution));
  }

  public Date consultationExpires(DelegateExecution execution) {
    return expiresAfter(consultationLastDay(execution));
  }

  /** The last day of a consultation period that starts on {@code startedOn}. */
  public LocalDate consultationLastDay(String agencyCode, LocalDate startedOn) {
    return calendar.addWorkingDays(agencyCode, startedOn, periods.consultationWorkingDays());
  }

  private LocalDate consultationLastDay(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    ClockPause open = register.pauses(c.agencyCode(), c.caseNumber()).stream().filter(ClockPause::isOpen)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no consultation running for " + c.caseNumber()));
    return consultationLastDay(c.agencyCode(), open.startedOn());
  }

  // --- moving ------------------------------------------------------------------------------

  /**
   * Moves the reminder and escalation timers that have not fired yet, and the due dates of open
   * tasks that carry the reply deadline, to a new due date. A timer that already fired is gone, so
   * an escalation happens once however often the date moves.
   */
  public void reschedule(String processInstanceId, CaseRecord c, LocalDate dueOn) {
    String agencyCode = c.agencyCode();
    Map<String, Date> dates = Map.of(
        FIRST_REMINDER, firstReminder(agencyCode, dueOn),
        FINAL_REMINDER, finalReminder(agencyCode, dueOn),
        REPLY_DEADLINE, escalation(dueOn),
        SUPPLEMENT_NOTICE_LIMIT, supplementNoticeReminder(c));
    dates.forEach((timer, date) -> {
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timer).list()) {
        if (!date.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), date);
        }
      }
    });
    Date replyDue = at(dueOn, periods.endOfDay());
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(TASKS_DUE_WITH_REPLY.toArray(String[]::new)).list()) {
      moveDueDate(task, replyDue);
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(COMPLETENESS_CHECK).list()) {
      moveDueDate(task, supplementNoticeDue(c));
    }
  }

  private void moveDueDate(Task task, Date due) {
    if (!due.equals(task.getDueDate())) {
      task.setDueDate(due);
      tasks.saveTask(task);
    }
  }

  private Date firstReminder(String agencyCode, LocalDate dueOn) {
    return at(calendar.addWorkingDays(agencyCode, dueOn, -periods.firstReminderWorkingDays()), periods.reminderTime());
  }

  private Date finalReminder(String agencyCode, LocalDate dueOn) {
    return at(calendar.addWorkingDays(agencyCode, dueOn, -periods.finalReminderWorkingDays()), periods.reminderTime());
  }

  private Date escalation(LocalDate dueOn) {
    return at(dueOn, periods.reminderTime());
  }

  /** A task's due time on {@code day}: the end of that working day, agency time. */
  public Date endOfDay(LocalDate day) {
    return at(day, periods.endOfDay());
  }

  /** A period whose last day is {@code lastDay} is over when the next day begins. */
  public Date expiresAfter(LocalDate lastDay) {
    return at(lastDay.plusDays(1), LocalTime.MIDNIGHT);
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(agency.timeZone()).toInstant());
  }

  private CaseRecord caseOf(DelegateExecution execution) {
    return cases.caseOf(execution);
  }
}
