package org.disclosuredesk.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.tasklist.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 12, "Done when": reception registers a walk-in at the desk, is refused for a wrong ID number (the
 * error beside the field, everything else still filled, nothing registered), corrects it, gets the case
 * number and the printable receipt (one A4 page for a long description); finds the case by the
 * applicant's phone number; once the reply is issued (driven through the services) records the delivery
 * at the desk, which completes Task_RecordDelivery under reception's identity. Screenshots go to
 * target/screenshots/desk and, for the README, docs/.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class DeskBrowserIT {

  private static final Path SHOTS = Paths.get("target", "screenshots", "desk");
  private static final Path DOCS = Paths.get("docs");
  private static final String VALID_ID = "11010519491231002X";
  private static final String WRONG_CHECK_DIGIT = "110105194912310021";
  /** Long enough to need care on the one-page receipt. */
  private static final String DESCRIPTION = "本区2025年度老旧小区改造项目的立项批复、资金安排及验收文件，"
      + "包括但不限于各街道上报的改造清单、区发展改革委的批复文号、财政资金拨付明细和竣工验收意见。".repeat(20);

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort
  int port;

  @Autowired
  RouteTestSupport route;

  @Autowired
  CaseRegister register;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcClient jdbc;

  private Page page;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(SHOTS);
    Files.createDirectories(DOCS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    Chromium.close(browser, playwright);
  }

  @Test
  void walkInRegisteredAtTheDeskIsFoundByPhoneAndDeliveredThere() throws Exception {
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900))) {
      page = context.newPage();
      page.setDefaultTimeout(20_000);
      signIn("reception");

      String caseNumber = registerWalkIn();
      checkReceipt(caseNumber);
      findByPhone(caseNumber);

      // Given the case travels to its reply through the services (as officers and the reviewer would)
      ProcessInstance pi = route.instanceOf(caseNumber);
      route.acceptFor(pi, "planning");
      route.propose(pi, "DISCLOSE");
      route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
      Task delivery = route.task(pi, "Task_RecordDelivery");
      assertThat(delivery).as("the reply waits for delivery").isNotNull();

      recordDelivery(caseNumber, delivery.getId());
    }
  }

  private void signIn(String user) {
    page.navigate(url("/desk/"));
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill(user);
    page.locator("button[type=submit]").click();
    page.locator("#nav-register").waitFor();
  }

  private String registerWalkIn() throws Exception {
    page.locator("#nav-register").click();
    page.locator("#register-form").waitFor();
    page.locator("#applicantName").fill("李四");
    page.locator("#idNumber").fill(WRONG_CHECK_DIGIT);
    page.locator("#phone").fill("021-5555 1234");
    page.locator("#address").fill("示例市人民路100号");
    page.locator("#description").fill(DESCRIPTION);
    long casesBefore = caseCount();

    // When the wrong check digit is sent, the error stands beside the ID field, scrolled into view
    page.locator("#register-button").click();
    Locator idError = page.locator(".field[data-field='applicant.idNumber'] .field-error");
    assertThat(idError).containsText("居民身份证号码无效");
    assertThat(idError).isInViewport();
    assertThat(page.locator(".field.invalid")).hasCount(1);
    assertThat(page.locator("#applicantName")).hasValue("李四");
    assertThat(page.locator("#phone")).hasValue("021-5555 1234");
    assertThat(page.locator("#description")).hasValue(DESCRIPTION);
    assertThat(caseCount()).as("nothing registered").isEqualTo(casesBefore);
    shot("1-register-wrong-id", true);

    // and a reload loses nothing: the draft is kept in the browser
    page.reload();
    assertThat(page.locator("#applicantName")).hasValue("李四");
    assertThat(page.locator("#idNumber")).hasValue(WRONG_CHECK_DIGIT);

    // When corrected, the case number and due date stand in large type with the receipt ready to print
    page.locator("#idNumber").fill(VALID_ID);
    page.locator("#register-button").click();
    assertThat(page.locator("#registered")).isVisible();
    Locator number = page.locator("#registered-case-number");
    assertThat(number).hasText(java.util.regex.Pattern.compile("GK-\\d{4}-\\d{5}"));
    String caseNumber = number.innerText().trim();
    assertThat(caseCount()).isEqualTo(casesBefore + 1);
    assertThat(page.locator("#registered-due-on")).hasText(register.get("default", caseNumber).dueOn().toString());
    FrameLocator receipt = page.frameLocator("#receipt-frame");
    assertThat(receipt.locator("h1")).hasText("申请接收回执");
    assertThat(receipt.locator("body")).containsText(caseNumber);
    assertThat(receipt.locator("#print-letter")).hasText("打印");
    assertThat(receipt.locator("#download-pdf")).hasText("下载 PDF");
    shot("2-registered-receipt", false);
    Files.copy(SHOTS.resolve("2-registered-receipt.png"), DOCS.resolve("desk-receipt.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(SHOTS.resolve("1-register-wrong-id.png"), DOCS.resolve("desk-register.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // and the draft is gone: the next applicant starts with an empty form
    page.navigate(url("/desk/register"));
    assertThat(page.locator("#applicantName")).hasValue("");
    return caseNumber;
  }

  /** The receipt prints on one A4 page even for a long description, and its text is the applicant's. */
  private void checkReceipt(String caseNumber) throws Exception {
    APIResponse pdf = page.request().get(url("/desk/cases/" + caseNumber + "/receipt?format=pdf"));
    assertThat(pdf.status()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(doc.getNumberOfPages()).as("one A4 page").isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(caseNumber, "李四").doesNotContain("#");
    }
  }

  private void findByPhone(String caseNumber) {
    page.locator("#nav-find").click();
    page.locator("#q").fill("55551234"); // as the caller says it, without the separators
    page.locator("#search-form button[type=submit]").click();
    Locator row = page.locator("#hits tbody tr").filter(new Locator.FilterOptions().setHasText(caseNumber));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("李四");
    assertThat(row.locator("td.masked")).hasText("110105********002X");
    assertThat(row).not().containsText(VALID_ID);
    assertThat(row).containsText("已登记");
    shot("3-search-by-phone", false);
    try {
      Files.copy(SHOTS.resolve("3-search-by-phone.png"), DOCS.resolve("desk-search.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    row.locator("a").first().click();
    assertThat(page.locator("#case-number")).hasText(caseNumber);
  }

  private void recordDelivery(String caseNumber, String taskId) {
    // Today's queue lists the reply to deliver, linking to the Tasklist task and to the case
    page.locator("#nav-today").click();
    Locator item = page.locator("#queue-deliveries tbody tr").filter(new Locator.FilterOptions().setHasText(caseNumber));
    assertThat(item).hasCount(1);
    assertThat(item.locator("a[href*='task=" + taskId + "']")).hasCount(1);
    shot("4-today", true);
    item.locator("a[href='/desk/cases/" + caseNumber + "']").first().click();

    // When reception records the delivery on the case page
    page.locator("#delivery-form select[name=deliveryMethod]").selectOption("PICKUP");
    page.locator("#delivery-form input[name=deliveryNote]").fill("申请人当场签收");
    page.locator("#record-delivery").click();
    assertThat(page.locator("#flash-ok")).containsText("已登记送达");

    // Then the task was completed under reception's identity and the case is closed
    assertThat(register.get("default", caseNumber).status()).isEqualTo(CaseStatus.CLOSED);
    UserOperationLogEntry completed = history.createUserOperationLogQuery().taskId(taskId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    assertThat(completed).isNotNull();
    assertThat(completed.getUserId()).isEqualTo("reception");
    assertThat(page.locator("#timeline")).containsText("办结");
    shot("5-delivered", true);
  }

  private long caseCount() {
    return jdbc.sql("select count(*) from dd_case").query(Long.class).single();
  }

  private void shot(String name, boolean fullPage) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(fullPage));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
