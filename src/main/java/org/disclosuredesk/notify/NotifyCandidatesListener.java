package org.disclosuredesk.notify;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.disclosuredesk.agency.AgencyProperties;
import org.springframework.stereotype.Component;

/**
 * {@code ${notifyCandidates}}, a task listener for the event {@code create}: mails NEW_TASK to the
 * members (with an e-mail address) of the task's candidate groups. The case is the process
 * instance's business key; the agency is the variable {@value #AGENCY_VARIABLE}, else this node's.
 */
@Component("notifyCandidates")
class NotifyCandidatesListener implements TaskListener {

  static final String AGENCY_VARIABLE = "agencyCode";

  private final Notifications notifications;
  private final AgencyProperties agency;

  NotifyCandidatesListener(Notifications notifications, AgencyProperties agency) {
    this.notifications = notifications;
    this.agency = agency;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (caseNumber == null || groups.isEmpty()) {
      return;
    }
    Object agencyCode = task.getVariable(AGENCY_VARIABLE);
    notifications.queueToGroups(agencyCode != null ? agencyCode.toString() : task.getTenantId() != null ? task.getTenantId() : agency.code(), caseNumber, groups,
        MailKind.NEW_TASK, task.getName());
  }
}
