package org.disclosuredesk.notify;

import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.supervision.CaseUrged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails URGE when supervision urges a case, in the publisher's transaction: to the assignee, or to
 * the responsible department's group when nobody holds the task (reception when no department yet).
 */
@Component
class CaseUrgedListener {

  private final Notifications notifications;
  private final CaseRegister register;

  CaseUrgedListener(Notifications notifications, CaseRegister register) {
    this.notifications = notifications;
    this.register = register;
  }

  @EventListener
  void on(CaseUrged urged) {
    String detail = "督办人：" + urged.urgedBy() + (urged.note() == null || urged.note().isBlank() ? "" : "\n督办意见：" + urged.note());
    if (urged.assignee() != null && !urged.assignee().isBlank()) {
      notifications.queueToUser(urged.agencyCode(), urged.caseNumber(), urged.assignee(), MailKind.URGE, detail);
      return;
    }
    String group = register.find(urged.agencyCode(), urged.caseNumber())
        .map(c -> c.department() == null ? Groups.RECEPTION : Groups.department(c.department()))
        .orElse(Groups.RECEPTION);
    notifications.queueToGroup(urged.agencyCode(), urged.caseNumber(), group, MailKind.URGE, detail);
  }
}
