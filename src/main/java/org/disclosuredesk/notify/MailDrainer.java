package org.disclosuredesk.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.Letters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox in batches: claims up to {@code batchSize} due mails (a lease, see {@link MailStore}),
 * sends them over one SMTP connection, and records each result with its timeline entry in one short
 * transaction. Runs on every node ({@link MailDrainSchedule}); the lease makes each mail one node's at a time.
 *
 * <p>Retries: the first after {@code first-retry} (30 s), then doubling up to {@code max-retry-interval}
 * (1 h) — an SMTP outage of a day ends with the mail sent at most an hour after the server is back,
 * without an operator. A mail still unsent {@code alert-after} (24 h) after it was queued becomes
 * FAILED: noted once on the case timeline ({@code MAIL_FAILED}) and counted in the metric
 * {@code disclosure_mail_outbox_failed}; it keeps being retried hourly and is never dropped.
 *
 * <p>At-least-once: a node that dies after the server accepted a mail and before the row is marked
 * sent leaves the lease to expire, and the mail is sent again. A duplicate mail is preferred to a lost one.
 */
@Component
public class MailDrainer {

  static final String FAILED = "MAIL_FAILED";
  private static final Logger log = LoggerFactory.getLogger(MailDrainer.class);
  private static final int MAX_BATCHES_PER_RUN = 20;

  private final MailStore store;
  private final MailGateway gateway;
  private final Letters letters;
  private final CaseRegister register;
  private final NotifyProperties properties;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final org.disclosuredesk.documents.ReleasedDocuments released;

  MailDrainer(MailStore store, MailGateway gateway, Letters letters, CaseRegister register,
      NotifyProperties properties, Clock clock, PlatformTransactionManager transactions,
      org.disclosuredesk.documents.ReleasedDocuments released) {
    this.released = released;
    this.store = store;
    this.gateway = gateway;
    this.letters = letters;
    this.register = register;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Sends every due mail (a bounded number of batches); returns how many were attempted. The schedule
   * calls it on every node; tests call it instead of waiting for the schedule.
   */
  public int drain() {
    if (!gateway.configured()) {
      return 0;
    }
    int attempted = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      List<OutgoingMail> batch = store.claim(properties.batchSize(), properties.lease());
      if (batch.isEmpty()) {
        break;
      }
      sendBatch(batch);
      attempted += batch.size();
      if (batch.size() < properties.batchSize()) {
        break;
      }
    }
    return attempted;
  }

  private void sendBatch(List<OutgoingMail> batch) {
    Map<Long, String> failed = new LinkedHashMap<>();
    Map<OutgoingMail, List<MailGateway.Attachment>> toSend = new LinkedHashMap<>();
    for (OutgoingMail mail : batch) {
      try {
        toSend.put(mail, attachments(mail));
      } catch (RuntimeException e) {
        failed.put(mail.id(), "附件无法生成：" + e.getMessage());
      }
    }
    if (!toSend.isEmpty()) {
      failed.putAll(gateway.send(toSend));
    }
    transaction.executeWithoutResult(s -> {
      for (OutgoingMail mail : batch) {
        String what = "%s，%s：%s".formatted(mail.kind().label(), mail.recipientLabel(), mail.subject());
        String error = failed.get(mail.id());
        if (error == null) {
          store.markSent(mail.id());
          register.record(mail.agencyCode(), mail.caseNumber(), Notifications.SENT, Notifications.ACTOR,
              "已发送邮件（" + what + "）");
        } else {
          failedAttempt(mail, what, error);
        }
      }
    });
  }

  private void failedAttempt(OutgoingMail mail, String what, String error) {
    LocalDateTime now = LocalDateTime.now(clock);
    Duration delay = properties.retryDelay(mail.attempts() + 1);
    boolean alert = Duration.between(mail.queuedAt(), now).compareTo(properties.alertAfter()) >= 0;
    store.markFailed(mail.id(), now.plus(delay), error, alert);
    if (alert && mail.status() != OutgoingMail.Status.FAILED) {
      log.error("mail {} of case {} still not sent after {} attempts since {}: {}", mail.id(), mail.caseNumber(),
          mail.attempts() + 1, mail.queuedAt(), error);
      register.record(mail.agencyCode(), mail.caseNumber(), FAILED, Notifications.ACTOR,
          "邮件发送失败，已尝试 %d 次（自 %s 起），请检查邮件服务器；系统将继续每隔 %d 分钟重试（%s）。原因：%s".formatted(
              mail.attempts() + 1, mail.queuedAt().withNano(0), properties.maxRetryInterval().toMinutes(), what, error));
    } else {
      log.warn("mail {} of case {} not sent (attempt {}), next attempt in {}: {}", mail.id(), mail.caseNumber(),
          mail.attempts() + 1, delay, error);
    }
  }

  /** The letter, and with the reply the released versions of the case's documents (documents.ReleasedDocuments). */
  private List<MailGateway.Attachment> attachments(OutgoingMail mail) {
    List<MailGateway.Attachment> attachments = new java.util.ArrayList<>();
    MailGateway.Attachment letter = attachment(mail);
    if (letter != null) {
      attachments.add(letter);
    }
    if (mail.kind() == MailKind.REPLY && mail.letterId() != null) {
      released.forReplyMail(mail.agencyCode(), mail.caseNumber()).forEach(f ->
          attachments.add(new MailGateway.Attachment(f.fileName(), f.content(), f.contentType())));
    }
    return attachments;
  }

  private MailGateway.Attachment attachment(OutgoingMail mail) {
    if (mail.letterId() == null) {
      return null;
    }
    IssuedLetter letter = letters.find(mail.agencyCode(), mail.letterId())
        .orElseThrow(() -> new IllegalStateException("附件文书不存在：" + mail.letterId()));
    try {
      return new MailGateway.Attachment(Letters.fileName(letter, "pdf"), letters.pdf(letter), "application/pdf");
    } catch (org.disclosuredesk.letters.PdfFontMissingException e) {
      // no Chinese font on this node: the letter goes out as issued (printable HTML) rather than not at all
      log.warn("mail {} of case {}: no PDF font, letter {} attached as HTML", mail.id(), mail.caseNumber(), letter.id());
      return new MailGateway.Attachment(Letters.fileName(letter, "html"),
          letters.html(letter).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }
  }
}
