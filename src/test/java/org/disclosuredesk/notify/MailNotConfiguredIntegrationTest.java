package org.disclosuredesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.SampleCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No mail host (the demo): nothing is queued, and the case's timeline says so once. */
@DeskSpringTest
class MailNotConfiguredIntegrationTest {

  static final String A = SampleCases.AGENCY;

  @Autowired Notifications notifications;
  @Autowired MailStore outbox;
  @Autowired MailDrainer drainer;
  @Autowired CaseRegister register;

  @Test
  void withoutMailHostNothingIsQueuedAndTheTimelineSaysSoOnce() {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");

    assertThat(notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null)).isEmpty();
    assertThat(notifications.queueToGroup(A, caseNumber, "dept-planning", MailKind.NEW_TASK, "办理申请")).isEmpty();
    assertThat(notifications.queueToUser(A, caseNumber, "officer-planning", MailKind.URGE, null)).isEmpty();

    assertThat(outbox.forCase(A, caseNumber)).isEmpty();
    assertThat(drainer.drain()).isZero();
    assertThat(register.timeline(A, caseNumber)).filteredOn(e -> e.kind().equals(Notifications.NOT_SENT))
        .singleElement().satisfies(e -> assertThat(e.detail()).startsWith("未发送邮件：未配置邮件服务器")
            .contains("本案的邮件均不发送", "申请已收到"));
  }
}
