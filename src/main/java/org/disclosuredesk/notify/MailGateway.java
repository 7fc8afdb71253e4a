package org.disclosuredesk.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Spring Mail behind the standard {@code spring.mail.*} properties. No host = not configured
 * (the demo). Timeouts are set unless configured, so a hanging server fails the attempt instead of
 * holding the drainer.
 */
@Component
class MailGateway {

  /** A PDF to attach. */
  record Attachment(String fileName, byte[] content, String contentType) {}

  private final ObjectProvider<JavaMailSender> sender;
  private final String host;
  private final NotifyProperties properties;
  private final MailTexts texts;

  MailGateway(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
      NotifyProperties properties, MailTexts texts) {
    this.sender = sender;
    this.host = host == null ? "" : host.strip();
    this.properties = properties;
    this.texts = texts;
    if (sender.getIfAvailable() instanceof JavaMailSenderImpl impl) {
      impl.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "10000");
      impl.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "30000");
      impl.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "30000");
    }
  }

  boolean configured() {
    return !host.isEmpty() && sender.getIfAvailable() != null;
  }

  /**
   * Sends the mails over one SMTP connection. Returns the error of each mail that was not sent
   * (outbox id → message); the others were accepted by the server.
   */
  Map<Long, String> send(Map<OutgoingMail, List<Attachment>> mails) {
    JavaMailSender mailSender = sender.getObject();
    Map<Long, String> failed = new LinkedHashMap<>();
    Map<MimeMessage, Long> ids = new IdentityHashMap<>();
    List<MimeMessage> messages = new ArrayList<>();
    for (Map.Entry<OutgoingMail, List<Attachment>> m : mails.entrySet()) {
      try {
        MimeMessage message = compose(mailSender, m.getKey(), m.getValue());
        ids.put(message, m.getKey().id());
        messages.add(message);
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        failed.put(m.getKey().id(), "邮件无法生成：" + e.getMessage());
      }
    }
    if (messages.isEmpty()) {
      return failed;
    }
    try {
      mailSender.send(messages.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        ids.values().forEach(id -> failed.put(id, describe(e)));
      }
      e.getFailedMessages().forEach((message, cause) -> {
        Long id = ids.get(message);
        if (id != null) {
          failed.put(id, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
      });
    } catch (MailException e) {
      ids.values().forEach(id -> failed.put(id, describe(e)));
    }
    return failed;
  }

  private MimeMessage compose(JavaMailSender mailSender, OutgoingMail mail, List<Attachment> attachments)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), StandardCharsets.UTF_8.name());
    helper.setEncodeFilenames(true);
    helper.setFrom(properties.from(), properties.fromName().isBlank() ? texts.agencyName(mail.agencyCode()) : properties.fromName());
    helper.setTo(mail.recipients().toArray(String[]::new));
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    for (Attachment attachment : attachments) {
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
    }
    return message;
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
  }
}
