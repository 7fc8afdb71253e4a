package org.disclosuredesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
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

/** Real SMTP (GreenMail in this JVM): content, the PDF attachment, and an outage with recovery. */
@DeskSpringTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + MailDeliveryIntegrationTest.PORT,
    "disclosure.mail.from=ogi@example.gov.cn"})
class MailDeliveryIntegrationTest {

  static final int PORT = 3125;
  static final String A = SampleCases.AGENCY;

  @Autowired Notifications notifications;
  @Autowired MailStore outbox;
  @Autowired CaseRegister register;
  @Autowired Letters letters;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  /** Not started: each test starts it when the server should be up. */
  final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  String caseNumber;

  @BeforeEach
  void sampleCase() {
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");
  }

  @AfterEach
  void stopServer() {
    smtp.stop();
  }

  @Test
  void acknowledgementArrivesInChineseAndIsNotedOnTheTimeline() throws Exception {
    smtp.start();
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();

    management.executeJob(job().getId());

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
      assertThat(e.kind()).isEqualTo(SendMailDelegate.SENT);
      assertThat(e.detail()).contains("已发送邮件", "申请已收到");
    });
  }

  @Test
  void replyCarriesTheLetterAsPdf() throws Exception {
    smtp.start();
    IssuedLetter reply = letters.issue(A, caseNumber, LetterType.REPLY, "officer-planning",
        Map.of("outcome", "DISCLOSE", "whereToObtain", "相关信息随本答复书一并提供"));
    notifications.queueToApplicant(A, caseNumber, MailKind.REPLY, reply.id());

    management.executeJob(job().getId());

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
  void anOutageBecomesRetriesThenAnIncidentAndAnOperatorRetryDelivers() throws Exception {
    // Given the SMTP server is down when the case is registered: queuing still succeeds
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();
    String jobId = job().getId();

    // When every retry of the R5/PT5M cycle fails
    int attempts = 0;
    while (management.createJobQuery().jobId(jobId).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("Connection");
      attempts++;
      assertThat(attempts).as("attempts before the incident").isLessThanOrEqualTo(5);
    }

    // Then five attempts were made, an incident is open in Cockpit, and the mail waits in the outbox
    assertThat(attempts).isEqualTo(5);
    Incident incident = runtime.createIncidentQuery().configuration(jobId).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.QUEUED);
    assertThat(register.timeline(A, caseNumber)).noneMatch(e -> e.kind().startsWith("MAIL_"));

    // When the server is back and an operator retries the job (Cockpit: "increment retries")
    smtp.start();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);

    // Then the mail is delivered, the incident is resolved and the process has ended
    assertThat(onlyMessage().getSubject()).contains(caseNumber);
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutgoingMail.Status.SENT);
  }

  @Test
  void whenTheServerComesBackTheNextRetryDeliversWithoutAnyoneActing() throws Exception {
    notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null);
    Job job = job();
    assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);

    Job retry = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retry.getRetries()).isEqualTo(4);
    assertThat(retry.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 4 * 60_000));
    assertThat(retry.getExceptionMessage()).isNotBlank();

    // the server comes back; the job executor runs the job when it is due (here: the test runs it)
    smtp.start();
    management.executeJob(retry.getId());

    assertThat(onlyMessage().getSubject()).contains("申请已收到");
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private Job job() {
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey(Notifications.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
    return management.createJobQuery().processInstanceId(pi).singleResult();
  }

  private MimeMessage onlyMessage() {
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("mail delivered").isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    return smtp.getReceivedMessages()[0];
  }
}
