package org.disclosuredesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reply's fields in the real Tasklist (issue 9 points 3, 7): a partial disclosure offers one
 * withheld-part row with its ground and the next row once it is filled; the reviewer sees the rows
 * the officer filled; 不属于本机关 asks for the responsible agency unless it cannot be determined.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class ReplyParticularsBrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired RouteTestSupport route;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

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
  void partialDisclosureOffersWithheldPartRowsThatTheReviewerSees() {
    ProcessInstance pi = route.registerWalkIn("某项目规划审批会议材料");
    route.acceptFor(pi, "planning");
    String taskId = taskId(pi, "Task_HandleRequest");
    try (Tasklist officer = Tasklist.login(browser, "http://localhost:" + port, "officer-planning", SCREENSHOTS)) {
      officer.openFilter("本组任务");
      CamundaForm form = officer.openTask(taskId, "办理申请并拟定答复");
      officer.claim();
      form.choose("拟定答复");

      // 部分公开: one row at first, the next once it is filled
      form.select("拟答复类型", "部分公开（第三十七条）");
      assertThat(form.field("不予公开的内容1").isVisible()).isTrue();
      assertThat(form.field("不予公开的内容2").count()).isZero();
      form.fill("不予公开的内容1", "第3页至第5页会议讨论记录");
      form.select("不予公开的理由1", "属于四类过程性信息");
      form.field("不予公开的内容2").waitFor();
      form.fill("答复要点", "其余内容予以公开。");
      officer.screenshot("reply-particulars-partial");
      officer.completeTask(taskId);
    }
    assertThat(taskId(pi, "Task_ConfidentialityReview")).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "withheldPart1")).isEqualTo("第3页至第5页会议讨论记录");
    assertThat(runtime.getVariable(pi.getId(), "withheldGround1")).isEqualTo("PROCESS_INFO");

    // the reviewer sees the officer's rows before deciding
    String reviewId = taskId(pi, "Task_ConfidentialityReview");
    try (Tasklist reviewer = Tasklist.login(browser, "http://localhost:" + port, "reviewer", SCREENSHOTS)) {
      reviewer.openFilter("本组任务");
      CamundaForm form = reviewer.openTask(reviewId, "保密审查");
      assertThat(form.field("不予公开的内容1").locator("input").inputValue()).isEqualTo("第3页至第5页会议讨论记录");
      assertThat(form.selected("不予公开的理由1")).isEqualTo("属于四类过程性信息");
      reviewer.screenshot("reply-particulars-review");
    }
  }

  @Test
  void notThisAgencyAsksForTheResponsibleAgencyUnlessItCannotBeDetermined() {
    ProcessInstance pi = route.registerWalkIn("某外省机关的文件");
    route.acceptFor(pi, "planning");
    String taskId = taskId(pi, "Task_HandleRequest");
    try (Tasklist officer = Tasklist.login(browser, "http://localhost:" + port, "officer-planning", SCREENSHOTS)) {
      officer.openFilter("本组任务");
      CamundaForm form = officer.openTask(taskId, "办理申请并拟定答复");
      officer.claim();
      form.choose("拟定答复");
      form.select("拟答复类型", "不属于本机关负责公开（第三十六条第五项）");
      assertThat(form.field("负责公开的机关").isVisible()).isTrue();
      assertThat(form.field("负责机关的联系方式").isVisible()).isTrue();
      officer.screenshot("reply-particulars-not-this-agency");
      form.field("无法确定负责公开该信息的机关").locator("input").check();
      form.field("负责机关的联系方式").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
      form.fill("答复要点", "经查，该文件由外省机关制作。");
      officer.completeTask(taskId);
    }
    assertThat(taskId(pi, "Task_RecordDelivery")).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "responsibleAgencyUnknown")).isEqualTo(true);
  }

  private String taskId(ProcessInstance pi, String key) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task.getId();
  }
}
