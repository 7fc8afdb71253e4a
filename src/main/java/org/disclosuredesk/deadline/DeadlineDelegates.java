package org.disclosuredesk.deadline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.RouteCases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline watch's delegates named in disclosure-request.bpmn. */
@Configuration
class DeadlineDelegates {

  /** Task_SendReminder: the responsible department is reminded of the coming due date. */
  @Bean
  JavaDelegate sendDeadlineReminder(RouteCases cases, CaseRegister register, CaseClock clock,
      Notifications notifications, DeadlineProperties periods) {
    return ex -> {
      CaseRecord c = cases.caseOf(ex);
      String agencyCode = c.agencyCode();
      int left = clock.workingDaysLeft(agencyCode, c.dueOn());
      if (left != periods.firstReminderWorkingDays() && left != periods.finalReminderWorkingDays()) {
        // the reminder's own day had already passed when its timer was set (a late registration, a
        // moved due date): no reminder for a date gone by; the next one, or the escalation, follows
        return;
      }
      String text = "答复期限 " + c.dueOn() + "，剩余 " + left + " 个工作日";
      // before assignment the case is still with reception
      String group = c.department() != null ? Groups.department(c.department()) : Groups.RECEPTION;
      register.record(agencyCode, c.caseNumber(), "REMINDER", null,
          (c.department() != null ? "提醒承办部门：" : "提醒接待室：") + text);
      notifications.queueToGroup(agencyCode, c.caseNumber(), group, MailKind.REMINDER, text);
    };
  }

  /** Task_SuperviseOverdueCase (create): the due date has come; supervisors take the case up (督办). */
  @Bean
  TaskListener recordEscalation(RouteCases cases, CaseRegister register, Notifications notifications) {
    return task -> {
      CaseRecord c = cases.caseOf(task);
      String agencyCode = c.agencyCode();
      String text = "答复期限 " + c.dueOn() + " 已到，提交督办";
      register.record(agencyCode, c.caseNumber(), "ESCALATED", null, text);
      notifications.queueToGroup(agencyCode, c.caseNumber(), Groups.SUPERVISORS, MailKind.ESCALATION, text);
    };
  }
}
