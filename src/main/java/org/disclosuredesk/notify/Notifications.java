package org.disclosuredesk.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail about a case. Queuing writes the mail — recipients resolved now, subject, body and
 * the letter to attach — into the outbox (dd_mail) in the caller's transaction; {@link MailDrainer}
 * sends the outbox in batches with retries (first within a minute, then backing off) and raises an
 * alert only when a mail is still unsent after a day. Queuing never fails the caller: a mail without
 * recipients is only noted on the timeline, and without a mail server nothing is queued (noted once per case).
 *
 * <p>Each method returns the outbox id, or empty when nothing was queued.
 */
@Service
public class Notifications {

  static final String ACTOR = "system";
  static final String SENT = "MAIL_SENT";
  static final String NOT_SENT = "MAIL_NOT_SENT";
  static final String NO_SERVER = "未发送邮件：未配置邮件服务器";

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final CaseRegister register;
  private final MailTexts texts;
  private final MailStore store;
  private final Recipients recipients;
  private final MailGateway gateway;

  Notifications(CaseRegister register, MailTexts texts, MailStore store, Recipients recipients, MailGateway gateway) {
    this.register = register;
    this.texts = texts;
    this.store = store;
    this.recipients = recipients;
    this.gateway = gateway;
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
    if (!mailServer(agencyCode, caseNumber, kind)) {
      return Optional.empty();
    }
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
    if (!mailServer(agencyCode, caseNumber, kind)) {
      return Optional.empty();
    }
    return queueToStaff(agencyCode, caseNumber, recipients.groups(agencyCode, groupIds), "组 " + String.join("、", groupIds),
        kind, detail);
  }

  /** Mails one user, if the user exists and has an e-mail address. */
  @Transactional
  public Optional<Long> queueToUser(String agencyCode, String caseNumber, String userId, MailKind kind,
      String detail) {
    if (!mailServer(agencyCode, caseNumber, kind)) {
      return Optional.empty();
    }
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
    return store.insert(c.agencyCode(), c.caseNumber(), kind, to, label, text.subject(), text.body(), letterId);
  }

  /** Without a mail server nothing is queued; the case's timeline says so once (at its first mail). */
  private boolean mailServer(String agencyCode, String caseNumber, MailKind kind) {
    if (gateway.configured()) {
      return true;
    }
    if (!register.hasRecorded(agencyCode, caseNumber, NOT_SENT, NO_SERVER)) {
      register.record(agencyCode, caseNumber, NOT_SENT, ACTOR,
          NO_SERVER + "，本案的邮件均不发送（首封：%s）".formatted(kind.label()));
    }
    return false;
  }

  private void notSent(String agencyCode, String caseNumber, MailKind kind, String label, String why) {
    register.record(agencyCode, caseNumber, NOT_SENT, ACTOR,
        "未发送邮件（%s，%s）：%s".formatted(kind.label(), label, why));
  }
}
