package org.disclosuredesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.TimelineEntry;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.SampleCases;
import org.disclosuredesk.supervision.CaseUrged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is queued in the outbox, with a mail host configured (the same context as
 * {@link MailDeliveryIntegrationTest}; nothing is sent here: the drainer does not run).
 */
@DeskSpringTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + MailDeliveryIntegrationTest.PORT,
    "disclosure.mail.from=ogi@example.gov.cn"})
class NotificationsIntegrationTest {

  static final String A = SampleCases.AGENCY;

  @Autowired Notifications notifications;
  @Autowired MailStore outbox;
  @Autowired CaseRegister register;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  String caseNumber;

  @BeforeEach
  void sampleCase() {
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");
  }

  @Test
  void theMailIsWrittenToTheOutboxDueAtOnceWithoutAProcessInstance() {
    long id = notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null).orElseThrow();

    OutgoingMail mail = outbox.find(id).orElseThrow();
    assertThat(mail.status()).isEqualTo(OutgoingMail.Status.QUEUED);
    assertThat(mail.recipients()).containsExactly("zhangsan@example.com");
    assertThat(mail.subject()).isEqualTo("【示例市人民政府办公室】您的政府信息公开申请已收到（" + caseNumber + "）");
    assertThat(mail.body()).contains("张三：", caseNumber, "2026年11月20日", "2026年12月18日前");
    assertThat(mail.nextAttemptAt()).isEqualTo(mail.queuedAt());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void queuingJoinsTheCallersTransaction() {
    transaction.executeWithoutResult(status -> {
      notifications.queueToApplicant(A, caseNumber, MailKind.ACKNOWLEDGEMENT, null);
      status.setRollbackOnly();
    });

    assertThat(outbox.forCase(A, caseNumber)).isEmpty();
  }

  @Test
  void anApplicantWithoutEmailIsNotedAndNothingIsQueued() {
    String noEmail = SampleCases.create(register, LocalDate.of(2026, 11, 20), null);

    assertThat(notifications.queueToApplicant(A, noEmail, MailKind.ACKNOWLEDGEMENT, null)).isEmpty();

    assertThat(outbox.forCase(A, noEmail)).isEmpty();
    assertThat(register.timeline(A, noEmail)).anySatisfy(e ->
        assertThat(e.detail()).contains("未发送邮件", "申请人未留电子邮箱"));
  }

  @Test
  void newTaskGoesToTheMembersOfTheCandidateGroups() {
    repository.createDeployment().addModelInstance("notify-candidates-test.bpmn",
        Bpmn.createExecutableProcess("notifyCandidatesTest").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_FindInformation").name("检索信息并拟定答复")
            .camundaCandidateGroups("dept-planning, supervisors")
            .camundaTaskListenerDelegateExpression("create", "${notifyCandidates}")
            .endEvent().done())
        .deploy();

    runtime.startProcessInstanceByKey("notifyCandidatesTest", caseNumber);

    assertThat(outbox.forCase(A, caseNumber)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MailKind.NEW_TASK);
      assertThat(m.recipients()).containsExactlyInAnyOrder("officer-planning@example.gov.cn",
          "admin@example.gov.cn", "supervisor@example.gov.cn");
      assertThat(m.subject()).isEqualTo("【待办】检索信息并拟定答复：" + caseNumber);
      assertThat(m.body()).contains("张三", "2026年12月18日", "/camunda/app/tasklist/");
    });
  }

  @Test
  void anUrgeGoesToTheAssigneeOrElseToTheDepartment() {
    transaction.executeWithoutResult(s ->
        events.publishEvent(new CaseUrged(A, caseNumber, "supervisor", "officer-planning", "请于本周内答复")));
    transaction.executeWithoutResult(s ->
        events.publishEvent(new CaseUrged(A, caseNumber, "supervisor", null, null)));

    List<OutgoingMail> mails = outbox.forCase(A, caseNumber);
    assertThat(mails).extracting(OutgoingMail::kind).containsExactly(MailKind.URGE, MailKind.URGE);
    assertThat(mails.get(0).recipients()).containsExactly("officer-planning@example.gov.cn");
    assertThat(mails.get(0).body()).contains("督办人：supervisor", "请于本周内答复");
    assertThat(mails.get(1).recipientLabel()).startsWith("组 dept-planning");
  }

  @Test
  void aGroupWithoutAddressesIsNoted() {
    Optional<Long> none = notifications.queueToGroup(A, caseNumber, "no-such-group", MailKind.ESCALATION, null);

    assertThat(none).isEmpty();
    assertThat(timeline(Notifications.NOT_SENT)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("超期督办", "没有留有电子邮箱的收件人"));
  }

  private List<TimelineEntry> timeline(String kind) {
    return register.timeline(A, caseNumber).stream().filter(e -> e.kind().equals(kind)).toList();
  }
}
