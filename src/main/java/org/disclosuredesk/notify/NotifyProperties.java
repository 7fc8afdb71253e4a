package org.disclosuredesk.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings beyond the standard {@code spring.mail.*} ({@code disclosure.mail.*}).
 *
 * @param from the sender address
 * @param fromName the sender's display name; empty = the agency's name
 * @param tasklistUrl the Tasklist link in mails to officers
 * @param drainEvery how often each node looks for due mail in the outbox (default 5 s)
 * @param batchSize how many mails one drain claims and sends over one SMTP connection (default 50)
 * @param lease how long a claimed batch is a node's own; after that (a crashed node) another node sends it (default 5 min)
 * @param firstRetry the wait after the first failed attempt (default 30 s); it doubles after each failure
 * @param maxRetryInterval the longest wait between attempts (default 1 h)
 * @param alertAfter a mail still unsent this long after it was queued is marked FAILED, noted on the case
 *     timeline and counted in {@code disclosure_mail_outbox_failed}; it is still retried (default 24 h)
 */
@ConfigurationProperties("disclosure.mail")
public record NotifyProperties(String from, String fromName, String tasklistUrl, Duration drainEvery, Integer batchSize,
    Duration lease, Duration firstRetry, Duration maxRetryInterval, Duration alertAfter) {

  public NotifyProperties {
    from = from == null || from.isBlank() ? "ogi-noreply@localhost" : from;
    fromName = fromName == null ? "" : fromName;
    tasklistUrl = tasklistUrl == null || tasklistUrl.isBlank()
        ? "http://localhost:8080/camunda/app/tasklist/" : tasklistUrl;
    drainEvery = drainEvery == null ? Duration.ofSeconds(5) : drainEvery;
    batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
    firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
    maxRetryInterval = maxRetryInterval == null ? Duration.ofHours(1) : maxRetryInterval;
    alertAfter = alertAfter == null ? Duration.ofHours(24) : alertAfter;
  }

  /** The wait after the {@code failures}-th failed attempt: first retry, doubling, capped. */
  Duration retryDelay(int failures) {
    Duration d = firstRetry;
    for (int i = 1; i < failures && d.compareTo(maxRetryInterval) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : d;
  }
}
