package org.disclosuredesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 12, "Done when": every task form of the route, opened in Tasklist and submitted empty, shows
 * no English — form-js's own messages, "Select" and the date picker included (translated by the
 * tasklist's custom script). The date picker starts its weeks on Monday. Cases are driven to each
 * task through the services; admin opens each task by its link.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class TasklistChineseFormsBrowserIT {

  private static final Path SHOTS = Paths.get("target", "screenshots", "tasklist-chinese");
  /** Latin words that may stand on a Chinese screen: product names, the case-number prefix, the time zone. */
  private static final Set<String> ALLOWED = Set.of("PDF", "Cockpit", "Camunda", "Platform", "Tasklist", "GK", "Asia",
      "Shanghai", "v7");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort
  int port;

  @Autowired
  RouteTestSupport route;

  @Autowired
  TaskService tasks;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    Chromium.close(browser, playwright);
  }

  @Test
  void everyTaskFormSubmittedEmptyShowsNoEnglish() {
    Map<String, Task> forms = tasksForEveryForm();
    try (Tasklist admin = Tasklist.login(browser, "http://localhost:" + port, "admin", SHOTS)) {
      Page page = admin.page();
      Map<String, Set<String>> english = new LinkedHashMap<>();
      for (Map.Entry<String, Task> e : forms.entrySet()) {
        Task task = e.getValue();
        tasks.setAssignee(task.getId(), "admin");
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        page.locator("[cam-tasklist-task] h2.task").filter(new Locator.FilterOptions().setHasText(task.getName()))
            .first().waitFor();
        page.locator("[cam-tasklist-task] .fjs-form").waitFor();
        admin.dismissNotifications();
        page.locator(Tasklist.COMPLETE_BUTTON).click();
        // form-js refuses the empty form in the browser, or the engine refuses it (a Tasklist notification)
        page.locator(".fjs-form-field-error:visible, .page-notifications .alert-danger").first().waitFor();
        // the script translates as the errors appear; wait until no form-js English is left
        page.waitForFunction("() => !/Field (is|must)/.test(document.body.innerText)");
        admin.screenshot(e.getKey());
        Set<String> words = englishWords(page.locator("body").innerText());
        if (!words.isEmpty()) {
          english.put(e.getKey(), words);
        }
        assertThat(page.locator("[cam-tasklist-task]").innerText()).doesNotContain("Select");
        Locator letterLinks = page.locator("[cam-tasklist-task] .fjs-form a[href*='/letters/']");
        for (int i = 0; i < letterLinks.count(); i++) { // letters open in a new tab, the form stays
          assertThat(letterLinks.nth(i).getAttribute("target")).isEqualTo("_blank");
        }
        if (e.getKey().equals("confidentiality-review")) { // the reviewer reads the officer's 办理说明
          assertThat(page.locator("[cam-tasklist-task]").innerText()).contains("承办人办理说明", "已向档案室调取原件核对");
        }
        tasks.setAssignee(task.getId(), null);
      }
      assertThat(english).as("English words on the forms").isEmpty();
      datePickerIsChineseWithMondayFirst(page, forms.get("delivery").getId());
    }
  }

  private void datePickerIsChineseWithMondayFirst(Page page, String taskId) {
    tasks.setAssignee(taskId, "admin");
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    page.locator("[cam-tasklist-task] .fjs-form").waitFor();
    page.locator(".fjs-form input[placeholder='yyyy/mm/dd']").first().click();
    Locator calendar = page.locator(".flatpickr-calendar.open");
    calendar.waitFor();
    assertThat(calendar.locator(".flatpickr-weekday").first().innerText().trim()).isEqualTo("一");
    assertThat(englishWords(calendar.innerText())).isEmpty();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("date-picker.png")));
    // the task's tenant badge and the tooltip over it name the agency, not its code
    page.keyboard().press("Escape");
    Locator badge = page.locator("[cam-tasklist-task] .tenant-id").first();
    page.waitForFunction("() => { const b = document.querySelector('[cam-tasklist-task] .tenant-id');"
        + " return b && b.textContent.trim() !== 'default'; }");
    String agency = badge.innerText().trim();
    badge.hover();
    Locator tip = page.locator(".tooltip-inner");
    tip.first().waitFor();
    page.waitForFunction("() => document.querySelector('.tooltip-inner').textContent.trim() !== 'default'");
    assertThat(tip.first().innerText().trim()).isEqualTo(agency).isNotEqualTo("default");
  }

  /** One open task for each Camunda Form of the route (cases driven through the services). */
  private Map<String, Task> tasksForEveryForm() {
    Map<String, Task> forms = new LinkedHashMap<>();
    ProcessInstance check = route.registerWalkIn("本区2025年城市规划调整方案的批复文件");
    forms.put("completeness-check", route.task(check, "Task_CheckCompleteness"));

    ProcessInstance supplement = route.registerWalkIn("有关文件");
    route.complete(supplement, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明文件名称");
    forms.put("supplement", route.task(supplement, "Task_AwaitSupplement"));

    ProcessInstance handle = route.registerWalkIn("某路段改造工程的环评批复");
    route.acceptFor(handle, "planning");
    forms.put("handle-request", route.task(handle, "Task_HandleRequest"));

    ProcessInstance consult = route.registerWalkIn("某企业排污许可证及附件");
    route.acceptFor(consult, "planning");
    route.complete(consult, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "THIRD_PARTY",
        "consultationParty", "某某有限公司");
    forms.put("consultation-reply", route.task(consult, "Task_RecordConsultationReply"));

    ProcessInstance extension = route.registerWalkIn("近五年全部财政专项资金明细");
    route.acceptFor(extension, "finance");
    route.complete(extension, "Task_HandleRequest", "handlingAction", "REQUEST_EXTENSION", "extensionReason", "信息量大",
        "extensionDays", 20);
    forms.put("extension-approval", route.task(extension, "Task_ApproveExtension"));

    ProcessInstance fee = route.registerWalkIn("全部历年会议纪要复印件");
    route.acceptFor(fee, "office");
    route.complete(fee, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 150);
    forms.put("fee-notice-delivery", route.task(fee, "Task_DeliverFeeNotice"));
    ProcessInstance paying = route.registerWalkIn("历年全部会议纪要复印件");
    route.acceptFor(paying, "office");
    route.complete(paying, "Task_HandleRequest", "handlingAction", "CHARGE_FEE", "feeMethod", "PER_PAGE", "feeUnits", 150);
    route.complete(paying, "Task_DeliverFeeNotice", "feeNoticeDelivery", "PICKUP",
        "feeNoticeReceivedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    forms.put("fee-payment", route.task(paying, "Task_RecordFeePayment"));

    ProcessInstance lapse = route.registerWalkIn("相关材料");
    route.complete(lapse, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明");
    route.fire(lapse, "Timer_SupplementPeriodEnds");
    forms.put("lapse-decision", route.task(lapse, "Task_ConfirmNoSupplement"));

    ProcessInstance late = route.registerLateWalkIn("那个文件",
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(28), "信函上月签收，今日补登");
    route.complete(late, "Task_CheckCompleteness", "completeness", "LATE_SUPPLEMENT", "supplementItems", "请写明文件名称");
    forms.put("late-supplement-approval", route.task(late, "Task_ApproveLateSupplementNotice"));

    ProcessInstance objected = route.registerWalkIn("某企业环评报告");
    route.acceptFor(objected, "planning");
    route.complete(objected, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "THIRD_PARTY",
        "consultationParty", "某某化工有限公司");
    route.complete(objected, "Task_RecordConsultationReply", "consultationAnswer", "OBJECTION", "consultationNote",
        "涉及商业秘密", "consultationAnsweredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    route.propose(objected, "DISCLOSE");
    route.complete(objected, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    forms.put("public-interest-decision", route.task(objected, "Task_DecidePublicInterest"));

    ProcessInstance review = route.registerWalkIn("某项目审批材料");
    route.acceptFor(review, "planning");
    route.propose(review, "DISCLOSE", "handlingNote", "已向档案室调取原件核对");
    forms.put("confidentiality-review", route.task(review, "Task_ConfidentialityReview"));

    ProcessInstance delivery = route.registerWalkIn("某小区规划许可证");
    route.acceptFor(delivery, "planning");
    route.propose(delivery, "DISCLOSE");
    route.complete(delivery, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    forms.put("delivery", route.task(delivery, "Task_RecordDelivery"));

    ProcessInstance overdue = route.registerWalkIn("某道路拓宽工程征收补偿方案");
    route.acceptFor(overdue, "planning");
    route.fire(overdue, "Timer_ReplyDeadline");
    forms.put("supervise-overdue-case", route.task(overdue, "Task_SuperviseOverdueCase"));

    forms.forEach((form, task) -> assertThat(task).as(form).isNotNull());
    return forms;
  }

  static Set<String> englishWords(String text) {
    Set<String> words = new TreeSet<>();
    // e-mail addresses are the applicant's data, not the interface
    Matcher m = WORD.matcher(text.replaceAll("\\S+@\\S+", " "));
    while (m.find()) {
      if (!ALLOWED.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }
}
