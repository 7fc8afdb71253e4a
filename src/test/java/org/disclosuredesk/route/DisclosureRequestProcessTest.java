package org.disclosuredesk.route;

import org.disclosuredesk.agency.Agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.disclosuredesk.route.RouteTestSupport.instant;
import static org.disclosuredesk.route.RouteTestSupport.vars;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.PauseReason;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.coverage.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of processes/disclosure-request.bpmn, with the real delegates, register and calendar.
 * Dates are hand-checked against the State Council notice for 2026 (Qingming 04-04…04-06 off).
 * After the class, {@link ProcessCoverage} prints the coverage of every deployed process by this class's
 * instances (flow nodes and sequence flows) and requires every flow node and every sequence flow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ProcessCoverage.Required(nodes = 100, flows = 100)
class DisclosureRequestProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RouteTestSupport route;
  @Autowired CaseRegister register;
  @Autowired org.disclosuredesk.intake.CaseRegistration registration;
  @Autowired org.disclosuredesk.letters.Letters letters;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
  org.disclosuredesk.notify.Notifications notifications;

  @BeforeEach
  void setUp() {
    init(engine);
    at("2026-03-02T09:00"); // a Monday
  }

  @AfterEach
  void resetClock() {
    supportingProcessesRunToTheirEnd();
    ClockUtil.reset();
  }

  /** The other processes the route starts (whatever is deployed beside it) run their async steps to the end. */
  private void supportingProcessesRunToTheirEnd() {
    var management = engine.getManagementService();
    for (var job : management.createJobQuery().messages().list()) {
      if (!"disclosureRequest".equals(job.getProcessDefinitionKey())) {
        management.executeJob(job.getId());
      }
    }
  }

  @Test
  void disclosureTravelsFromRegistrationThroughReviewToDelivery() {
    // Given a walk-in received on Monday 2026-03-02
    ProcessInstance pi = route.registerWalkIn("2025年城市总体规划修编的批复文件");
    // Then it is due 20 working days later and waits for reception's completeness check
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(pi).isWaitingAt("Task_CheckCompleteness");
    assertThat(pi).hasPassed("Task_RegisterCase", "Task_ProposeDepartment");
    assertThat(route.task(pi, "Task_CheckCompleteness")).hasCandidateGroup("reception");
    // the routing table proposed the planning department from the description
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "proposedDepartment")).isEqualTo("planning");

    // When reception accepts it for planning, the planning officers get it with the reply due date
    route.acceptFor(pi, "planning");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(route.task(pi, "Task_HandleRequest")).hasCandidateGroup("dept-planning")
        .hasDueDate(instant("2026-03-30T18:00"));
    assertThat(route.caseOf(pi).currentTask()).isEqualTo("办理申请并拟定答复");

    // When the officer proposes disclosure, it must pass confidentiality review first
    route.propose(pi, "DISCLOSE");
    assertThat(pi).isWaitingAt("Task_ConfidentialityReview");
    assertThat(route.task(pi, "Task_ConfidentialityReview")).hasCandidateGroup("confidentiality");
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.IN_REVIEW);
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");

    // Then the reply is issued and reception records the delivery
    assertThat(pi).isWaitingAt("Task_RecordDelivery");
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.REPLIED);
    route.deliver(pi, LocalDate.of(2026, 3, 2));

    assertThat(pi).isEnded().hasPassed("Task_IssueReply", "End_Answered", "Task_CloseCase", "End_Replied");
    CaseRecord closed = route.caseOf(pi);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.DISCLOSE);
    assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(register.timeline("default", closed.caseNumber())).extracting(e -> e.kind())
        .containsSubsequence("REGISTERED", "COMPLETENESS_CHECKED", "ASSIGNED", "REPLY_PROPOSED",
            "CONFIDENTIALITY_REVIEWED", "REPLIED", "CLOSED");
  }

  @Test
  void startFormRegistersTheCaseAndSetsTheBusinessKey() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("disclosureRequest", vars(
        "channel", "IN_PERSON", "applicantType", "NATURAL_PERSON", "applicantName", "李四", "idType", "RESIDENT_ID",
        "idNumber", RouteTestSupport.VALID_RESIDENT_ID, "phone", "13900000000", "description", "本区财政预算执行情况",
        "format", "ELECTRONIC", "delivery", "PICKUP", "initiator", "reception"));
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult();
    assertThat(started.getBusinessKey()).matches("GK-2026-\\d{5}");
    assertThat(started).isWaitingAt("Task_CheckCompleteness");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "proposedDepartment")).isEqualTo("finance");
    // business data is in the register, not in process variables
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "applicantName")).isNull();
    assertThat(route.caseOf(started).applicant().name()).isEqualTo("李四");
    assertThat(route.caseOf(started).receivedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void startFormWithAWrongIdCheckDigitStartsNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("disclosureRequest", vars(
        "channel", "IN_PERSON", "applicantType", "NATURAL_PERSON", "applicantName", "王五", "idType", "RESIDENT_ID",
        "idNumber", "110105194912310021", "phone", "13900000000", "description", "某文件",
        "format", "PAPER", "delivery", "PICKUP")))
        .isInstanceOf(RouteInputException.class)
        .hasMessageContaining("证件号码").hasMessageContaining("校验码");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  private static org.disclosuredesk.intake.RegistrationRequest ordinaryLetter(LocalDate arrivedOn, LocalDate confirmedOn,
      String note) {
    org.disclosuredesk.intake.RegistrationRequest w = RouteTestSupport.walkIn("2025年度部门预算", confirmedOn);
    return new org.disclosuredesk.intake.RegistrationRequest(org.disclosuredesk.casefile.Channel.LETTER, confirmedOn,
        w.applicant(), w.description(), null, w.format(), w.delivery(), null,
        new org.disclosuredesk.intake.RegistrationRequest.LetterReceipt(false, arrivedOn, note));
  }

  private java.util.List<String> refusedFields(org.disclosuredesk.intake.RegistrationRequest r) {
    try {
      registration.registerAndStart(Agency.DEFAULT, r, null, "reception");
    } catch (org.disclosuredesk.web.InvalidInputException e) {
      return e.errors().stream().map(org.disclosuredesk.web.FieldError::field).toList();
    }
    return java.util.List.of();
  }

  @Test
  void anOrdinaryLetterIsReceivedOnTheDayOfConfirmationTriedOnTheDayItArrived() {
    at("2026-03-04T10:00");
    // the day it arrived is needed, confirmation cannot come before it, and a later one says why
    assertThat(refusedFields(ordinaryLetter(null, LocalDate.of(2026, 3, 3), null))).contains("letter.arrivedOn");
    assertThat(refusedFields(ordinaryLetter(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2), null)))
        .contains("receivedOn");
    assertThat(refusedFields(ordinaryLetter(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), null)))
        .contains("letter.confirmationNote");
    // letter details on an application that was not a letter are refused
    org.disclosuredesk.intake.RegistrationRequest w = RouteTestSupport.walkIn("某文件", null);
    assertThat(refusedFields(new org.disclosuredesk.intake.RegistrationRequest(w.channel(), null, w.applicant(),
        w.description(), null, w.format(), w.delivery(), null,
        new org.disclosuredesk.intake.RegistrationRequest.LetterReceipt(false, LocalDate.of(2026, 3, 2), null))))
        .contains("letter");
    // arrived Monday 03-02, the phone was not answered that day, confirmed Tuesday 03-03: received 03-03
    org.disclosuredesk.intake.Registration r = registration.registerAndStart(Agency.DEFAULT, 
        ordinaryLetter(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), "到达当日电话联系申请人无人接听"), null, "reception");
    assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(register.timeline("default", r.caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("REGISTERED");
      assertThat(e.detail()).contains("平信", "2026-03-02", "2026-03-03", "到达当日电话联系申请人无人接听");
    });
  }

  @Test
  void petitionIsAnsweredAtIntakeWithoutGoingToADepartment() {
    ProcessInstance pi = route.registerWalkIn("投诉某街道办事处工作人员态度问题");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NOT_OGI", "nonOgiOutcome", "PETITION",
        "replyNote", "请通过信访渠道反映");
    assertThat(pi).isWaitingAt("Task_RecordDelivery").hasNotPassed("Task_HandleRequest");
    // as engine REST may send a date field: an ISO date-time; the timeline shows the date (walk-through, issue 10)
    route.complete(pi, "Task_RecordDelivery", "deliveredOn", "2026-03-02T00:00:00.000+0800", "deliveryMethod", "PICKUP");
    assertThat(pi).isEnded().hasPassed("End_Replied");
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.PETITION);
    assertThat(register.timeline("default", route.caseOf(pi).caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("CLOSED");
      assertThat(e.detail()).startsWith("答复已送达（2026-03-02，当面领取）");
    });
  }

  @Test
  void todayForADeliveryDateIsBeijingsEvenWhileUtcIsStillOnTheDayBefore() {
    ProcessInstance pi = route.registerWalkIn("投诉某街道办事处工作人员态度问题");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NOT_OGI", "nonOgiOutcome", "PETITION",
        "replyNote", "请通过信访渠道反映");
    // 03-03 07:30 in Beijing is 03-02 23:30 in UTC: the 3rd is today, the 4th is not yet
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T23:30:00Z")));
    assertThatThrownBy(() -> route.complete(pi, "Task_RecordDelivery", "deliveredOn", "2026-03-04", "deliveryMethod", "PICKUP"))
        .hasMessageContaining("送达日期").hasMessageContaining("不能晚于今天");
    route.complete(pi, "Task_RecordDelivery", "deliveredOn", "2026-03-03", "deliveryMethod", "PICKUP");
    assertThat(pi).isEnded();
    assertThat(register.timeline("default", route.caseOf(pi).caseNumber()))
        .anySatisfy(e -> assertThat(e.detail()).startsWith("答复已送达（2026-03-03，当面领取）"));
    // the closed case's page offers no Cockpit link: the community Cockpit shows running instances only
    String page = rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/supervision/cases/" + route.caseOf(pi).caseNumber(), String.class);
    assertThat(page).contains("答复已送达").doesNotContain("cockpit-link", "/camunda/app/cockpit/default/#/process-instance/")
        .contains("<dd id=\"assignee\">—</dd>"); // no task, so nobody to claim it (not 未签收)
  }

  @Test
  void invalidCompletenessCheckKeepsTheTaskOpen() {
    ProcessInstance pi = route.registerWalkIn("某文件");
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT"))
        .hasMessageContaining("需补正的内容");
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "COMPLETE",
        "department", "nowhere")).hasMessageContaining("承办部门");
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "STILL_UNCLEAR"))
        .hasMessageContaining("尚未发出补正告知");
    assertThat(pi).isWaitingAt("Task_CheckCompleteness");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "completeness")).isNull();
  }

  @Test
  void supplementRestartsTheClockFromTheDayItArrives() {
    ProcessInstance pi = route.registerWalkIn("那个文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明文件名称或文号");
    assertThat(pi).isWaitingAt("Task_AwaitSupplement");
    CaseRecord waiting = route.caseOf(pi);
    assertThat(waiting.status()).isEqualTo(CaseStatus.AWAITING_SUPPLEMENT);
    // 15 working days to supplement from Monday 03-02: Monday 03-23
    assertThat(waiting.supplementDueOn()).isEqualTo(LocalDate.of(2026, 3, 23));

    // When the supplement arrives on Tuesday 03-10
    at("2026-03-10T10:00");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-10", "supplementNote", "文号为示政发〔2025〕1号");
    // Then the 20 working days count afresh from 03-10: 04-08 (Qingming 04-04…04-06 is not counted)
    assertThat(pi).hasPassed("Task_RestartClock").isWaitingAt("Task_CheckCompleteness");
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 8));
    // a second notice is refused: the first must list everything
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT",
        "supplementItems", "再补")).hasMessageContaining("已发出过补正告知");
    route.acceptFor(pi, "office");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(route.timers(pi, "Timer_ReplyDeadline").get(0).getDuedate()).isEqualTo(instant("2026-04-08T09:00"));
  }

  @Test
  void aLateSupplementNoticeIsRefusedUnlessASupervisorRecordsWhy() {
    // Given a walk-in received Monday 03-02: the supplement notice is due within 7 working days, by 03-11
    ProcessInstance pi = route.registerWalkIn("那个文件");
    at("2026-03-12T10:00");
    // When reception asks for a supplement on 03-12, the form refuses it
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT",
        "supplementItems", "请写明文件名称")).hasMessageContaining("7 个工作日").hasMessageContaining("2026-03-11");
    assertThat(pi).isWaitingAt("Task_CheckCompleteness");
    // a late notice goes to a supervisor, who refuses it: back to the completeness check
    route.complete(pi, "Task_CheckCompleteness", "completeness", "LATE_SUPPLEMENT", "supplementItems", "请写明文件名称");
    assertThat(pi).isWaitingAt("Task_ApproveLateSupplementNotice");
    assertThat(route.task(pi, "Task_ApproveLateSupplementNotice")).hasCandidateGroup("supervisors");
    route.complete(pi, "Task_ApproveLateSupplementNotice", "lateSupplementDecision", "REFUSE");
    assertThat(pi).isWaitingAt("Task_CheckCompleteness");
    assertThat(route.caseOf(pi).lateSupplementReason()).isNull();
    // the second time the supervisor agrees, and must say why
    route.complete(pi, "Task_CheckCompleteness", "completeness", "LATE_SUPPLEMENT", "supplementItems", "请写明文件名称");
    assertThatThrownBy(() -> route.complete(pi, "Task_ApproveLateSupplementNotice", "lateSupplementDecision", "APPROVE"))
        .hasMessageContaining("逾期理由");
    route.complete(pi, "Task_ApproveLateSupplementNotice", "lateSupplementDecision", "APPROVE",
        "lateSupplementReason", "申请材料在转办途中延误");
    assertThat(pi).hasPassed("Task_IssueSupplementNotice").isWaitingAt("Task_AwaitSupplement");
    CaseRecord late = route.caseOf(pi);
    assertThat(late.lateSupplementReason()).isEqualTo("申请材料在转办途中延误");
    assertThat(register.timeline("default", late.caseNumber()))
        .anySatisfy(e -> {
          assertThat(e.kind()).isEqualTo("LATE_SUPPLEMENT_APPROVED");
          assertThat(e.detail()).contains("申请材料在转办途中延误").contains("2026-03-11");
        });
    // supervision sees it on the case page
    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/supervision/cases/" + late.caseNumber(), String.class))
        .contains("逾期补正告知", "申请材料在转办途中延误");
    assertThat(rest.withBasicAuth("supervisor", "supervisor").getForObject("/supervision/?filter=open", String.class))
        .containsPattern("id=\"late-supplement-count\">[1-9]");
    // the supplement arrives: the clock restarts (03-13 + 20 = 04-13), never earlier than the original 03-30
    at("2026-03-13T10:00");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-13");
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 13));
  }

  @Test
  void anOnlineSupplementOnARestDayCountsFromTheNextWorkingDay() {
    ProcessInstance pi = route.registerWalkIn("那个文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明文件名称");
    // submitted through the portal on Saturday 03-07: confirmed, and so received, on Monday 03-09 (Art. 31)
    at("2026-03-08T10:00");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-07", "supplementChannel", "ONLINE");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.clockStartOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    // 20 working days from the day after 03-09: 04-07 (Qingming 04-04…04-06 is not counted)
    assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(register.timeline("default", c.caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("SUPPLEMENT_RECEIVED");
      assertThat(e.detail()).contains("2026-03-07", "2026-03-09");
    });
  }

  @Test
  void aSupplementHandedInOnARestDayCountsFromThatDay() {
    ProcessInstance pi = route.registerWalkIn("那个文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明文件名称");
    at("2026-03-08T10:00");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-07", "supplementChannel", "IN_PERSON");
    assertThat(route.caseOf(pi).clockStartOn()).isEqualTo(LocalDate.of(2026, 3, 7));
  }

  @Test
  void stillUnclearAfterTheSupplementIsAnsweredAsSuch() {
    ProcessInstance pi = route.registerWalkIn("有关文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-02", "supplementNote", "还是有关文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "STILL_UNCLEAR", "replyNote", "仍无法确定所需信息");
    assertThat(pi).isWaitingAt("Task_RecordDelivery");
    route.deliver(pi, LocalDate.of(2026, 3, 2));
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.STILL_UNCLEAR);
  }

  @Test
  void noSupplementWithinThePeriodMeansDeemedAbandoned() {
    ProcessInstance pi = route.registerWalkIn("有关文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明");
    // the period ends at the start of the day after its last day (03-23)
    assertThat(route.timers(pi, "Timer_SupplementPeriodEnds").get(0).getDuedate())
        .isEqualTo(instant("2026-03-24T00:00"));
    at("2026-03-24T00:01");
    route.fire(pi, "Timer_SupplementPeriodEnds");
    // reception confirms that no supplement came and no justified reason is known
    assertThat(pi).isWaitingAt("Task_ConfirmNoSupplement");
    at("2026-03-24T09:00");
    route.complete(pi, "Task_ConfirmNoSupplement", "lapseDecision", "CONFIRM");
    assertThat(pi).isEnded().hasPassed("End_NoSupplement", "Event_DeemedAbandoned", "Task_CloseAbandoned",
        "End_DeemedAbandoned");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.outcome()).isEqualTo(Outcome.ABANDONED_NO_CORRECTION);
    assertThat(c.closedOn()).isEqualTo(LocalDate.of(2026, 3, 24));
    // the applicant is told in writing, by post to the address given, and by e-mail
    assertClosingLetter(c, "无正当理由逾期未补正", "第三十条");
  }

  /** The closing was not silent: a reply letter with the text and basis, posted, e-mailed, on the timeline. */
  private void assertClosingLetter(CaseRecord c, String text, String basis) {
    assertThat(letters.list("default", c.caseNumber())).anySatisfy(l -> {
      assertThat(l.type()).isEqualTo(org.disclosuredesk.letters.LetterType.REPLY);
      assertThat(l.delivery()).isEqualTo("POST");
      assertThat(letters.html(l)).contains(text, basis, "视为您放弃申请");
    });
    assertThat(register.timeline("default", c.caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("LETTER_ISSUED");
      assertThat(e.detail()).contains("政府信息公开申请答复书");
    });
    // e-mailed too: the applicant's mail of the reply letter, the letter attached
    Long replyLetter = letters.list("default", c.caseNumber()).stream()
        .filter(l -> l.type() == org.disclosuredesk.letters.LetterType.REPLY).findFirst().orElseThrow().id();
    org.mockito.Mockito.verify(notifications).queueToApplicant("default", c.caseNumber(),
        org.disclosuredesk.notify.MailKind.REPLY, replyLetter);
  }

  @Test
  void aJustifiedDelayReopensTheSupplementPeriodInsteadOfClosing() {
    ProcessInstance pi = route.registerWalkIn("有关文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明");
    at("2026-03-24T00:01");
    route.fire(pi, "Timer_SupplementPeriodEnds");
    at("2026-03-24T09:00");
    assertThatThrownBy(() -> route.complete(pi, "Task_ConfirmNoSupplement", "lapseDecision", "JUSTIFIED"))
        .hasMessageContaining("正当理由");
    // the applicant was in hospital: a new period of 15 working days from 03-24, to 04-15
    route.complete(pi, "Task_ConfirmNoSupplement", "lapseDecision", "JUSTIFIED", "justifiedReason", "申请人住院，提供了住院证明");
    assertThat(pi).hasPassed("Task_ReopenSupplementPeriod").isWaitingAt("Task_AwaitSupplement");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.isOpen()).isTrue();
    assertThat(c.supplementDueOn()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(route.timers(pi, "Timer_SupplementPeriodEnds").get(0).getDuedate()).isEqualTo(instant("2026-04-16T00:00"));
    assertThat(register.timeline("default", c.caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("JUSTIFIED_DELAY");
      assertThat(e.detail()).contains("申请人住院", "2026-04-15");
    });
    at("2026-03-25T10:00");
    route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-25");
    assertThat(pi).isWaitingAt("Task_CheckCompleteness");
  }

  @Test
  void supplementAfterItsPeriodIsRefused() {
    ProcessInstance pi = route.registerWalkIn("有关文件");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明");
    at("2026-03-25T10:00");
    assertThatThrownBy(() -> route.complete(pi, "Task_AwaitSupplement", "supplementReceivedOn", "2026-03-24",
        "supplementNote", "迟到的补正")).hasMessageContaining("已超过补正期限");
    assertThat(pi).isWaitingAt("Task_AwaitSupplement");
  }

  @Test
  void reassignmentMovesTheCaseToAnotherDepartment() {
    ProcessInstance pi = route.registerWalkIn("城市规划文件");
    route.acceptFor(pi, "planning");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "REASSIGN", "reassignTo", "finance");
    assertThat(pi).hasPassed("Task_ReassignDepartment").isWaitingAt("Task_HandleRequest");
    assertThat(route.task(pi, "Task_HandleRequest")).hasCandidateGroup("dept-finance");
    assertThat(route.caseOf(pi).department()).isEqualTo("finance");
  }

  @Test
  void consultationPausesTheClockByTheWorkingDaysItTook() {
    ProcessInstance pi = route.registerWalkIn("某企业环评报告");
    route.acceptFor(pi, "planning");
    at("2026-03-04T10:00");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "THIRD_PARTY",
        "consultationParty", "某某有限公司");
    assertThat(pi).isWaitingAt("Task_RecordConsultationReply");
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.IN_CONSULTATION);
    // the third party has 15 working days: until 03-25
    assertThat(route.task(pi, "Task_RecordConsultationReply")).hasDueDate(instant("2026-03-25T18:00"));

    at("2026-03-11T10:00");
    route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "OBJECTION", "consultationNote", "涉及商业秘密",
        "consultationAnsweredOn", "2026-03-11");
    assertThat(pi).hasPassed("Task_EndConsultation").isWaitingAt("Task_HandleRequest");
    // paused 03-05…03-11 = 5 working days: due 03-30 + 5 = 04-07 (04-06 is Qingming)
    CaseRecord c = route.caseOf(pi);
    assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(register.pauses("default", c.caseNumber())).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(PauseReason.THIRD_PARTY_CONSULTATION);
      assertThat(p.startedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
      assertThat(p.endedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
    });
    assertThat(route.timers(pi, "Timer_ReplyDeadline").get(0).getDuedate()).isEqualTo(instant("2026-04-07T09:00"));
    assertThat(route.task(pi, "Task_HandleRequest")).hasDueDate(instant("2026-04-07T18:00"));

    // then a refusal to protect the third party's rights needs no confidentiality review
    route.propose(pi, "WITHHOLD", "proposedGround", "THIRD_PARTY_RIGHTS");
    assertThat(pi).isWaitingAt("Task_RecordDelivery").hasNotPassed("Task_ConfidentialityReview");
    assertThat(route.caseOf(pi).withholdingGround()).isEqualTo(WithholdingGround.THIRD_PARTY_RIGHTS);
  }

  @Test
  void unansweredConsultationEndsWithItsPeriod() {
    ProcessInstance pi = route.registerWalkIn("两部门联合发文");
    route.acceptFor(pi, "office");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "AGENCY",
        "consultationParty", "市住房和城乡建设局");
    // while it runs, the due date assumes the full 15 working days (03-03…03-23): 03-30 + 15 = 04-21
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 21));
    at("2026-03-24T00:01");
    route.fire(pi, "Timer_ConsultationPeriodEnds");
    assertThat(pi).hasPassed("Timer_ConsultationPeriodEnds", "Task_EndConsultation").isWaitingAt("Task_HandleRequest");
    ClockPause p = register.pauses("default", route.caseOf(pi).caseNumber()).get(0);
    assertThat(p.reason()).isEqualTo(PauseReason.AGENCY_CONSULTATION);
    // the period's last day, not the day the timer fired: at most 15 working days are excluded
    assertThat(p.endedOn()).isEqualTo(LocalDate.of(2026, 3, 23));
    // the final figure agrees with the running estimate: 04-21
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 21));
    assertThat(register.timeline("default", p == null ? null : route.caseOf(pi).caseNumber()))
        .anySatisfy(e -> assertThat(e.detail()).contains("期限届满未答复"));
  }

  @Test
  void answeredConsultationEndsOnTheDayTheAnswerArrived() {
    ProcessInstance pi = route.registerWalkIn("两部门联合发文");
    route.acceptFor(pi, "office");
    at("2026-03-04T10:00");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "AGENCY",
        "consultationParty", "市住房和城乡建设局");
    at("2026-03-12T10:00");
    // the date the answer arrived is asked for, and must lie between the consultation and today
    assertThatThrownBy(() -> route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "CONSENT"))
        .hasMessageContaining("收到答复日期");
    assertThatThrownBy(() -> route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "CONSENT",
        "consultationAnsweredOn", "2026-03-03")).hasMessageContaining("不能早于");
    assertThatThrownBy(() -> route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "CONSENT",
        "consultationAnsweredOn", "2026-03-13")).hasMessageContaining("不能晚于今天");
    assertThat(pi).isWaitingAt("Task_RecordConsultationReply");
    // the answer arrived on Monday 03-09 and is recorded on Thursday 03-12
    route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "CONSENT",
        "consultationAnsweredOn", "2026-03-09");
    ClockPause p = register.pauses("default", pi.getBusinessKey()).get(0);
    assertThat(p.endedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    // paused 03-05, 03-06, 03-09 = 3 working days: 03-30 + 3 = 04-02
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 2));
  }

  /** A third party consulted on 03-02 objects (answer arrived that day). */
  private ProcessInstance objectedByTheThirdParty() {
    ProcessInstance pi = route.registerWalkIn("某企业环评报告");
    route.acceptFor(pi, "planning");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "THIRD_PARTY",
        "consultationParty", "某某化工有限公司");
    route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "OBJECTION",
        "consultationNote", "涉及商业秘密", "consultationAnsweredOn", "2026-03-02");
    return pi;
  }

  @Test
  void disclosureOverAThirdPartysObjectionNeedsAPublicInterestDecisionAndTheNoticeToTheThirdParty() {
    ProcessInstance pi = objectedByTheThirdParty();
    // When the department proposes disclosure anyway and the confidentiality review approves it
    route.propose(pi, "DISCLOSE");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    // Then a supervisor (agency leader) must take the public-interest decision (Art. 32)
    assertThat(pi).isWaitingAt("Task_DecidePublicInterest");
    assertThat(route.task(pi, "Task_DecidePublicInterest")).hasCandidateGroup("supervisors");
    assertThatThrownBy(() -> route.complete(pi, "Task_DecidePublicInterest", "publicInterestDecision", "DISCLOSE"))
        .hasMessageContaining("理由");
    engine.getTaskService().claim(route.task(pi, "Task_DecidePublicInterest").getId(), "supervisor");
    route.complete(pi, "Task_DecidePublicInterest", "publicInterestDecision", "DISCLOSE",
        "publicInterestReason", "排放数据关系周边居民健康，不公开将严重影响公共利益");
    // the third party is told in writing, the decision is kept (who, why), and the applicant gets the disclosure
    assertThat(pi).hasPassed("Task_RecordPublicInterestDecision", "Task_IssueReply").isWaitingAt("Task_RecordDelivery");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.outcome()).isEqualTo(Outcome.DISCLOSE);
    assertThat(letters.list("default", c.caseNumber()))
        .anySatisfy(l -> {
          assertThat(l.type()).isEqualTo(org.disclosuredesk.letters.LetterType.THIRD_PARTY_DISCLOSURE_NOTICE);
          assertThat(l.recipient()).isEqualTo("某某化工有限公司");
          assertThat(letters.html(l)).contains("排放数据关系周边居民健康");
        });
    assertThat(register.timeline("default", c.caseNumber())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("PUBLIC_INTEREST_DECIDED");
      assertThat(e.actor()).isEqualTo("supervisor");
      assertThat(e.detail()).contains("公共利益", "排放数据关系周边居民健康");
    });
  }

  @Test
  void withoutAPublicInterestDecisionAnObjectionMeansWithholdingForThirdPartyRights() {
    ProcessInstance pi = objectedByTheThirdParty();
    route.propose(pi, "PARTIAL", "withheldPart1", "第2页第三方经营数据", "withheldGround1", "THIRD_PARTY_RIGHTS");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    engine.getTaskService().claim(route.task(pi, "Task_DecidePublicInterest").getId(), "supervisor");
    route.complete(pi, "Task_DecidePublicInterest", "publicInterestDecision", "WITHHOLD");
    assertThat(pi).isWaitingAt("Task_RecordDelivery");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.outcome()).isEqualTo(Outcome.WITHHOLD);
    assertThat(c.withholdingGround()).isEqualTo(WithholdingGround.THIRD_PARTY_RIGHTS);
    assertThat(letters.list("default", c.caseNumber())).noneMatch(
        l -> l.type() == org.disclosuredesk.letters.LetterType.THIRD_PARTY_DISCLOSURE_NOTICE);
  }

  @Test
  void approvedExtensionMovesTheDeadlineAndTheTimers() {
    ProcessInstance pi = route.registerWalkIn("财政专项资金分配表");
    route.acceptFor(pi, "finance");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "REQUEST_EXTENSION", "extensionReason", "信息量大",
        "extensionDays", 20);
    assertThat(pi).isWaitingAt("Task_ApproveExtension");
    assertThat(route.task(pi, "Task_ApproveExtension")).hasCandidateGroup("supervisors");
    assertThatThrownBy(() -> route.complete(pi, "Task_ApproveExtension", "extensionDecision", "APPROVE",
        "approvedExtensionDays", 25)).hasMessageContaining("1 至 20");
    route.complete(pi, "Task_ApproveExtension", "extensionDecision", "APPROVE", "approvedExtensionDays", 20);
    assertThat(pi).hasPassed("Task_RecordExtensionDecision").isWaitingAt("Task_HandleRequest");
    // 03-30 + 20 working days = 04-28
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 28));
    assertThat(route.caseOf(pi).extensionDays()).isEqualTo(20);
    assertThat(route.timers(pi, "Timer_ReplyDeadline").get(0).getDuedate()).isEqualTo(instant("2026-04-28T09:00"));
    // five working days before 04-28 is 04-21, one is 04-27
    assertThat(route.timers(pi, "Timer_FirstReminder").get(0).getDuedate()).isEqualTo(instant("2026-04-21T09:00"));
    assertThat(route.timers(pi, "Timer_FinalReminder").get(0).getDuedate()).isEqualTo(instant("2026-04-27T09:00"));
    // a second extension is refused
    assertThatThrownBy(() -> route.complete(pi, "Task_HandleRequest", "handlingAction", "REQUEST_EXTENSION",
        "extensionReason", "还要延", "extensionDays", 5)).hasMessageContaining("已延期一次");
  }

  @Test
  void refusedExtensionLeavesTheDeadline() {
    ProcessInstance pi = route.registerWalkIn("财政专项资金分配表");
    route.acceptFor(pi, "finance");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "REQUEST_EXTENSION", "extensionReason", "信息量大",
        "extensionDays", 10);
    route.complete(pi, "Task_ApproveExtension", "extensionDecision", "REFUSE", "extensionNote", "理由不充分");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(register.timeline("default", route.caseOf(pi).caseNumber())).extracting(e -> e.kind())
        .contains("EXTENSION_REFUSED");
  }

  @Test
  void reviewerRedactsSoTheReplyBecomesAPartialDisclosure() {
    ProcessInstance pi = route.registerWalkIn("某项目审批材料");
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE");
    assertThatThrownBy(() -> route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REDACT"))
        .hasMessageContaining("需删除");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REDACT", "redactions", "第3页个人身份信息",
        "withheldPart1", "第3页个人身份信息", "withheldGround1", "THIRD_PARTY_RIGHTS");
    route.deliver(pi, LocalDate.of(2026, 3, 2));
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.PARTIAL);
  }

  @Test
  void reviewerRefusesWithAGround() {
    ProcessInstance pi = route.registerWalkIn("某会议纪要");
    route.acceptFor(pi, "office");
    route.propose(pi, "PARTIAL", "withheldPart1", "第2页讨论意见", "withheldGround1", "PROCESS_INFO");
    assertThat(pi).isWaitingAt("Task_ConfidentialityReview");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REFUSE", "reviewGround", "PROCESS_INFO");
    assertThat(pi).isWaitingAt("Task_RecordDelivery");
    CaseRecord c = route.caseOf(pi);
    assertThat(c.outcome()).isEqualTo(Outcome.WITHHOLD);
    assertThat(c.withholdingGround()).isEqualTo(WithholdingGround.PROCESS_INFO);
  }

  @Test
  void reviewerReturnsTheCaseToTheDepartment() {
    ProcessInstance pi = route.registerWalkIn("某规划图");
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "RETURN", "reviewNote", "请补充来源说明");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.IN_HANDLING);
    route.propose(pi, "NOT_EXIST");
    assertThat(pi).isWaitingAt("Task_RecordDelivery");
  }

  @Test
  void withholdingWithoutAGroundIsRefused() {
    ProcessInstance pi = route.registerWalkIn("某文件");
    route.acceptFor(pi, "office");
    assertThatThrownBy(() -> route.propose(pi, "WITHHOLD")).hasMessageContaining("不予公开理由");
    assertThatThrownBy(() -> route.propose(pi, "ABANDONED_NO_CORRECTION")).hasMessageContaining("拟答复类型");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void unreasonablyManyRequestsIsNoChoiceWithoutTheArticle35Step() {
    // Art. 35: the agency must first ask the applicant for reasons; the route has no such step yet,
    // so neither reception nor the department may answer "无正当理由大量反复申请" directly
    ProcessInstance pi = route.registerWalkIn("本局近二十年全部文件");
    assertThatThrownBy(() -> route.complete(pi, "Task_CheckCompleteness", "completeness", "NOT_OGI",
        "nonOgiOutcome", "EXCESSIVE", "replyNote", "申请过多")).hasMessageContaining("第三十五条");
    route.acceptFor(pi, "office");
    assertThatThrownBy(() -> route.propose(pi, "EXCESSIVE")).hasMessageContaining("第三十五条");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void withdrawalEndsTheCaseBeforeTheReply() {
    ProcessInstance pi = route.registerWalkIn("某文件");
    route.acceptFor(pi, "office");
    engine.getRuntimeService().createMessageCorrelation("ApplicationWithdrawn").processInstanceId(pi.getId())
        .setVariable("withdrawalNote", "申请人电话撤回").correlate();
    assertThat(pi).isEnded().hasPassed("Event_Withdrawn", "Task_CloseWithdrawn", "End_Withdrawn");
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.OTHER);
  }

  @Test
  void remindersAndTheEscalationFollowTheDueDateAndEscalateOnce() {
    ProcessInstance pi = route.registerWalkIn("某文件");
    route.acceptFor(pi, "office");
    // 5 and 1 working days before 03-30, and on the due date
    assertThat(route.timers(pi, "Timer_FirstReminder").get(0).getDuedate()).isEqualTo(instant("2026-03-23T09:00"));
    assertThat(route.timers(pi, "Timer_FinalReminder").get(0).getDuedate()).isEqualTo(instant("2026-03-27T09:00"));

    at("2026-03-23T09:01");
    route.fire(pi, "Timer_FirstReminder");
    route.fire(pi, "Task_SendReminder"); // the async reminder step
    at("2026-03-27T09:01");
    route.fire(pi, "Timer_FinalReminder");
    route.fire(pi, "Task_SendReminder");
    assertThat(pi).hasPassed("End_ReminderSent");
    assertThat(register.timeline("default", pi.getBusinessKey())).filteredOn(e -> e.kind().equals("REMINDER"))
        .hasSize(2);

    at("2026-03-30T09:01");
    route.fire(pi, "Timer_ReplyDeadline");
    assertThat(pi).isWaitingAt("Task_HandleRequest", "Task_SuperviseOverdueCase");
    // taken up by the end of the next working day (Monday 03-30 → Tuesday 03-31)
    assertThat(route.task(pi, "Task_SuperviseOverdueCase")).hasCandidateGroup("supervisors")
        .hasDueDate(instant("2026-03-31T18:00"));
    // the timer is gone: however the date moves now, there is no second escalation
    assertThat(route.timers(pi, "Timer_ReplyDeadline")).isEmpty();
    // the escalation does not hide the department's step from supervision
    assertThat(route.caseOf(pi).currentTask()).isEqualTo("办理申请并拟定答复");
    route.complete(pi, "Task_SuperviseOverdueCase", "supervisionNote", "请于明日前答复");
    assertThat(pi).hasPassed("End_Supervised").isWaitingAt("Task_HandleRequest");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_SuperviseOverdueCase").count()).isZero();
  }

  @Test
  void aReminderWhoseDayHadPassedAtRegistrationIsNotSent() {
    // Given a letter received 03-02 (due 03-30) registered only on 03-25, three working days before the due date
    at("2026-03-25T10:00");
    ProcessInstance pi = route.registerLateWalkIn("某文件", LocalDate.of(2026, 3, 2), "信函上月签收，今日由收发室转来");
    route.acceptFor(pi, "office");
    // When the first reminder's timer (its day, 03-23, already gone) fires at once
    route.fire(pi, "Timer_FirstReminder");
    route.fire(pi, "Task_SendReminder");
    // Then no reminder for a date gone by; the final one on its day still goes out
    assertThat(register.timeline("default", pi.getBusinessKey())).noneMatch(e -> e.kind().equals("REMINDER"));
    at("2026-03-27T09:01");
    route.fire(pi, "Timer_FinalReminder");
    route.fire(pi, "Task_SendReminder");
    assertThat(register.timeline("default", pi.getBusinessKey())).filteredOn(e -> e.kind().equals("REMINDER"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("剩余 1 个工作日"));
  }

  @Test
  void receptionIsRemindedBeforeTheSupplementNoticeLimit() {
    ProcessInstance pi = route.registerWalkIn("某文件");
    // 6 working days after 03-02 is 03-10; the notice is due by 03-11
    assertThat(route.timers(pi, "Timer_SupplementNoticeLimit").get(0).getDuedate()).isEqualTo(instant("2026-03-10T09:00"));
    assertThat(route.task(pi, "Task_CheckCompleteness")).hasDueDate(instant("2026-03-11T18:00"));
    at("2026-03-10T09:01");
    route.fire(pi, "Timer_SupplementNoticeLimit");
    route.fire(pi, "Task_RemindSupplementNotice");
    assertThat(pi).hasPassed("End_SupplementNoticeReminded").isWaitingAt("Task_CheckCompleteness");
    assertThat(register.timeline("default", pi.getBusinessKey())).extracting(e -> e.kind()).contains("REMINDER");
  }

  @Test
  void aFeeStopsTheClockUntilItIsPaid() {
    ProcessInstance pi = route.registerWalkIn("近十年全部会议纪要");
    route.acceptFor(pi, "office");
    assertThatThrownBy(() -> route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE",
        "feeMethod", "PER_PAGE", "feeUnits", 10)).hasMessageContaining("免费");
    at("2026-03-04T10:00");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 150);
    assertThat(pi).hasPassed("Task_IssueFeeNotice").isWaitingAt("Task_DeliverFeeNotice");
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.AWAITING_FEE);
    // the applicant collects the notice on 03-04: 20 working days to pay from the day after, to 04-01
    route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "PICKUP", "feeNoticeReceivedOn", "2026-03-04");
    assertThat(pi).isWaitingAt("Task_RecordFeePayment");
    assertThat(route.task(pi, "Task_RecordFeePayment")).hasDueDate(instant("2026-04-01T18:00"))
        .hasCandidateGroup("reception");
    assertThat(route.timers(pi, "Timer_FeePaymentPeriodEnds").get(0).getDuedate()).isEqualTo(instant("2026-04-02T00:00"));

    at("2026-03-11T10:00");
    assertThatThrownBy(() -> route.complete(pi, "Task_RecordFeePayment", "feePaidOn", "2026-03-12"))
        .hasMessageContaining("不能晚于今天");
    route.complete(pi, "Task_RecordFeePayment", "feePaidOn", "2026-03-11");
    assertThat(pi).hasPassed("Task_RecordFeePaid").isWaitingAt("Task_HandleRequest");
    // paused 03-05…03-11 = 5 working days: 03-30 → 04-07
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.IN_HANDLING);
    assertThat(register.pauses("default", pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(PauseReason.FEE_PAYMENT));
  }

  @Test
  void anUnpaidFeeEndsTheCase() {
    ProcessInstance pi = route.registerWalkIn("近十年全部会议纪要");
    route.acceptFor(pi, "office");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 250);
    route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "PICKUP", "feeNoticeReceivedOn", "2026-03-02");
    at("2026-03-31T00:01");
    route.fire(pi, "Timer_FeePaymentPeriodEnds");
    assertThat(pi).isWaitingAt("Task_ConfirmFeeUnpaid");
    route.complete(pi, "Task_ConfirmFeeUnpaid", "lapseDecision", "CONFIRM");
    assertThat(pi).isEnded().hasPassed("End_FeeUnpaid", "Event_FeeUnpaid", "Task_CloseFeeUnpaid", "End_FeeUnpaidClosed");
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.ABANDONED_FEE_UNPAID);
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
    assertClosingLetter(route.caseOf(pi), "逾期未缴纳信息处理费", "国办函〔2020〕109号");
  }

  @Test
  void aJustifiedDelayReopensTheFeePaymentPeriod() {
    ProcessInstance pi = route.registerWalkIn("近十年全部会议纪要");
    route.acceptFor(pi, "office");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 250);
    route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "PICKUP", "feeNoticeReceivedOn", "2026-03-02");
    at("2026-03-31T00:01");
    route.fire(pi, "Timer_FeePaymentPeriodEnds");
    at("2026-03-31T09:00");
    route.complete(pi, "Task_ConfirmFeeUnpaid", "lapseDecision", "JUSTIFIED", "justifiedReason", "银行系统故障未能汇款");
    assertThat(pi).hasPassed("Task_ReopenFeePaymentPeriod").isWaitingAt("Task_RecordFeePayment");
    // a new period of 20 working days from 03-31: 04-29
    assertThat(route.timers(pi, "Timer_FeePaymentPeriodEnds").get(0).getDuedate()).isEqualTo(instant("2026-04-30T00:00"));
    assertThat(route.caseOf(pi).status()).isEqualTo(CaseStatus.AWAITING_FEE);
    assertThat(register.timeline("default", pi.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("JUSTIFIED_DELAY");
      assertThat(e.detail()).contains("银行系统故障");
    });
    at("2026-04-02T10:00");
    route.complete(pi, "Task_RecordFeePayment", "feePaidOn", "2026-04-02");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void thePaymentPeriodRunsFromTheApplicantsReceiptOfTheFeeNotice() {
    ProcessInstance pi = route.registerWalkIn("近十年全部会议纪要");
    route.acceptFor(pi, "office");
    at("2026-03-04T10:00");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 150);
    // the notice says the period runs from the day after the applicant receives it, and prints no date yet
    String notice = letters.html(letters.latest("default", pi.getBusinessKey(),
        org.disclosuredesk.letters.LetterType.FEE_NOTICE).orElseThrow());
    assertThat(notice).contains("收到本通知次日起20个工作日内").doesNotContain("2026年4月1日");
    // the receipt date is checked: not before the notice, not in the future
    at("2026-03-09T10:00");
    assertThatThrownBy(() -> route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "EMAIL",
        "feeNoticeReceivedOn", "2026-03-03")).hasMessageContaining("不能早于");
    assertThatThrownBy(() -> route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "EMAIL",
        "feeNoticeReceivedOn", "2026-03-10")).hasMessageContaining("不能晚于今天");
    // confirmed by e-mail on Saturday 03-07: received on the next working day, Monday 03-09 (Art. 31 rule)
    route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "EMAIL", "feeNoticeReceivedOn", "2026-03-07");
    // 20 working days from the day after 03-09: 04-07 (Qingming 04-04…04-06 not counted)
    assertThat(route.task(pi, "Task_RecordFeePayment")).hasDueDate(instant("2026-04-07T18:00"));
    assertThat(route.timers(pi, "Timer_FeePaymentPeriodEnds").get(0).getDuedate()).isEqualTo(instant("2026-04-08T00:00"));
    assertThat(register.timeline("default", pi.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("FEE_NOTICE_RECEIVED");
      assertThat(e.detail()).contains("2026-03-09", "2026-04-07");
    });
  }

  @Test
  void oneFeePerApplication() {
    ProcessInstance pi = route.registerWalkIn("近十年全部会议纪要");
    route.acceptFor(pi, "office");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 150);
    route.complete(pi, "Task_DeliverFeeNotice", "feeNoticeDelivery", "PICKUP", "feeNoticeReceivedOn", "2026-03-02");
    route.complete(pi, "Task_RecordFeePayment", "feePaidOn", "2026-03-02");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    // a second fee after the first was paid is refused
    assertThatThrownBy(() -> route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE",
        "feeMethod", "PER_CASE", "feeUnits", 40)).hasMessageContaining("只能收取一次");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void noFeeOnApplicationsReceivedBefore2021() {
    ProcessInstance pi = route.registerLateWalkIn("2020年全部会议纪要", LocalDate.of(2020, 12, 31),
        "2020年的信函，今日补登");
    route.acceptFor(pi, "office");
    assertThatThrownBy(() -> route.complete(pi, "Task_HandleRequest", "handlingAction", "CHARGE_FEE",
        "feeMethod", "PER_PAGE", "feeUnits", 250)).hasMessageContaining("2021年1月1日");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }
}
