package org.disclosuredesk.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Spring Mail behind the standard {@code spring.mail.*} properties. No host = not configured
 * (the demo). Timeouts are set unless configured, so a hanging server fails the job instead of
 * holding a job-executor thread.
 */
@Component
class MailGateway {

  /** A file to attach (the letters: PDF). */
  record Attachment(String fileName, byte[] content, String contentType) {
    Attachment(String fileName, byte[] content) {
      this(fileName, content, "application/pdf");
    }
  }

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

  /** Sends; a failure is thrown (the job retries). */
  void send(OutgoingMail mail, Attachment attachment) {
    send(mail, attachment == null ? java.util.List.of() : java.util.List.of(attachment));
  }

  /** Sends with any number of attachments; a failure is thrown (the job retries). */
  void send(OutgoingMail mail, java.util.List<Attachment> attachments) {
    Attachment attachment = attachments.isEmpty() ? null : attachments.get(0);
    JavaMailSender mailSender = sender.getObject();
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, StandardCharsets.UTF_8.name());
      helper.setEncodeFilenames(true);
      helper.setFrom(properties.from(), properties.fromName().isBlank() ? texts.agencyName() : properties.fromName());
      helper.setTo(mail.recipients().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      for (Attachment a : attachments) {
        helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
      }
      mailSender.send(message);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailSendException("邮件无法生成：" + e.getMessage(), e);
    }
  }
}
