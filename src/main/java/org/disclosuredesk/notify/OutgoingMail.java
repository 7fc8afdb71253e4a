package org.disclosuredesk.notify;

import java.util.List;

/** A row of the outbox (dd_mail). */
record OutgoingMail(long id, String agencyCode, String caseNumber, MailKind kind, List<String> recipients,
    String recipientLabel, String subject, String body, Long letterId, Status status) {

  enum Status { QUEUED, SENT, NOT_SENT }
}
