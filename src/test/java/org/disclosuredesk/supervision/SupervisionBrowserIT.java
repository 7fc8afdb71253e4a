package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.report.OfficialDays;
import org.disclosuredesk.report.RegisterFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A supervisor in headless Chromium (Debian's package, driven by Playwright): signs in, sees a case
 * received 70 days ago in the overdue list, opens it, sees the route drawn by bpmn-js with the
 * current step marked and centred at a readable scale, zooms, pans and fits it, urges the officer,
 * and exports the list as CSV. An officer is turned away.
 * Screenshots go to target/screenshots/supervision. Without Chromium the test fails: CI installs it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionBrowserIT {

  static final LocalDate TODAY = RegisterFixture.TODAY;
  static final String EVIL_NAME = "<script>alert('xss')</script>周九";
  static final Path SHOTS = Paths.get("target", "screenshots", "supervision");

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  Page page;
  final List<String> dialogs = new ArrayList<>();
  String caseNumber;

  @BeforeAll
  static void launchChromium() throws IOException {
    Files.createDirectories(SHOTS);
    playwright = Playwright.create();
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium())
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
  }

  @AfterAll
  static void closeChromium() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void givenACaseReceived70DaysAgoInTheOfficersHands() throws Exception {
    RegisterFixture.pinToday(TODAY);
    new RegisterFixture(register, jdbc).clean(runtime);
    caseNumber = registerThroughTheApi(TODAY.minusDays(70));
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult();
    tasks.complete(check.getId(), Map.of("completeness", "COMPLETE", "department", "planning"));
    Task handle = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_HandleRequest").singleResult();
    tasks.claim(handle.getId(), "officer-planning");
    // and cases organisations applied for this year, concluded on time or late, for the charts and the report
    RegisterFixture cases = new RegisterFixture(register, jdbc);
    concluded(cases, ApplicantType.COMMERCIAL_ENTERPRISE, "planning", "2026-01-12", Outcome.DISCLOSE, "2026-02-03");
    concluded(cases, ApplicantType.RESEARCH_INSTITUTION, "finance", "2026-02-02", Outcome.PARTIAL, "2026-04-20");
    concluded(cases, ApplicantType.OTHER_ORG, "office", "2026-03-02", Outcome.NOT_EXIST, "2026-03-20");
    concluded(cases, ApplicantType.LEGAL_SERVICE_ORG, "finance", "2026-05-11", Outcome.DISCLOSE, "2026-06-01");
    // and one withdrawn before it was assigned: concluded without a reply
    String withdrawn = cases.received(ApplicantType.COMMERCIAL_ENTERPRISE, Channel.ONLINE, LocalDate.parse("2026-04-01"),
        null, "某公司");
    cases.inHandling(withdrawn, OfficialDays.addWorkingDays(LocalDate.parse("2026-04-01"), 20));
    cases.close(withdrawn, Outcome.OTHER, LocalDate.parse("2026-04-03"));

    page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1360, 900)
        .setAcceptDownloads(true)).newPage();
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });
  }

  @AfterEach
  void closePage() {
    page.context().close();
    RegisterFixture.resetClock();
  }

  @Test
  void aSupervisorSeesTheOverdueCaseOpensItSeesTheRouteUrgesAndExports() throws IOException {
    // Signs in through the login form
    page.navigate(url("/supervision/"));
    assertThat(page.url()).endsWith("/supervision/login");
    page.locator("input[name=username]").fill("supervisor");
    page.locator("input[name=password]").fill("supervisor");
    page.locator("button[type=submit]").click();
    page.waitForURL("**/supervision/**");

    // Sees the case in the overdue list with the working days since its due date
    Locator row = page.locator("tr[data-case='" + caseNumber + "']");
    row.waitFor();
    int expected = -OfficialDays.countAfterUpTo(OfficialDays.addWorkingDays(TODAY.minusDays(70), 20), TODAY);
    assertThat(row.locator("td.days").textContent().trim()).isEqualTo(String.valueOf(expected));
    assertThat(row.getAttribute("class")).contains("overdue");
    assertThat(row.locator("td").nth(1).textContent()).isEqualTo(EVIL_NAME);
    assertThat(row.textContent()).contains("办理申请并拟定答复", "officer-planning", "规划和自然资源科");
    shot("1-overdue-list");

    // Exports the list as CSV
    Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
    byte[] csv = Files.readAllBytes(download.path());
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("案件编号,申请人,承办部门", caseNumber, String.valueOf(expected), "officer-planning");
    assertThat(download.suggestedFilename()).isEqualTo("督办-" + CaseFilter.OVERDUE.label() + ".csv");

    // Opens the case: the route is drawn with the current step marked
    row.locator("a.case-link").click();
    page.waitForURL("**/supervision/cases/" + caseNumber);
    page.locator("#diagram[data-rendered='true']").waitFor();
    assertThat(page.locator("#diagram svg").count()).isGreaterThan(0);
    Locator current = page.locator("#diagram .djs-element.dd-current");
    assertThat(current.count()).isEqualTo(1);
    assertThat(current.getAttribute("data-element-id")).isEqualTo("Task_HandleRequest");
    assertThat(page.locator("#applicant-name").textContent()).isEqualTo(EVIL_NAME);
    assertThat(page.locator("#current-task").textContent()).isEqualTo("办理申请并拟定答复");
    assertThat(page.locator("#assignee").textContent()).contains("officer-planning").contains("（");
    assertThat(page.locator("#cockpit-link").getAttribute("href"))
        .startsWith("/camunda/app/cockpit/default/#/process-instance/");
    shot("2-case-page");

    // The route opens at a readable scale (1:1) showing the whole current region (the step, its neighbours
    // and labels), kept inside the drawing: nothing of it is cut at the frame's edge
    Locator diagram = page.locator("#diagram");
    diagram.scrollIntoViewIfNeeded();
    BoundingBox frame = diagram.boundingBox();
    assertThat(frame.height).as("a tall frame for the route").isGreaterThanOrEqualTo(540);
    assertThat(Double.parseDouble(diagram.getAttribute("data-zoom"))).isEqualTo(1.0);
    BoundingBox step = current.boundingBox();
    assertThat(inside(step, frame)).as("the current step is wholly in the frame").isTrue();
    assertThat(step.y - frame.y).as("not cut at the top").isGreaterThanOrEqualTo(20);
    assertThat(frame.x + frame.width - (step.x + step.width)).as("not cut at the right").isGreaterThanOrEqualTo(20);
    assertThat(current.locator("text tspan").first().boundingBox().height)
        .as("the current step's label is drawn at a readable size (px)").isGreaterThanOrEqualTo(11);
    Locator route = page.locator("#diagram .viewport");
    assertThat(inside(route.boundingBox(), frame)).as("at 1:1 the route is larger than the frame").isFalse();

    // 放大 and 缩小 zoom about the middle; dragging pans the route
    page.locator("#diagram-zoom-in").click();
    assertThat(Double.parseDouble(diagram.getAttribute("data-zoom"))).isCloseTo(1.25, within(0.001));
    page.locator("#diagram-zoom-out").click();
    assertThat(Double.parseDouble(diagram.getAttribute("data-zoom"))).isCloseTo(1.0, within(0.001));
    double midX = frame.x + frame.width / 2;
    double midY = frame.y + frame.height / 2;
    page.mouse().move(midX, midY);
    page.mouse().down();
    page.mouse().move(midX - 100, midY - 60, new Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
    BoundingBox moved = current.boundingBox();
    assertThat(moved.x - step.x).isCloseTo(-100, within(3.0));
    assertThat(moved.y - step.y).isCloseTo(-60, within(3.0));

    // 适应窗口 shows the whole route in the frame, the current step still marked; 当前环节 goes back
    page.locator("#diagram-fit").click();
    assertThat(Double.parseDouble(diagram.getAttribute("data-zoom"))).isLessThan(1.0);
    assertThat(inside(route.boundingBox(), frame)).as("the whole route fits the frame").isTrue();
    assertThat(page.locator("#diagram .djs-element.dd-current").count()).isEqualTo(1);
    shot("2b-case-route-fitted");
    page.locator("#diagram-current").click();
    assertThat(Double.parseDouble(diagram.getAttribute("data-zoom"))).isEqualTo(1.0);
    // back to the view the route opened with (the current region, 1:1)
    assertThat(current.boundingBox().x).isCloseTo(step.x, within(3.0));
    assertThat(current.boundingBox().y).isCloseTo(step.y, within(3.0));

    // Urges the officer: the timeline shows it
    page.locator("#urge-form textarea[name=note]").fill("已超期，请今日内答复");
    page.locator("#urge-button").click();
    page.waitForURL("**/supervision/cases/" + caseNumber);
    Locator urge = page.locator("#timeline li[data-kind='URGED']");
    urge.waitFor();
    assertThat(urge.textContent()).contains("督办催办", "supervisor", "officer-planning", "已超期，请今日内答复");
    assertThat(page.locator(".flash.ok").textContent()).contains("已催办 ", "officer-planning");
    urge.scrollIntoViewIfNeeded();
    shot("3-urged");

    // Charts and the printable report render
    page.navigate(url("/supervision/charts?year=2026"));
    page.locator("#chart-months[data-rendered='true']").waitFor();
    assertThat(page.locator("#chart-months canvas").count()).isGreaterThan(0);
    assertThat(page.locator("table tbody tr").allTextContents()).anyMatch(t -> t.contains("财政科"));
    // the withdrawn case is concluded, but not a reply: no on-time rate, no average days
    Locator none = page.locator("#departments tr", new Page.LocatorOptions().setHasText("未分办"));
    assertThat(none.locator("td[data-column=concluded]").textContent()).isEqualTo("1");
    assertThat(none.locator("td[data-column=replied]").textContent()).isEqualTo("0");
    assertThat(none.locator("td[data-column=onTimeRate]").textContent()).isEqualTo("—");
    assertThat(none.locator("td[data-column=averageWorkingDays]").textContent()).isEqualTo("—");
    Locator finance = page.locator("#departments tr", new Page.LocatorOptions().setHasText("财政科"));
    assertThat(finance.locator("td[data-column=onTimeRate]").textContent()).isEqualTo("50.0");
    shot("4-charts");
    page.navigate(url("/supervision/reports/2026"));
    assertThat(page.locator("#table3 tr[data-row='RECEIVED'] td[data-column='自然人']").textContent()).isEqualTo("1");
    assertThat(page.locator("#table3 tr[data-row='RECEIVED'] td[data-column='总计']").textContent()).isEqualTo("6");
    assertThat(page.locator("#check td").allTextContents()).hasSize(21).filteredOn(t -> t.contains("相等"))
        .hasSize(7).allMatch(t -> t.contains("✔"));
    shot("5-report");

    assertThat(dialogs).as("no script typed by the applicant ran").isEmpty();
  }

  @Test
  void anOfficerIsTurnedAway() {
    page.navigate(url("/supervision/login"));
    page.locator("input[name=username]").fill("officer-planning");
    page.locator("input[name=password]").fill("officer-planning");
    page.locator("button[type=submit]").click();
    page.waitForLoadState();
    assertThat(page.locator("h1").textContent()).contains("无权访问");
    shot("6-officer-forbidden");
    assertThat(page.navigate(url("/supervision/cases/" + caseNumber)).status()).isEqualTo(403);
  }

  /** A case replied to on its closing day. */
  void concluded(RegisterFixture cases, ApplicantType type, String department, String received,
      Outcome outcome, String closed) {
    LocalDate receivedOn = LocalDate.parse(received);
    String number = cases.received(type, Channel.ONLINE, receivedOn, department, "某单位");
    cases.inHandling(number, OfficialDays.addWorkingDays(receivedOn, 20));
    register.recordReply(RegisterFixture.AGENCY, number, outcome, null, null, LocalDate.parse(closed));
    cases.close(number, outcome, LocalDate.parse(closed));
  }

  String registerThroughTheApi(LocalDate receivedOn) throws Exception {
    Map<String, Object> applicant = new HashMap<>(Map.of("type", "NATURAL_PERSON", "name", EVIL_NAME,
        "idType", "PASSPORT", "idNumber", "E1234567", "email", "applicant@example.cn"));
    Map<String, Object> body = Map.of("channel", "IN_PERSON", "receivedOn", receivedOn.toString(),
        "applicant", applicant, "description", "请公开<b>2025年</b>本区规划许可清单", "format", "ELECTRONIC",
        "delivery", "EMAIL", "department", "planning", "lateRegistrationReason", "信函早已签收，今日补登");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> r = rest.withBasicAuth("reception", "reception")
        .postForEntity("/api/requests", new HttpEntity<>(body, headers), Map.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) r.getBody().get("caseNumber");
  }

  /** Whether box lies within frame (a pixel's slack for rounding). */
  static boolean inside(BoundingBox box, BoundingBox frame) {
    return box.x >= frame.x - 1 && box.y >= frame.y - 1 && box.x + box.width <= frame.x + frame.width + 1
        && box.y + box.height <= frame.y + frame.height + 1;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void shot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Debian's Chromium binary (not the wrapper script on the PATH), as the Tasklist browser test finds
   * it ({@code -Dchromium.binary} or {@code CHROMIUM_BINARY} win), else from {@code dpkg -L chromium};
   * its absence fails the test.
   */
  static Path chromium() {
    String configured = System.getProperty("chromium.binary", System.getenv("CHROMIUM_BINARY"));
    for (String candidate : List.of(configured == null ? "" : configured, "/usr/lib/chromium/chromium")) {
      if (!candidate.isBlank() && Files.isExecutable(Paths.get(candidate))) {
        return Paths.get(candidate);
      }
    }
    try {
      Process dpkg = new ProcessBuilder("dpkg", "-L", "chromium").redirectErrorStream(true).start();
      String files = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (String line : files.split("\n")) {
        if (line.endsWith("chromium/chromium") && Files.isExecutable(Paths.get(line.trim()))) {
          return Paths.get(line.trim());
        }
      }
    } catch (IOException e) {
      // no dpkg: fall through to the failure below
    }
    throw new AssertionError("Chromium not found: apt-get install -y chromium fonts-noto-cjk"
        + " (or set -Dchromium.binary=/path)");
  }
}
