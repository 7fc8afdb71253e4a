package org.disclosuredesk.notify;

import java.time.LocalDateTime;
import java.util.List;

/** A row of the outbox (dd_mail). */
record OutgoingMail(long id, String agencyCode, String caseNumber, MailKind kind, List<String> recipients,
    String recipientLabel, String subject, String body, Long letterId, Status status, int attempts,
    LocalDateTime queuedAt, LocalDateTime nextAttemptAt, String lastError) {

  /**
   * QUEUED: waits for the drainer; SENT; NOT_SENT: rows of older versions that found no mail server;
   * FAILED: still failing after {@code disclosure.mail.alert-after} — alerted, and still retried.
   */
  enum Status { QUEUED, SENT, NOT_SENT, FAILED }
}
