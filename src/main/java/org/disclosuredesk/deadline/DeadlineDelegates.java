package org.disclosuredesk.deadline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline watch's delegates named in disclosure-request.bpmn. */
@Configuration
class DeadlineDelegates {

  /** Task_SendReminder: the responsible department is reminded of the coming due date. */
  @Bean
  JavaDelegate sendDeadlineReminder(CaseRegister register, CaseClock clock, AgencyProperties agency,
      Notifications notifications) {
    return ex -> {
      String agencyCode = CaseVariables.agency(ex) != null ? CaseVariables.agency(ex) : agency.code();
      CaseRecord c = register.get(agencyCode, CaseVariables.caseNumber(ex));
      int left = clock.workingDaysLeft(agencyCode, c.dueOn());
      String text = "答复期限 " + c.dueOn() + "，剩余 " + left + " 个工作日";
      register.record(agencyCode, c.caseNumber(), "REMINDER", null, "提醒承办部门：" + text);
      if (c.department() != null) {
        notifications.queueToGroup(agencyCode, c.caseNumber(), Groups.department(c.department()), MailKind.REMINDER, text);
      }
    };
  }

  /** Task_SuperviseOverdueCase (create): the due date has come; supervisors take the case up (督办). */
  @Bean
  TaskListener recordEscalation(CaseRegister register, AgencyProperties agency, Notifications notifications) {
    return task -> {
      String agencyCode = CaseVariables.agency(task) != null ? CaseVariables.agency(task) : agency.code();
      CaseRecord c = register.get(agencyCode, CaseVariables.caseNumber(task));
      String text = "答复期限 " + c.dueOn() + " 已到，提交督办";
      register.record(agencyCode, c.caseNumber(), "ESCALATED", null, text);
      notifications.queueToGroup(agencyCode, c.caseNumber(), Groups.SUPERVISORS, MailKind.ESCALATION, text);
    };
  }
}
