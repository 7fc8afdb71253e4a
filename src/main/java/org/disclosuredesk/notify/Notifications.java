package org.disclosuredesk.notify;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail about a case. Queuing writes the mail — recipients resolved now, subject, body and
 * the letter to attach — into the outbox (dd_mail) in the caller's transaction and starts an
 * instance of {@value #PROCESS_KEY} (business key = case number) whose async service task sends
 * it: an SMTP outage becomes job retries and then an incident in Cockpit, and the mail goes out
 * when the job runs again. Queuing never fails the caller for want of an address: a mail without
 * recipients is only noted on the timeline.
 *
 * <p>Each method returns the outbox id, or empty when there was nobody to send to.
 */
@Service
public class Notifications {

  /** The BPMN process that sends one mail (processes/outgoing-mail.bpmn). */
  public static final String PROCESS_KEY = "outgoingMail";
  /** Process variable of {@value #PROCESS_KEY}: the outbox id. */
  public static final String MAIL_ID = "mailId";
  static final String ACTOR = "system";

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final CaseRegister register;
  private final MailTexts texts;
  private final MailStore store;
  private final Recipients recipients;
  private final RuntimeService runtime;

  Notifications(CaseRegister register, MailTexts texts, MailStore store, Recipients recipients, RuntimeService runtime) {
    this.register = register;
    this.texts = texts;
    this.store = store;
    this.recipients = recipients;
    this.runtime = runtime;
  }

  /**
   * Mails the applicant at the address of the case, with the letter attached as PDF when
   * {@code letterIdToAttachOrNull} is given (REPLY, SUPPLEMENT_NOTICE, EXTENSION_NOTICE, FEE_NOTICE).
   */
  @Transactional
  public Optional<Long> queueToApplicant(String agencyCode, String caseNumber, MailKind kind,
      Long letterIdToAttachOrNull) {
    return queueToApplicant(agencyCode, caseNumber, kind, letterIdToAttachOrNull, null);
  }

  /** As {@link #queueToApplicant(String, String, MailKind, Long)}, with a paragraph added to the text (e.g. the verification code). */
  @Transactional
  public Optional<Long> queueToApplicant(String agencyCode, String caseNumber, MailKind kind,
      Long letterIdToAttachOrNull, String detail) {
    Optional<CaseRecord> c = register.find(agencyCode, caseNumber);
    if (c.isEmpty()) {
      log.warn("mail {} not queued: no case {} in agency {}", kind, caseNumber, agencyCode);
      return Optional.empty();
    }
    String email = c.get().applicant().email();
    String label = "申请人 " + c.get().applicant().name();
    if (email == null || email.isBlank()) {
      notSent(agencyCode, caseNumber, kind, label, "申请人未留电子邮箱");
      return Optional.empty();
    }
    return Optional.of(queue(c.get(), kind, List.of(email.strip()), label, detail, letterIdToAttachOrNull));
  }

  /** Mails every member of the group who has an e-mail address (one mail, all of them as recipients). */
  @Transactional
  public Optional<Long> queueToGroup(String agencyCode, String caseNumber, String groupId, MailKind kind,
      String detail) {
    return queueToGroups(agencyCode, caseNumber, List.of(groupId), kind, detail);
  }

  /** Mails the members of all the groups, each address once. */
  @Transactional
  public Optional<Long> queueToGroups(String agencyCode, String caseNumber, Collection<String> groupIds,
      MailKind kind, String detail) {
    return queueToStaff(agencyCode, caseNumber, recipients.groups(groupIds), "组 " + String.join("、", groupIds),
        kind, detail);
  }

  /** Mails one user, if the user exists and has an e-mail address. */
  @Transactional
  public Optional<Long> queueToUser(String agencyCode, String caseNumber, String userId, MailKind kind,
      String detail) {
    return queueToStaff(agencyCode, caseNumber, recipients.users(List.of(userId)), "用户 " + userId, kind, detail);
  }

  private Optional<Long> queueToStaff(String agencyCode, String caseNumber, Recipients.Resolved to, String label,
      MailKind kind, String detail) {
    Optional<CaseRecord> c = register.find(agencyCode, caseNumber);
    if (c.isEmpty()) {
      log.warn("mail {} not queued: no case {} in agency {}", kind, caseNumber, agencyCode);
      return Optional.empty();
    }
    if (to.isEmpty()) {
      notSent(agencyCode, caseNumber, kind, label, "没有留有电子邮箱的收件人");
      return Optional.empty();
    }
    String fullLabel = label + "（" + String.join("、", to.addresses().keySet()) + "）";
    return Optional.of(queue(c.get(), kind, to.emails(), fullLabel, detail, null));
  }

  private long queue(CaseRecord c, MailKind kind, List<String> to, String label, String detail, Long letterId) {
    MailTexts.Text text = texts.compose(kind, c, detail);
    long id = store.insert(c.agencyCode(), c.caseNumber(), kind, to, label, text.subject(), text.body(), letterId);
    ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, c.caseNumber(), Map.of(MAIL_ID, id));
    store.linkProcessInstance(id, pi.getId());
    return id;
  }

  private void notSent(String agencyCode, String caseNumber, MailKind kind, String label, String why) {
    register.record(agencyCode, caseNumber, SendMailDelegate.NOT_SENT, ACTOR,
        "未发送邮件（%s，%s）：%s".formatted(kind.label(), label, why));
  }
}
