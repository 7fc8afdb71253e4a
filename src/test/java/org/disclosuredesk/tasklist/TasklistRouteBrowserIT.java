package org.disclosuredesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.AgencyClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 2, "Done when", through the real Camunda Tasklist in Chinese: reception registers a walk-in with
 * the start form; the case travels task by task through officer-planning and reviewer back to reception
 * for delivery; the register shows it closed with its outcome. On the way, invalid data in a form keeps
 * the form (or task) open with a clear message and changes nothing. Every user works in a fresh browser
 * context; screenshots go to target/screenshots/.
 *
 * <p>Needs Debian's chromium ({@code apt-get install -y chromium fonts-noto-cjk}); without it the test
 * fails, it does not skip.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class TasklistRouteBrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final String PROCESS_NAME = "政府信息公开申请办理";
  private static final String VALID_RESIDENT_ID = "11010519491231002X";
  /** The same number with a wrong check digit. */
  private static final String WRONG_CHECK_DIGIT = "110105194912310021";

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  AgencyClock clock;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    Chromium.close(browser, playwright);
  }

  @Test
  void walkInRegisteredInTasklistTravelsTheRouteAndIsClosedWithItsOutcome() {
    String caseNumber = registerWalkIn();
    checkCompleteness(caseNumber);
    otherDepartmentsDoNotSeeTheCase(caseNumber);
    handleInPlanning(caseNumber);
    reviewConfidentiality(caseNumber);
    deliverReply(caseNumber);

    ResponseEntity<JsonNode> response = rest.withBasicAuth("reception", "reception")
        .getForEntity("/api/requests/{caseNumber}", JsonNode.class, caseNumber);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode kase = response.getBody();
    assertThat(kase.path("status").asText()).isEqualTo("CLOSED");
    assertThat(kase.path("outcome").asText()).isEqualTo("DISCLOSE");
    assertThat(kase.path("department").asText()).isEqualTo("planning");
    assertThat(kase.path("channel").asText()).isEqualTo("IN_PERSON");
    assertThat(timelineKinds(caseNumber)).containsSubsequence("REGISTERED", "COMPLETENESS_CHECKED", "REPLY_PROPOSED",
        "CONFIDENTIALITY_REVIEWED", "REPLIED", "CLOSED");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("disclosureRequest")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  /** reception: 启动流程 → the start form; a wrong ID check digit is refused and nothing is registered. */
  private String registerWalkIn() {
    try (Tasklist reception = login("reception")) {
      reception.screenshot("01-reception-logged-in");
      CamundaForm form = reception.openStartForm(PROCESS_NAME);
      assertThat(form.selected("申请方式")).isEqualTo("当面提交");
      assertThat(form.selected("申请人类型")).isEqualTo("自然人");
      form.fill("申请人姓名", "张三");
      form.fill("证件号码", WRONG_CHECK_DIGIT);
      form.fill("联系电话", "010-12345678");
      form.fill("所需政府信息", "本区2025年城市规划调整方案的批复文件");
      reception.screenshot("02-start-form-filled");

      Set<String> before = processInstances();
      reception.submitStartForm();
      Locator error = reception.startFormError();
      error.waitFor();
      reception.screenshot("03-start-form-wrong-id-refused");
      assertThat(error.innerText()).contains("请更正以下内容：").contains("证件号码");
      assertThat(form.root().isVisible()).as("the start form stays open").isTrue();
      assertThat(processInstances()).as("nothing registered").isEqualTo(before);

      form.fill("证件号码", VALID_RESIDENT_ID);
      reception.submitStartForm();
      reception.waitForStartDialogClosed();
      reception.screenshot("04-started");

      Set<String> started = processInstances();
      started.removeAll(before);
      assertThat(started).as("one new case").hasSize(1);
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.iterator().next())
          .singleResult();
      assertThat(instance.getBusinessKey()).as("the case number is the business key").isNotBlank();
      return instance.getBusinessKey();
    }
  }

  /**
   * reception: 接待室待办 → 审查申请是否完整 shows the case (templated summary and history); 需要补正 without
   * the items is refused (the task stays open, nothing changes); 申请内容完整 + 规划 completes it.
   */
  private void checkCompleteness(String caseNumber) {
    String taskId = task(caseNumber, "Task_CheckCompleteness").getId();
    try (Tasklist reception = login("reception")) {
      reception.openFilter("接待室待办");
      CamundaForm form = reception.openTask(taskId, "审查申请是否完整");
      String shown = form.root().innerText();
      assertThat(shown).contains("申请情况", "案件编号", caseNumber, "张三", "本区2025年城市规划调整方案的批复文件",
          "办理经过", "登记申请", "规划和自然资源科").doesNotContain("{{");
      // the routing table's proposal by the agency's name for it, not its code
      assertThat(shown).containsPattern("建议承办部门（分派规则）：\\s*规划和自然资源科");
      reception.screenshot("05-completeness-check-opened");

      reception.claim();
      List<String> timelineBefore = timelineKinds(caseNumber);
      form.choose("内容不明确，需要补正（7个工作日内一次性告知）");
      Locator refused = reception.completeExpectingError("请更正以下内容：");
      reception.screenshot("06-completeness-check-items-missing-refused");
      assertThat(refused.innerText()).contains("需补正的内容").contains("必须一次性列明需要补正的全部事项");
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
      assertThat(caseStatus(caseNumber)).as("nothing changed").isEqualTo("REGISTERED");
      assertThat(timelineKinds(caseNumber)).as("nothing recorded").isEqualTo(timelineBefore);
      reception.dismissNotifications(); // the message covers the lower part of the form

      form.choose("申请内容完整，予以受理");
      assertThat(form.selected("承办部门")).as("the routing table's proposal is preselected").isEqualTo("规划和自然资源科");
      form.select("承办部门", "规划和自然资源科");
      reception.screenshot("07-completeness-check-complete");
      reception.completeTask(taskId);
    }
  }

  /** officer-finance does not see the planning department's task, nor the case. */
  private void otherDepartmentsDoNotSeeTheCase(String caseNumber) {
    String taskId = task(caseNumber, "Task_HandleRequest").getId();
    try (Tasklist finance = login("officer-finance")) {
      finance.openFilter("本组任务");
      finance.screenshot("08-officer-finance-group-tasks");
      assertThat(finance.taskInList(taskId).count()).isZero();
    }
    assertThat(rest.withBasicAuth("officer-finance", "officer-finance")
        .getForEntity("/api/requests/{caseNumber}", String.class, caseNumber).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** officer-planning: 办理申请并拟定答复 → 拟定答复, 予以公开, the reply text. */
  private void handleInPlanning(String caseNumber) {
    String taskId = task(caseNumber, "Task_HandleRequest").getId();
    try (Tasklist officer = login("officer-planning")) {
      officer.openFilter("本组任务");
      CamundaForm form = officer.openTask(taskId, "办理申请并拟定答复");
      assertThat(form.root().innerText()).contains(caseNumber, "申请内容完整，予以受理", "交由规划和自然资源科办理");
      officer.claim();
      form.choose("拟定答复");
      form.select("拟答复类型", "予以公开（第三十六条第二项）");
      form.fill("答复要点", "同意公开。批复文件可于工作日到本机关政府信息公开受理窗口领取纸质件。");
      officer.screenshot("09-handling-reply-proposed");
      officer.completeTask(taskId);
    }
  }

  /** reviewer: 保密审查 sees the proposal → 同意按拟定意见公开. */
  private void reviewConfidentiality(String caseNumber) {
    String taskId = task(caseNumber, "Task_ConfidentialityReview").getId();
    try (Tasklist reviewer = login("reviewer")) {
      reviewer.openFilter("本组任务");
      CamundaForm form = reviewer.openTask(taskId, "保密审查");
      assertThat(form.root().innerText()).contains(caseNumber, "拟答复", "予以公开", "批复文件可于工作日");
      reviewer.claim();
      form.choose("同意按拟定意见公开");
      reviewer.screenshot("10-confidentiality-review-approved");
      reviewer.completeTask(taskId);
    }
  }

  /** reception: 送达答复; a delivery date in the future is refused by the server, today is accepted. */
  private void deliverReply(String caseNumber) {
    String taskId = task(caseNumber, "Task_RecordDelivery").getId();
    try (Tasklist reception = login("reception")) {
      reception.openFilter("接待室待办");
      CamundaForm form = reception.openTask(taskId, "送达答复");
      assertThat(form.root().innerText()).as("the reply was issued (Task_IssueReply) before delivery")
          .contains(caseNumber, "作出答复：予以公开");
      reception.claim();
      LocalDate today = clock.today();
      form.date("送达日期", today.plusDays(1));
      form.select("送达方式", "当面领取");
      Locator refused = reception.completeExpectingError("请更正以下内容：");
      reception.screenshot("11-delivery-future-date-refused");
      assertThat(refused.innerText()).contains("送达日期").contains("不能晚于今天");
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
      assertThat(caseStatus(caseNumber)).isNotEqualTo("CLOSED");

      form.date("送达日期", today); // the red notice left open, as a user leaves it
      reception.screenshot("12-delivery-today");
      reception.completeTaskAfterRefusal(taskId);
      reception.screenshot("13-delivered");
    }
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private Tasklist login(String user) {
    return Tasklist.login(browser, "http://localhost:" + port, user, SCREENSHOTS);
  }

  private Set<String> processInstances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("disclosureRequest").list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  /** The case's open task of that kind: the UI opens exactly this one from its filter's list. */
  private Task task(String caseNumber, String taskDefinitionKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(open).as("case %s waits at %s (open tasks: %s)", caseNumber, taskDefinitionKey,
        tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
            .map(Task::getTaskDefinitionKey).toList()).hasSize(1);
    return open.get(0);
  }

  private List<String> timelineKinds(String caseNumber) {
    List<String> kinds = new ArrayList<>();
    rest.withBasicAuth("reception", "reception").getForObject("/api/requests/{caseNumber}", JsonNode.class, caseNumber)
        .path("timeline").forEach(e -> kinds.add(e.path("kind").asText()));
    return kinds;
  }

  private String caseStatus(String caseNumber) {
    return rest.withBasicAuth("reception", "reception")
        .getForObject("/api/requests/{caseNumber}", JsonNode.class, caseNumber).path("status").asText();
  }
}
