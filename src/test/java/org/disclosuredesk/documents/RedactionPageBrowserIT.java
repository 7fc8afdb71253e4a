package org.disclosuredesk.documents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.tasklist.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 13, the redaction page: the planning department's officer uploads a PDF with a resident ID number
 * and a name on the case's documents page, sees the ID proposed, accepts it, rejects the other proposals,
 * draws one area over the name by hand with its ground, saves the plan and has it burnt in. The burnt-in
 * version's text has neither the ID nor the name; the original is unchanged in the store; the reviewer
 * (not reviewing this case) is not shown the case. Screenshot for the README into docs/.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class RedactionPageBrowserIT {

  private static final Path SHOTS = Paths.get("target", "screenshots", "documents");
  private static final Path DOCS = Paths.get("docs");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.disclosuredesk.casefile.CaseRegister register;
  @Autowired DocumentStore store;
  @Autowired RouteTestSupport route;
  @Autowired DocumentReview review;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.disclosuredesk.notify.Notifications notifications;
  @Autowired org.disclosuredesk.notify.MailDrainer drainer;
  @Autowired org.disclosuredesk.letters.Letters letters;

  private static final int SMTP_PORT = org.disclosuredesk.support.TestSmtp.freePort();
  private final com.icegreen.greenmail.util.GreenMail smtp = org.disclosuredesk.support.TestSmtp.server(SMTP_PORT);

  @org.springframework.test.context.DynamicPropertySource
  static void mail(org.springframework.test.context.DynamicPropertyRegistry registry) {
    org.disclosuredesk.support.TestSmtp.register(registry, SMTP_PORT);
  }

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

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    smtp.stop();
  }

  @Test
  void officerUploadsAcceptsTheProposedIdDrawsAnAreaAndTheBurntVersionHidesBoth() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    String caseNumber = new ApiClient(port).post("reception", "/api/requests", RequestJson.WALK_IN)
        .json().path("caseNumber").asText();
    org.camunda.bpm.engine.runtime.ProcessInstance pi = route.instanceOf(caseNumber);
    route.acceptFor(pi, "planning");
    byte[] original = TestPdfs.withPersonalData(2);
    List<String> consoleErrors = new ArrayList<>();

    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1400, 1000))) {
      Page page = context.newPage();
      page.setDefaultTimeout(30_000);
      page.onConsoleMessage(m -> {
        if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
          consoleErrors.add(m.text());
        }
      });
      page.onResponse(r -> {
        if (r.status() >= 400 && (r.url().contains("/documents/") || r.url().contains("/webjars/"))) {
          consoleErrors.add(r.status() + " " + r.url());
        }
      });
      signIn(page, "officer-planning");

      // Given the officer uploads the responsive document on the case's documents page
      page.navigate(url("/documents/" + caseNumber));
      page.locator("#file").setInputFiles(new FilePayload("批复.pdf", "application/pdf", original));
      page.locator("#upload button[type=submit]").click();
      assertThat(page.locator("#message")).containsText("已上传");
      page.locator("a.redact-link").first().click();

      // When the redaction page shows the PDF and the proposals
      Locator main = page.locator("#redaction[data-ready=true]");
      main.waitFor();
      assertThat(page.locator("#redaction")).hasAttribute("data-rendered", "2");
      assertThat(page.locator(".page[data-page='1'] canvas")).isVisible();
      Locator idProposal = page.locator("#proposals li[data-kind=RESIDENT_ID]");
      assertThat(idProposal).containsText("居民身份证号码");
      assertThat(idProposal).containsText("第十五条");
      idProposal.locator("button.accept").click();
      while (page.locator("#proposals li.proposal-item").count() > 0) {
        page.locator("#proposals li.proposal-item button.reject").first().click();
      }

      // and the officer draws one area over the name (baseline 700 pt from the bottom, from x = 72 pt)
      page.locator("#ground").selectOption("THIRD_PARTY_RIGHTS");
      page.locator("#label").fill("个人隐私");
      BoundingBox box = page.locator(".page[data-page='1']").boundingBox();
      double scale = box.width / 595.28;
      double top = (TestPdfs.PAGE_HEIGHT - TestPdfs.NAME_BASELINE - 14) * scale;
      double bottom = (TestPdfs.PAGE_HEIGHT - TestPdfs.NAME_BASELINE + 5) * scale;
      page.mouse().move(box.x + 66 * scale, box.y + top);
      page.mouse().down();
      page.mouse().move(box.x + 120 * scale, box.y + (top + bottom) / 2);
      page.mouse().move(box.x + 170 * scale, box.y + bottom);
      page.mouse().up();
      assertThat(page.locator("#areas li.area-item")).hasCount(2);
      assertThat(page.locator(".page[data-page='1'] .box.area")).hasCount(2);
      page.locator("#save-plan").click();
      assertThat(page.locator("#message")).containsText("遮盖标注已保存（2 处）");
      page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("redaction-page.png")));

      // Then the burnt-in version is made and listed
      page.locator("#burn").click();
      assertThat(page.locator("#message")).containsText("已生成遮盖处理后的版本");
      assertThat(page.locator("#versions a.version-link")).hasCount(1);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("2-burnt.png")).setFullPage(true));
    }

    // When the proposal goes to the confidentiality reviewer, who releases the redacted version on the documents page
    route.propose(pi, "DISCLOSE");
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1400, 1000))) {
      Page page = context.newPage();
      page.setDefaultTimeout(30_000);
      signIn(page, "reviewer");
      page.navigate(url("/documents/" + caseNumber));
      Locator row = page.locator("tr[data-kind=RESPONSIVE]");
      assertThat(row.locator(".decision")).hasText("未审定");
      row.locator("button.release-redacted").click();
      assertThat(page.locator("tr[data-kind=RESPONSIVE] .decision")).containsText("公开遮盖处理后的版本");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("3-reviewed.png")).setFullPage(true));
      // the cover sheet for pickup or post lists only the released version
      page.navigate(url("/documents/" + caseNumber + "/files/release-sheet"));
      assertThat(page.locator(".case-number")).containsText(caseNumber);
      assertThat(page.locator("tbody tr")).hasCount(1);
      assertThat(page.locator("tbody tr")).containsText("批复（遮盖处理后）.pdf");
      assertThat(page.locator("tbody tr")).containsText("遮盖处理后的版本");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("4-release-sheet.png")));
      page.navigate(url("/documents/" + caseNumber));
      // during the review the reviewer may change the department's areas (issue 13): the page is editable
      page.locator("tr[data-kind=RESPONSIVE] a.redact-link").click();
      page.locator("#redaction[data-ready=true]").waitFor();
      assertThat(page.locator("body.read-only")).hasCount(0);
      assertThat(page.locator("#areas li.area-item")).hasCount(2);
      assertThat(page.locator("#areas li.area-item select").first()).isEnabled();
      assertThat(page.locator("#burn")).isVisible();
    }
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    // Then the outcome follows from the documents: redacted → partial, the withheld parts named with their ground
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("outcome")
        .singleResult().getValue()).isEqualTo("PARTIAL");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("withheldPart1").singleResult().getValue()).isEqualTo("《批复.pdf》中遮盖的 2 处内容");
    List<DocumentReview.Released> releases = review.released("default", caseNumber);
    assertThat(releases).hasSize(1);
    assertThat(releases.get(0).redacted()).isTrue();
    assertThat(releases.get(0).version().kind()).isEqualTo(DocumentKind.REDACTED);

    // and the applicant's reply mail carries the released (burnt-in) PDF, never the original
    smtp.start();
    org.disclosuredesk.letters.IssuedLetter reply = letters.list("default", caseNumber).stream()
        .filter(l -> l.type() == org.disclosuredesk.letters.LetterType.REPLY).findFirst().orElseThrow();
    notifications.queueToApplicant("default", caseNumber, org.disclosuredesk.notify.MailKind.REPLY, reply.id());
    drainer.drain(); // the outbox drainer sends it now rather than on its schedule
    List<String> attachmentNames = new ArrayList<>();
    byte[] mailedPdf = null;
    StringBuilder replyText = new StringBuilder();
    for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
      if (!(m.getContent() instanceof jakarta.mail.Multipart parts)) {
        continue;
      }
      for (int i = 0; i < parts.getCount(); i++) {
        jakarta.mail.BodyPart part = parts.getBodyPart(i);
        if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
          String name = jakarta.mail.internet.MimeUtility.decodeText(part.getFileName());
          attachmentNames.add(name);
          if (name.startsWith("政府信息公开申请答复书")) {
            try (InputStream in = part.getInputStream(); PDDocument letter = Loader.loadPDF(in.readAllBytes())) {
              replyText.append(new PDFTextStripper().getText(letter).replaceAll("\\s+", ""));
            }
          }
          if (name.contains("遮盖处理后")) {
            try (InputStream in = part.getInputStream()) {
              mailedPdf = in.readAllBytes();
            }
          }
        }
      }
    }
    assertThat(attachmentNames).contains("批复（遮盖处理后）.pdf").doesNotContain("批复.pdf");
    // the reply letter lists the released document and the withheld part with its ground
    assertThat(replyText.toString()).contains("下列内容依法不予公开", "《批复（遮盖处理后）.pdf》（遮盖处理后的版本）",
        "《批复.pdf》中遮盖的2处内容", "保护第三方合法权益");
    try (PDDocument mailed = Loader.loadPDF(mailedPdf)) {
      String text = new PDFTextStripper().getText(mailed);
      assertThat(text).doesNotContain(TestPdfs.ID).doesNotContain("Wang").doesNotContain("Xiaoming");
    }
    assertThat(jdbc.sql("select count(*) from dd_case_event where case_number = ? and kind = 'RELEASED'")
        .param(caseNumber).query(Integer.class).single()).isPositive();

    // the plan is kept apart from the result, with both grounds
    String plan = jdbc.sql("select p.areas_json from dd_redaction_plan p join dd_document d on d.id = p.document_id"
        + " where d.case_number = ?").param(caseNumber).query(String.class).single();
    assertThat(plan).contains("THIRD_PARTY_RIGHTS").contains("个人隐私").contains("\"unit\":\"fraction\"");
    // the released PDF's text has neither the ID nor the name; the original is unchanged in the store
    String redactedSha = jdbc.sql("select sha256 from dd_document where case_number = ? and kind = 'REDACTED'")
        .param(caseNumber).query(String.class).single();
    String originalSha = jdbc.sql("select sha256 from dd_document where case_number = ? and kind = 'RESPONSIVE'")
        .param(caseNumber).query(String.class).single();
    try (InputStream in = store.open(redactedSha); PDDocument released = Loader.loadPDF(in.readAllBytes())) {
      String text = new PDFTextStripper().getText(released);
      assertThat(text).doesNotContain(TestPdfs.ID).doesNotContain("Wang").doesNotContain("Xiaoming");
      assertThat(released.getNumberOfPages()).isEqualTo(2);
    }
    try (InputStream in = store.open(originalSha)) {
      assertThat(in.readAllBytes()).isEqualTo(original);
    }
    assertThat(jdbc.sql("select count(*) from dd_case_event where case_number = ? and kind = 'REDACTION_PLAN_SAVED'")
        .param(caseNumber).query(Integer.class).single()).isEqualTo(2);
    assertThat(consoleErrors).as("no script errors (CSP, module types), no refused page calls").isEmpty();
  }

  /** A Word file uploaded on the documents page gets its PDF version (LibreOffice), which is what is redacted. */
  @Test
  void aWordFileUploadedOnThePageIsOfferedForRedactionAsItsPdfVersion() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    String caseNumber = new ApiClient(port).post("reception", "/api/requests", RequestJson.WALK_IN)
        .json().path("caseNumber").asText();
    route.acceptFor(route.instanceOf(caseNumber), "planning");
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1400, 900))) {
      Page page = context.newPage();
      page.setDefaultTimeout(30_000);
      signIn(page, "officer-planning");
      page.navigate(url("/documents/" + caseNumber));
      page.locator("#file").setInputFiles(new FilePayload("材料清单.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentsIntegrationTest.docx()));
      page.locator("#upload button[type=submit]").click();
      // the upload answers after LibreOffice's conversion: a fresh profile each time, several seconds on a busy
      // 2-core machine (it took over 5 s, the assertions' default, in a CI run beside a benchmark)
      assertThat(page.locator("#message")).containsText("已上传",
          new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      Locator word = page.locator("tr[data-kind=RESPONSIVE]");
      assertThat(word.locator(".office-note")).containsText("已转换为 PDF");
      assertThat(word.locator("a.redact-link")).hasCount(0);
      Locator pdf = page.locator("tr[data-kind=CONVERTED]");
      assertThat(pdf).containsText("材料清单（PDF 版本）.pdf");
      assertThat(pdf).containsText("PDF 版本");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("word-converted.png")).setFullPage(true));
      pdf.locator("a.redact-link").click();
      page.locator("#redaction[data-ready=true]").waitFor();
      // the ID number in the converted text layer is proposed, as for any PDF
      assertThat(page.locator("#proposals")).containsText("居民身份证号码");
    }
  }

  private void signIn(Page page, String user) {
    page.navigate(url("/desk/login"));
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill(user);
    page.locator("button[type=submit]").click();
    page.waitForLoadState();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
