package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.HttpCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.disclosuredesk.tasklist.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10: each agency's letters carry its own header, seal text, contact and remedy bodies. The
 * housing bureau's administrator edits its letter header through the API; then both agencies' replies
 * are opened in Chromium and shown side by side ({@code target/screenshots/agency-letters/side-by-side.png}),
 * each with its own agency's particulars and none of the other's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgencyLettersSideBySideBrowserIT {

  static final Path SHOTS = Path.of("target", "screenshots", "agency-letters");
  static final String HOUSING_HEADER = """
      {"name":"示例市住房和城乡建设局","sealText":"示例市住房和城乡建设局（政府信息公开专用章）","contactPhone":"0000-87654321",
       "contactAddress":"示例市建设路8号住建大厦一楼","reconsiderationBody":"示例市人民政府","court":"示例市铁路运输法院"}""";

  @LocalServerPort int port;
  @Autowired RouteTestSupport route;
  @Autowired CaseRegistration registration;
  @Autowired Agencies agencies;
  Agency housingBefore;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    if (housingBefore != null) {
      agencies.updateLetterHeader("housing", housingBefore, "test");
    }
  }

  @Test
  void twoAgenciesRepliesEachCarryTheirOwnHeader() throws Exception {
    ApiClient api = new ApiClient(port);
    housingBefore = agencies.get("housing");
    Response edited = api.put("housing-admin", "/api/agencies/housing", "application/json",
        HOUSING_HEADER.getBytes(StandardCharsets.UTF_8));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    Agency platform = agencies.get("default");

    // Given one reply of each agency ("not this agency's", which needs no confidentiality review)
    RouteTestSupport.at("2026-12-01T09:00");
    ProcessInstance ours = route.registerWalkIn("某小区物业维修基金使用情况");
    route.acceptFor(ours, "planning");
    route.propose(ours, "NOT_THIS_AGENCY", "responsibleAgency", "示例市住房和城乡建设局",
        "responsibleAgencyContact", "0000-87654321");
    ProcessInstance theirs = route.instanceOf(registration.registerAndStart("housing",
        RouteTestSupport.walkIn("本区2025年城市规划调整方案的批复文件", null), null, "housing-reception").caseNumber());
    route.acceptFor(theirs, "housing-dept");
    route.propose(theirs, "NOT_THIS_AGENCY", "responsibleAgency", "示例市自然资源和规划局",
        "responsibleAgencyContact", "0000-12345678");
    String ourReply = replyUrl(api, "reception", ours.getBusinessKey());
    String theirReply = replyUrl(api, "housing-reception", theirs.getBusinessKey());

    Files.createDirectories(SHOTS);
    try (Playwright playwright = Chromium.playwright()) {
      Browser browser = Chromium.launch(playwright);
      // the platform administrator may open both agencies' letters
      BrowserContext admin = browser.newContext(new Browser.NewContextOptions()
          .setHttpCredentials(new HttpCredentials("admin", "admin")).setViewportSize(794, 1123));
      Page page = admin.newPage();
      byte[] left = letter(page, ourReply, "default.png");
      String ourText = page.locator("body").innerText();
      byte[] right = letter(page, theirReply, "housing.png");
      String theirText = page.locator("body").innerText();

      assertThat(ourText).contains(platform.name(), ours.getBusinessKey()).doesNotContain("住房和城乡建设局（政府信息公开专用章）",
          "示例市建设路8号住建大厦一楼", "示例市铁路运输法院");
      assertThat(theirText).contains("示例市住房和城乡建设局（政府信息公开专用章）", "0000-87654321", "示例市建设路8号住建大厦一楼",
          "示例市人民政府", "示例市铁路运输法院", theirs.getBusinessKey()).doesNotContain(platform.name());

      page.setContent("<!doctype html><meta charset=utf-8><body style='margin:0;display:flex;gap:12px;background:#888'>"
          + "<img style='width:50%' src='data:image/png;base64," + Base64.getEncoder().encodeToString(left) + "'>"
          + "<img style='width:50%' src='data:image/png;base64," + Base64.getEncoder().encodeToString(right) + "'></body>");
      page.setViewportSize(1600, 1123);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("side-by-side.png")).setFullPage(true));
      browser.close();
    }
    assertThat(Files.size(SHOTS.resolve("side-by-side.png"))).isGreaterThan(20_000);
  }

  private static String replyUrl(ApiClient api, String user, String caseNumber) {
    Response list = api.get(user, "/api/requests/" + caseNumber + "/letters");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    for (JsonNode l : list.json()) {
      if (l.path("type").asText().equals("REPLY")) {
        return l.path("html").asText();
      }
    }
    throw new AssertionError("no reply letter for " + caseNumber + ": " + list.body());
  }

  private byte[] letter(Page page, String path, String file) {
    page.navigate("http://localhost:" + port + path);
    page.waitForLoadState();
    return page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)).setFullPage(true));
  }
}
