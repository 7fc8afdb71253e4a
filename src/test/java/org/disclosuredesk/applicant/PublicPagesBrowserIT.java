package org.disclosuredesk.applicant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.route.RouteTestSupport;
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
 * Issue 14 in the browser (phone-sized window): apply online (the proof of work runs in apply.js), note
 * the case number and code, look the case up; after the route asks for a supplement submit it online
 * and see the clock restart; after the reply download the reply letter; a wrong code shows the same
 * page as a wrong number. Screenshots of /apply/ and /track/ go to docs/ for the README.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class PublicPagesBrowserIT {

  private static final Path DOCS = Paths.get("docs");
  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired RouteTestSupport route;
  @Autowired JdbcClient jdbc;
  @Autowired org.disclosuredesk.notify.MailDrainer drainer;
  @Autowired org.disclosuredesk.documents.Documents documents;
  @Autowired org.disclosuredesk.documents.DocumentReview review;

  private static final int SMTP_PORT = org.disclosuredesk.support.TestSmtp.freePort();
  private final com.icegreen.greenmail.util.GreenMail smtp = org.disclosuredesk.support.TestSmtp.server(SMTP_PORT);

  /** The applicant's mails go to a GreenMail server of this test. */
  @org.springframework.test.context.DynamicPropertySource
  static void mail(org.springframework.test.context.DynamicPropertyRegistry registry) {
    org.disclosuredesk.support.TestSmtp.register(registry, SMTP_PORT);
  }

  @BeforeAll
  static void startBrowser() throws Exception {
    Path chromium = Chromium.binary();
    Files.createDirectories(DOCS);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Chromium.PLAYWRIGHT_ENV));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium).setHeadless(true).setArgs(Chromium.ARGS));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    smtp.stop();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void applyOnlineLookUpSupplementAndDownloadTheReply() throws Exception {
    jdbc.sql("delete from dd_public_throttle").update();
    smtp.start();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(390, 844).setAcceptDownloads(true).setBypassCSP(true))) {
      Page page = context.newPage();
      page.setDefaultTimeout(20_000);

      // apply
      at("2026-03-02T09:00");
      page.navigate(url("/apply/"));
      assertThat(page.locator("#receipt-rule")).containsText("第一个工作日");
      assertThat(Axe.seriousViolations(page)).as("axe-core on /apply/").isEmpty();
      page.getByLabel("向哪个机关申请").selectOption("default");
      page.getByLabel("申请人类型").selectOption("NATURAL_PERSON");
      page.getByLabel("姓名或名称").fill("王五");
      page.getByLabel("证件类型").selectOption("RESIDENT_ID");
      page.getByLabel("证件号码").fill(RouteTestSupport.VALID_RESIDENT_ID);
      page.getByLabel("联系电话").fill("13700000000");
      page.getByLabel("电子邮箱").fill("wangwu@example.com");
      page.locator("#description").fill("本区2025年度道路维修工程的招标文件和中标结果");
      page.getByLabel("信息的提供形式").selectOption("ELECTRONIC");
      page.getByLabel("获取信息的方式").selectOption("EMAIL");
      page.locator("#materials").setInputFiles(new FilePayload("身份证复印件.png", "image/png", idScan()));
      page.getByLabel("我已阅读并同意上述个人信息处理说明").check();
      page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("public-apply.png")).setFullPage(true));
      at("2026-03-02T09:02");
      page.locator("#apply-submit").click();
      assertThat(page.locator("#case-number")).hasText(java.util.regex.Pattern.compile("GK-2026-\\d{5}"));
      String caseNumber = page.locator("#case-number").textContent().strip();
      String code = page.locator("#verification-code").textContent().strip();
      assertThat(page.locator("#received-on")).hasText("2026-03-02");
      assertThat(page.locator("#due-on")).hasText("2026-03-30");
      // the confirmation mail brings the case number and the code
      drainer.drain();
      String mail = null;
      for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().equals("wangwu@example.com")) {
          mail = text(m);
        }
      }
      org.assertj.core.api.Assertions.assertThat(mail).as("acknowledgement mail to the applicant").isNotNull()
          .contains(caseNumber, "查询码：" + code);
      // the ID scan is on the case as the applicant's material, as if uploaded through the portal API
      assertThat(page.locator("#materials-received")).hasText("已收到 1 个文件");
      var material = jdbc.sql("select name, kind, content_type from dd_document where case_number = ?").param(caseNumber)
          .query().singleRow();
      org.assertj.core.api.Assertions.assertThat(material).containsEntry("NAME", "身份证复印件.png")
          .containsEntry("KIND", "APPLICATION_MATERIAL").containsEntry("CONTENT_TYPE", "image/png");

      // a wrong code: the same page as a wrong number
      page.navigate(url("/track/"));
      assertThat(Axe.seriousViolations(page)).as("axe-core on /track/").isEmpty();
      page.getByLabel("受理编号").fill(caseNumber);
      page.getByLabel("查询码").fill("ABCDE-FGHJK");
      page.locator("#track-submit").click();
      String wrongCode = page.locator("#flash-err").textContent();
      page.getByLabel("受理编号").fill("GK-2026-99999");
      page.getByLabel("查询码").fill(code);
      page.locator("#track-submit").click();
      assertThat(page.locator("#flash-err")).hasText(wrongCode);

      // look it up
      page.getByLabel("受理编号").fill(caseNumber);
      page.getByLabel("查询码").fill(code);
      page.locator("#track-submit").click();
      assertThat(page.locator("#stage")).hasText("已登记");
      assertThat(page.locator("#due-on")).hasText("2026-03-30");
      assertThat(Axe.seriousViolations(page)).as("axe-core on the case's progress page").isEmpty();
      assertThat(page).not().hasURL(java.util.regex.Pattern.compile(code));

      // the route asks for a supplement; the applicant submits it online
      ProcessInstance pi = route.instanceOf(caseNumber);
      at("2026-03-03T10:00");
      route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明招标项目名称");
      lookUp(page, caseNumber, code); // a day later: the half-hour session binding has ended
      assertThat(page.locator("#stage")).hasText("需补正");
      assertThat(page.locator("#notices")).containsText("补正告知书");
      at("2026-03-05T10:00");
      lookUp(page, caseNumber, code);
      page.getByLabel("补正内容（按补正告知书的要求说明所需信息）").fill("项目名称：人民路大修工程（2025）");
      page.locator("#supplement-files").setInputFiles(new FilePayload("项目名称说明.png", "image/png", idScan()));
      page.locator("#submit-supplement").click();
      assertThat(page.locator("#flash-ok")).containsText("补正已提交（含 1 个文件）");
      org.assertj.core.api.Assertions.assertThat(jdbc.sql("select kind from dd_document where case_number = ? and name = ?")
          .params(caseNumber, "项目名称说明.png").query(String.class).single()).isEqualTo("SUPPLEMENT");
      assertThat(page.locator("#stage")).hasText(java.util.regex.Pattern.compile("已登记|办理中"));
      String restarted = page.locator("#due-on").textContent().strip();
      assertThat(restarted).isGreaterThan("2026-03-30");
      page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("public-track.png")).setFullPage(true));

      // the reply: the department found the document, the reviewer released it whole
      route.acceptFor(pi, "planning");
      page.reload();
      assertThat(page.locator("#stage")).hasText("办理中");
      assertThat(page.locator("#due-on")).hasText(restarted);
      byte[] foundPdf = onePagePdf();
      org.disclosuredesk.documents.DocumentInfo found = documents.upload(caseNumber, "人民路大修工程中标结果.pdf",
          "RESPONSIVE", () -> new java.io.ByteArrayInputStream(foundPdf),
          new CurrentUser("officer-planning", java.util.Set.of("dept-planning"), java.util.Set.of("default")));
      route.propose(pi, "DISCLOSE");
      review.decide(caseNumber, found.id(), org.disclosuredesk.documents.DocumentDecision.Decision.RELEASE, null,
          new CurrentUser("reviewer", java.util.Set.of(Groups.CONFIDENTIALITY), java.util.Set.of("default")));
      route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
      page.reload();
      assertThat(page.locator("#stage")).hasText("已答复");
      assertThat(page.locator("#documents")).containsText("人民路大修工程中标结果.pdf");
      Download released = page.waitForDownload(() -> page.locator("#documents a").first().click());
      org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(released.path())).isEqualTo(onePagePdf());
      org.assertj.core.api.Assertions.assertThat(released.suggestedFilename()).isEqualTo("人民路大修工程中标结果.pdf");
      assertThat(page.locator("#letters")).containsText("答复书");
      Download download = page.waitForDownload(() -> page.locator("#letters a[aria-label$='PDF']").last().click());
      Path pdf = download.path();
      assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
    }
  }

  private void lookUp(Page page, String caseNumber, String code) {
    page.navigate(url("/track/"));
    page.getByLabel("受理编号").fill(caseNumber);
    page.getByLabel("查询码").fill(code);
    page.locator("#track-submit").click();
    page.locator("#stage").waitFor();
  }

  /** A small PNG standing for the applicant's scanned ID card. */
  private static byte[] idScan() throws java.io.IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 320, 200);
    g.setColor(java.awt.Color.DARK_GRAY);
    g.drawRect(10, 10, 300, 180);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** The decoded text of a mail (its text/plain parts). */
  private static String text(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    StringBuilder all = new StringBuilder();
    if (part.getContent() instanceof jakarta.mail.Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        all.append(text(parts.getBodyPart(i)));
      }
    }
    return all.toString();
  }

  private static byte[] pdf;

  /** A one-page PDF standing for the released information (the same bytes every call). */
  private static synchronized byte[] onePagePdf() throws java.io.IOException {
    if (pdf == null) {
      try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument()) {
        d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        d.save(out);
        pdf = out.toByteArray();
      }
    }
    return pdf;
  }
}
