package org.disclosuredesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.letters.SampleCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Real SMTP (GreenMail in this JVM): content, the PDF attachment, batches, and an outage with
 * back-off, the alert after a day and recovery without an operator. The drainer is run by the test
 * (the schedule is off with the job executor); time moves with ClockUtil.
 */
@DeskSpringTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + MailDeliveryIntegrationTest.PORT,
    "disclosure.mail.from=ogi@example.gov.cn"})
class MailDeliveryIntegrationTest {

  static final int PORT = 3125;
  static final String A = SampleCases.AGENCY;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired Notifications notifications;
  @Autowired MailStore outbox;
  @Autowired MailDrainer drainer;
  @Autowired CaseRegister register;
  @Autowired Letters letters;
  @Autowired MeterRegistry meters;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Not started: each test starts it when the server should be up. */
  final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  String caseNumber;

  @BeforeEach
  void sampleCase() {
    // other classes of this context leave mails queued (no server there)
    jdbc.update("delete from dd_mail");
    at(LocalDateTime.of(2026, 11, 20, 9, 0));
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");
  }

  @AfterEach
  void stopServer() {
    smtp.stop();
    ClockUtil.reset();
  }

  @Test
  void acknowledgementArrivesInChineseAndIsNotedOnTheTimeline() throws Exception {
    smtp.start();
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();

    assertThat(drainer.drain()).isEqualTo(1);

    MimeMessage message = onlyMessage();
    assertThat(message.getSubject()).isEqualTo("【示例市人民政府办公室】您的政府信息公开申请已收到（" + caseNumber + "）");
    assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(message.getFrom()[0].toString()).contains("ogi@example.gov.cn");
    assertThat(MimeUtility.decodeText(message.getFrom()[0].toString())).contains("示例市人民政府办公室");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("zhangsan@example.com");
    assertThat((String) message.getContent()).contains("张三：", "案件编号：" + caseNumber, "2026年11月20日",
        "2026年12月18日前", "联系电话：0000-12345678");
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.SENT);
    assertThat(register.timeline(A, caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(Notifications.SENT);
      assertThat(e.detail()).contains("已发送邮件", "申请已收到");
    });
    // sent once: the next drain finds nothing
    assertThat(drainer.drain()).isZero();
  }

  @Test
  void replyCarriesTheLetterAsPdf() throws Exception {
    smtp.start();
    IssuedLetter reply = letters.issue(A, caseNumber, LetterType.REPLY, "officer-planning",
        Map.of("outcome", "DISCLOSE", "whereToObtain", "相关信息随本答复书一并提供"));
    notifications.queueToApplicant(A, caseNumber, MailKind.REPLY, reply.id());

    drainer.drain();

    MimeMessage message = onlyMessage();
    assertThat(message.getSubject()).contains("政府信息公开申请答复", caseNumber);
    Multipart parts = (Multipart) message.getContent();
    BodyPart pdf = null;
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        pdf = parts.getBodyPart(i);
      }
    }
    assertThat(pdf).as("PDF attachment").isNotNull();
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(MimeUtility.decodeText(pdf.getFileName())).isEqualTo("政府信息公开申请答复书-" + caseNumber + ".pdf");
    try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
          .contains("政府信息公开申请答复书", caseNumber, "第三十六条第（二）项", "60日内");
    }
  }

  @Test
  void manyMailsGoOutInBatchesEachOnce() {
    smtp.start();
    for (int i = 0; i < 120; i++) {
      notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();
    }

    assertThat(drainer.drain()).isEqualTo(120);

    assertThat(smtp.waitForIncomingEmail(5_000, 120)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(120);
    assertThat(outbox.forCase(A, caseNumber)).allMatch(m -> m.status() == OutgoingMail.Status.SENT && m.attempts() == 1);
  }

  @Test
  void aClaimedMailIsNoOtherNodesUntilItsLeaseExpires() throws Exception {
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();

    // node 1 claims the mail and dies before sending
    assertThat(outbox.claim(50, java.time.Duration.ofMinutes(5))).extracting(OutgoingMail::id).containsExactly(id);
    // node 2 finds nothing while the lease holds
    assertThat(outbox.claim(50, java.time.Duration.ofMinutes(5))).isEmpty();
    smtp.start();
    assertThat(drainer.drain()).isZero();

    // after the lease node 2 sends it (at-least-once: a crash after the send would send it again)
    at(LocalDateTime.of(2026, 11, 20, 9, 6));
    assertThat(drainer.drain()).isEqualTo(1);
    assertThat(onlyMessage().getSubject()).contains(caseNumber);
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.SENT);
  }

  @Test
  void anOutageOfADayIsRetriedWithBackOffAndRecoversWithoutAnOperator() throws Exception {
    // Given the SMTP server is down when the case is registered: queuing still succeeds
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();
    assertThat(drainer.drain()).isEqualTo(1);

    // Then the first retry comes within a minute, and the mail waits in the outbox
    OutgoingMail waiting = outbox.find(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(OutgoingMail.Status.QUEUED);
    assertThat(waiting.lastError()).isNotBlank();
    assertThat(waiting.nextAttemptAt()).isAfter(now()).isBeforeOrEqualTo(now().plusMinutes(1));
    assertThat(drainer.drain()).as("not due yet").isZero();

    // When every attempt fails for 23 hours: the waits grow, up to an hour, and there is no alert
    List<Long> waits = new java.util.ArrayList<>();
    while (true) {
      OutgoingMail m = outbox.find(id).orElseThrow();
      if (m.nextAttemptAt().isAfter(LocalDateTime.of(2026, 11, 21, 8, 0))) {
        break;
      }
      waits.add(java.time.Duration.between(now(), m.nextAttemptAt()).toSeconds());
      at(m.nextAttemptAt());
      assertThat(drainer.drain()).isEqualTo(1);
    }
    assertThat(waits).isSorted();
    assertThat(waits.get(0)).isLessThanOrEqualTo(60);
    assertThat(waits.get(waits.size() - 1)).isEqualTo(3600);
    assertThat(waits.size()).as("attempts in 23 h").isBetween(25, 35);
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.QUEUED);
    assertThat(register.timeline(A, caseNumber)).noneMatch(e -> e.kind().startsWith("MAIL_"));
    assertThat(gauge("disclosure.mail.outbox.oldest.age")).isGreaterThanOrEqualTo(22 * 3600);

    // When it still fails after a day: FAILED, noted once on the timeline, counted, and still retried
    for (int i = 0; i < 3; i++) {
      at(outbox.find(id).orElseThrow().nextAttemptAt());
      drainer.drain();
    }
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.FAILED);
    assertThat(register.timeline(A, caseNumber)).filteredOn(e -> e.kind().equals(MailDrainer.FAILED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("邮件发送失败", "申请已收到", "继续"));
    assertThat(gauge("disclosure.mail.outbox.failed")).isEqualTo(1);

    // When the server is back, the next retry delivers without anyone acting
    smtp.start();
    at(outbox.find(id).orElseThrow().nextAttemptAt());
    assertThat(drainer.drain()).isEqualTo(1);
    assertThat(onlyMessage().getSubject()).contains(caseNumber);
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.SENT);
    assertThat(gauge("disclosure.mail.outbox.failed")).isZero();
    assertThat(gauge("disclosure.mail.outbox.oldest.age")).isZero();
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  private static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  private MimeMessage onlyMessage() {
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("mail delivered").isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    return smtp.getReceivedMessages()[0];
  }
}
