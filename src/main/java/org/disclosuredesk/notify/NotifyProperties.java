package org.disclosuredesk.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings beyond the standard {@code spring.mail.*} ({@code disclosure.mail.*}).
 *
 * @param from the sender address
 * @param fromName the sender's display name; empty = the agency's name
 * @param tasklistUrl the Tasklist link in mails to officers
 */
@ConfigurationProperties("disclosure.mail")
public record NotifyProperties(String from, String fromName, String tasklistUrl) {

  public NotifyProperties {
    from = from == null || from.isBlank() ? "ogi-noreply@localhost" : from;
    fromName = fromName == null ? "" : fromName;
    tasklistUrl = tasklistUrl == null || tasklistUrl.isBlank()
        ? "http://localhost:8080/camunda/app/tasklist/" : tasklistUrl;
  }
}
