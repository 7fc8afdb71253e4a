package org.disclosuredesk.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbox for monitoring: {@code disclosure_mail_outbox_oldest_age_seconds} (how long the oldest
 * unsent mail has waited; an alert rule on it sees an SMTP outage) and {@code disclosure_mail_outbox_failed}
 * (mails still unsent after {@code disclosure.mail.alert-after}). Read from the table when scraped.
 */
@Component
class MailOutboxMetrics {

  MailOutboxMetrics(MeterRegistry registry, MailStore store) {
    Gauge.builder("disclosure.mail.outbox.oldest.age", store, MailStore::oldestUnsentAgeSeconds)
        .baseUnit("seconds").description("Age of the oldest mail in the outbox not yet sent").register(registry);
    Gauge.builder("disclosure.mail.outbox.failed", store, s -> s.count(OutgoingMail.Status.FAILED))
        .description("Mails still unsent after disclosure.mail.alert-after (alerted, still retried)").register(registry);
    Gauge.builder("disclosure.mail.outbox.queued", store, s -> s.count(OutgoingMail.Status.QUEUED))
        .description("Mails waiting in the outbox").register(registry);
  }
}
