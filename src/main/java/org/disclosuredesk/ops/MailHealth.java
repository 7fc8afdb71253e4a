package org.disclosuredesk.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server as a detail of {@code /actuator/health}: unreachable is {@code WARNING}, which the
 * status order puts after UP, so a node whose mail server is down stays in the load balancer (mail is
 * retried; cases go on). Liveness and readiness do not include it at all.
 */
@Component("mail")
class MailHealth extends AbstractHealthIndicator {

  static final Status WARNING = new Status("WARNING", "邮件服务器不可达；邮件将稍后重试");

  private final ObjectProvider<JavaMailSenderImpl> sender;

  MailHealth(ObjectProvider<JavaMailSenderImpl> sender) {
    super("mail health check failed");
    this.sender = sender;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JavaMailSenderImpl mail = sender.getIfAvailable();
    if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
      builder.up().withDetail("configured", false);
      return;
    }
    builder.withDetail("location", mail.getHost() + ":" + mail.getPort());
    try {
      mail.testConnection();
      builder.up();
    } catch (Exception e) {
      builder.status(WARNING).withDetail("error", e.getClass().getSimpleName());
    }
  }
}
