package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.report.OfficialDays;
import org.disclosuredesk.report.RegisterFixture;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The supervision pages as a script sees them (HTTP Basic): lists, case page, escaping of what
 * applicants typed, CSRF on the urge form, exports, report and charts pages, and who may see them.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionPagesIntegrationTest {

  static final String EVIL_NAME = "<script>alert('xss')</script>张三";

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  String overdue;

  @BeforeEach
  void givenAnOverdueCaseWhoseApplicantTypedMarkup() {
    RegisterFixture.pinToday(RegisterFixture.TODAY);
    RegisterFixture cases = new RegisterFixture(register, jdbc);
    cases.clean(runtime);
    LocalDate received = RegisterFixture.TODAY.minusDays(70);
    overdue = cases.received(ApplicantType.NATURAL_PERSON, Channel.IN_PERSON, received, "planning", EVIL_NAME);
    cases.inHandling(overdue, OfficialDays.addWorkingDays(received, 20));
    cases.currentTask(overdue, "办理申请并拟定答复", "officer-planning");
    String closed = cases.received(ApplicantType.COMMERCIAL_ENTERPRISE, LocalDate.of(2025, 4, 1));
    cases.close(closed, Outcome.PARTIAL, LocalDate.of(2025, 4, 20));
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
  }

  @Test
  void theOverdueListShowsTheCaseWithItsWorkingDaysAndEscapesTheApplicantsName() {
    String page = page("supervisor", "/supervision/?filter=overdue");

    assertThat(page).contains(overdue, "-28", "规划和自然资源科", "officer-planning", "办理申请并拟定答复",
        "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;张三");
    assertThat(page).doesNotContain("<script>alert(");
    assertThat(page).contains("href=\"/supervision/cases/" + overdue + "\"");
  }

  @Test
  void theCasePageEscapesEverythingTheApplicantTyped() {
    String page = page("admin", "/supervision/cases/" + overdue);

    assertThat(page).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;张三", "&lt;b&gt;规划许可&lt;/b&gt;",
        "登记", "办理申请并拟定答复", "/camunda/app/cockpit/default/#/process-instance/pi-" + overdue);
    assertThat(page).doesNotContain("<script>alert(", "<b>规划许可</b>");
  }

  @Test
  void urgingFromThePageNeedsTheFormsCsrfToken() {
    // Without the form's token the POST is refused
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("note", "请尽快答复");
    HttpHeaders formHeaders = new HttpHeaders();
    formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> forged = rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/supervision/cases/" + overdue + "/urge", new HttpEntity<>(form, formHeaders), String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(register.timeline("default", overdue)).noneMatch(e -> e.kind().equals("URGED"));

    // With the token from the case page (and its session) it is recorded
    ResponseEntity<String> casePage = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/cases/" + overdue, String.class);
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(casePage.getBody());
    assertThat(token.find()).isTrue();
    formHeaders.add(HttpHeaders.COOKIE, casePage.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
    form.add("_csrf", token.group(1));
    ResponseEntity<String> urged = rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/supervision/cases/" + overdue + "/urge", new HttpEntity<>(form, formHeaders), String.class);
    assertThat(urged.getStatusCode().is3xxRedirection() || urged.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(register.timeline("default", overdue)).anyMatch(e -> e.kind().equals("URGED")
        && e.detail().contains("请尽快答复"));
  }

  @Test
  void theCasePageFormRecordsAReconsiderationAndTheReportPageLocksAYear() {
    FormSession session = formSession("/supervision/cases/" + overdue);
    ResponseEntity<String> recorded = session.post("/supervision/cases/" + overdue + "/legal-challenges",
        "kind", "RECONSIDERATION", "filedOn", "2026-06-01", "result", "PENDING", "concludedOn", "", "note", "示复字第3号");
    assertThat(recorded.getStatusCode().is3xxRedirection() || recorded.getStatusCode().is2xxSuccessful())
        .as(recorded.getStatusCode() + " " + recorded.getBody()).isTrue();
    assertThat(register.timeline("default", overdue)).anyMatch(e -> e.kind().equals("LEGAL_CHALLENGE_RECORDED"));
    assertThat(page("supervisor", "/supervision/cases/" + overdue)).contains("示复字第3号", "尚未审结");
    // a bad date is refused and nothing is recorded
    session.post("/supervision/cases/" + overdue + "/legal-challenges", "kind", "LITIGATION_DIRECT",
        "filedOn", "2026-13-45", "result", "PENDING");
    assertThat(register.timeline("default", overdue)).filteredOn(e -> e.kind().equals("LEGAL_CHALLENGE_RECORDED"))
        .hasSize(1);

    FormSession reportSession = formSession("/supervision/reports/2025");
    ResponseEntity<String> locked = reportSession.post("/supervision/reports/2025/lock");
    assertThat(locked.getStatusCode().is3xxRedirection() || locked.getStatusCode().is2xxSuccessful())
        .as(locked.getStatusCode() + " " + locked.getBody()).isTrue();
    assertThat(page("supervisor", "/supervision/reports/2025")).contains("审定锁定，以下为已发布数字")
        .doesNotContain("审定并锁定本年度");
  }

  /** A page's session cookie and CSRF token, to post its forms as the browser would. */
  record FormSession(TestRestTemplate rest, String cookie, String token) {
    ResponseEntity<String> post(String path, String... fields) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        form.add(fields[i], fields[i + 1]);
      }
      form.add("_csrf", token);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      headers.add(HttpHeaders.COOKIE, cookie);
      return rest.withBasicAuth("supervisor", "supervisor").postForEntity(path, new HttpEntity<>(form, headers),
          String.class);
    }
  }

  FormSession formSession(String pagePath) {
    ResponseEntity<String> page = rest.withBasicAuth("supervisor", "supervisor").getForEntity(pagePath, String.class);
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(token.find()).isTrue();
    return new FormSession(rest, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0], token.group(1));
  }

  @Test
  void listsExportAsCsvAndXlsx() {
    ResponseEntity<byte[]> csv = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/export?filter=overdue&format=csv", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("督办-" + CaseFilter.OVERDUE.label() + ".csv");
    byte[] bytes = csv.getBody();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines.get(0)).isEqualTo("案件编号,申请人,承办部门,收到日期,答复期限,剩余工作日,是否超期,状态,申请渠道,当前环节,承办人");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith(overdue + ",<script>alert('xss')</script>张三,规划和自然资源科,")
        .contains(",2026-05-09,-28,是,办理中,当面,办理申请并拟定答复,officer-planning");

    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/export?filter=open&format=xlsx", byte[].class);
    assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
    assertThat(Arrays.copyOf(xlsx.getBody(), 2)).containsExactly('P', 'K');
  }

  @Test
  void aCaseWithoutDepartmentOrAssigneeReadsTheSameInTheListAndItsExports() throws Exception {
    String unassigned = new RegisterFixture(register, jdbc).received(ApplicantType.NATURAL_PERSON, Channel.ONLINE,
        RegisterFixture.TODAY.minusDays(1), null, "李四");

    String page = page("supervisor", "/supervision/?filter=open");
    Matcher row = Pattern.compile("<tr[^>]*data-case=\"" + unassigned + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
        .matcher(page);
    assertThat(row.find()).as(page).isTrue();
    assertThat(cells(row.group(1))).containsSubsequence("李四", "未分办").endsWith("—", "未签收");

    ResponseEntity<byte[]> csv = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/export?filter=open&format=csv", byte[].class);
    String line = List.of(new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n")).stream()
        .filter(l -> l.startsWith(unassigned + ",")).findFirst().orElseThrow();
    assertThat(line).startsWith(unassigned + ",李四,未分办,").endsWith(",—,未签收");

    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/export?filter=open&format=xlsx", byte[].class);
    assertThat(CaseListExportTest.xlsxCells(xlsx.getBody()).values()).contains("未分办", "未签收");
  }

  @Test
  void aCaseWithdrawnWithoutReplyIsNotAnOnTimeReplyInTheCharts() {
    RegisterFixture cases = new RegisterFixture(register, jdbc);
    String withdrawn = cases.received(ApplicantType.NATURAL_PERSON, Channel.ONLINE, LocalDate.of(2025, 5, 6), null,
        "王五");
    cases.inHandling(withdrawn, OfficialDays.addWorkingDays(LocalDate.of(2025, 5, 6), 20));
    cases.close(withdrawn, Outcome.OTHER, LocalDate.of(2025, 5, 6));
    String replied = cases.received(ApplicantType.NATURAL_PERSON, Channel.ONLINE, LocalDate.of(2025, 6, 3),
        "finance", "赵六");
    cases.inHandling(replied, OfficialDays.addWorkingDays(LocalDate.of(2025, 6, 3), 20));
    register.recordReply("default", replied, Outcome.DISCLOSE, null, null, LocalDate.of(2025, 6, 10));
    cases.close(replied, Outcome.DISCLOSE, LocalDate.of(2025, 6, 12));

    String charts = page("supervisor", "/supervision/charts?year=2025");
    // 承办部门, 办结数, 答复数, 有答复期限的答复, 按期答复数, 按期率（%）, 平均办理工作日
    assertThat(departmentRow(charts, "未分办")).containsExactly("未分办", "1", "0", "0", "0", "—", "—");
    assertThat(departmentRow(charts, "财政科")).containsExactly("财政科", "1", "1", "1", "1", "100.0",
        String.valueOf((double) OfficialDays.countAfterUpTo(LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 10))));

    ResponseEntity<byte[]> csv = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/charts/departments/export?year=2025&format=csv", byte[].class);
    assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("\r\n未分办,1,0,0,0,,\r\n");
  }

  static List<String> departmentRow(String page, String name) {
    Matcher row = Pattern.compile("<tr[^>]*>\\s*<td>" + name + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(row.find()).as(page).isTrue();
    return cells("<td>" + name + "</td>" + row.group(1));
  }

  static List<String> cells(String rowHtml) {
    Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(rowHtml);
    List<String> cells = new java.util.ArrayList<>();
    while (td.find()) {
      cells.add(td.group(1).replaceAll("<[^>]+>", "").trim());
    }
    return cells;
  }

  @Test
  void reportAndChartsPagesRender() {
    String report = page("supervisor", "/supervision/reports/2025");
    assertThat(report).contains("三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "四、政府信息公开行政复议、行政诉讼情况", "✔ 相等",
        "审定并锁定本年度");
    ResponseEntity<byte[]> csv = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/reports/2025/export?format=csv", byte[].class);
    assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("二、上年结转政府信息公开申请数量");

    String charts = page("supervisor", "/supervision/charts?year=2025");
    assertThat(charts).contains("window.ddFigures", "chart-months").containsPattern("/webjars/echarts/[0-9.]+/echarts.min.js");
    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/webjars/echarts/echarts.min.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void officersGet403PeopleWithoutLoginGetTheLoginPageAndUnknownCasesA404Page() {
    ResponseEntity<String> officer = rest.withBasicAuth("officer-planning", "officer-planning")
        .getForEntity("/supervision/?filter=overdue", String.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.getBody()).contains("无权访问");
    assertThat(rest.withBasicAuth("officer-planning", "officer-planning")
        .getForEntity("/supervision/cases/" + overdue, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    HttpHeaders browser = new HttpHeaders();
    browser.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> anonymous = rest.exchange("/supervision/", org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(browser), String.class);
    if (anonymous.getStatusCode().is3xxRedirection()) {
      assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/supervision/login");
    } else {
      assertThat(anonymous.getBody()).contains("action=\"/supervision/login\"", "登录");
    }

    ResponseEntity<String> missing = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/cases/GK-2026-99999", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).contains("案件不存在");
    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/?filter=late", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  String page(String user, String path) {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }
}
