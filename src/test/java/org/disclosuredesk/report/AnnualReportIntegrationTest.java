package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.casefile.ApplicantType.COMMERCIAL_ENTERPRISE;
import static org.disclosuredesk.casefile.ApplicantType.LEGAL_SERVICE_ORG;
import static org.disclosuredesk.casefile.ApplicantType.NATURAL_PERSON;
import static org.disclosuredesk.casefile.ApplicantType.OTHER_ORG;
import static org.disclosuredesk.casefile.ApplicantType.PUBLIC_INTEREST_ORG;
import static org.disclosuredesk.casefile.ApplicantType.RESEARCH_INSTITUTION;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/reports/annual/{year}} over a register that spans 2024–2026, with the year lock. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class AnnualReportIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();
  RegisterFixture cases;

  @BeforeEach
  void givenARegisterAcrossTheYearBoundary() {
    RegisterFixture.pinToday(RegisterFixture.TODAY);
    cases = new RegisterFixture(register, jdbc);
    cases.clean(runtime);
    // carried over into 2025 and concluded there
    cases.close(cases.received(NATURAL_PERSON, d("2024-12-10")), Outcome.DISCLOSE, d("2025-01-15"));
    // concluded in 2024: not in 2025
    cases.close(cases.received(NATURAL_PERSON, d("2024-03-01")), Outcome.DISCLOSE, d("2024-03-20"));
    cases.close(cases.received(COMMERCIAL_ENTERPRISE, d("2025-03-03")), Outcome.PARTIAL, d("2025-03-25"));
    cases.close(cases.received(RESEARCH_INSTITUTION, d("2025-05-06")), Outcome.WITHHOLD,
        WithholdingGround.THIRD_PARTY_RIGHTS, d("2025-06-01"));
    cases.close(cases.received(OTHER_ORG, d("2025-04-01")), Outcome.ABANDONED_NO_CORRECTION, d("2025-04-20"));
    cases.close(cases.received(PUBLIC_INTEREST_ORG, d("2025-07-01")), Outcome.SPECIAL_REGIME, d("2025-07-10"));
    // received 2025, still open at its end
    cases.inHandling(cases.received(NATURAL_PERSON, d("2025-12-22")), d("2026-01-23"));
    cases.close(cases.received(LEGAL_SERVICE_ORG, d("2025-09-01")), Outcome.NOT_EXIST, d("2026-01-10"));
    cases.close(cases.received(NATURAL_PERSON, d("2026-02-02")), Outcome.DISCLOSE, d("2026-03-01"));
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
  }

  @Test
  void table3OfAYearWithTheOfficialLabelsAndTheCheckInEveryColumn() throws Exception {
    JsonNode r = getJson("supervisor", "/api/reports/annual/2025");

    assertThat(r.get("year").asInt()).isEqualTo(2025);
    assertThat(texts(r.get("columns")))
        .containsExactly("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    assertThat(texts(r.get("rows"), "label")).containsExactlyElementsOf(Table3RowTest.OFFICIAL_LABELS);
    assertThat(row(r, "一、本年新收政府信息公开申请数量")).containsExactly(1, 1, 1, 1, 1, 1, 6);
    assertThat(row(r, "二、上年结转政府信息公开申请数量")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(row(r, "（一）予以公开")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(row(r, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).containsExactly(0, 1, 0, 0, 0, 0, 1);
    assertThat(row(r, "4.保护第三方合法权益")).containsExactly(0, 0, 1, 0, 0, 0, 1);
    assertThat(row(r, "8.属于行政查询事项")).containsExactly(0, 0, 0, 1, 0, 0, 1);
    assertThat(row(r, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"))
        .containsExactly(0, 0, 0, 0, 0, 1, 1);
    assertThat(row(r, "（七）总计")).containsExactly(1, 1, 1, 1, 0, 1, 5);
    assertThat(row(r, "四、结转下年度继续办理")).containsExactly(1, 0, 0, 0, 1, 0, 2);
    assertThat(r.get("check").get("holds").asBoolean()).isTrue();
    assertThat(r.get("check").get("columns")).hasSize(7).allMatch(c -> c.get("holds").asBoolean());
    assertThat(r.get("locked").asBoolean()).isFalse();
    assertThat(r.get("table4").get("columns")).hasSize(5);
    assertThat(r.get("channels").get("rows").get(0).get("values").get("总数").asInt()).isEqualTo(6);

    // and 2026 carries over what 2025 carried forward
    JsonNode next = getJson("supervisor", "/api/reports/annual/2026");
    assertThat(row(next, "二、上年结转政府信息公开申请数量")).containsExactly(1, 0, 0, 0, 1, 0, 2);
    assertThat(row(next, "1.本机关不掌握相关政府信息")).containsExactly(0, 0, 0, 0, 1, 0, 1);
    assertThat(next.get("check").get("holds").asBoolean()).isTrue();
  }

  @Test
  void csvHasABomAndTheOfficialLabelsAndXlsxIsASpreadsheet() {
    ResponseEntity<byte[]> csv = rest.withBasicAuth("admin", "admin")
        .getForEntity("/api/reports/annual/2025?format=csv", byte[].class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] body = csv.getBody();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).contains("大类,小类,项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计",
        ",,一、本年新收政府信息公开申请数量,1,1,1,1,1,1,6",
        "三、本年度办理结果,（三）不予公开,4.保护第三方合法权益,0,0,1,0,0,0,1",
        "四、政府信息公开行政复议、行政诉讼情况");

    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/api/reports/annual/2025?format=xlsx", byte[].class);
    assertThat(xlsx.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(Arrays.copyOf(xlsx.getBody(), 2)).containsExactly('P', 'K');
  }

  @Test
  void aLockedYearKeepsItsPublishedFiguresAndShowsLaterChangesAsDifferences() throws Exception {
    ResponseEntity<String> locked = rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/api/reports/annual/2025/lock", null, String.class);
    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(locked.getBody()).get("lock").get("lockedBy").asText()).isEqualTo("supervisor");

    // When a 2025 case is registered late and another closed differently after sign-off
    cases.received(NATURAL_PERSON, d("2025-11-11"));

    JsonNode r = getJson("supervisor", "/api/reports/annual/2025");
    assertThat(r.get("locked").asBoolean()).isTrue();
    assertThat(row(r, "一、本年新收政府信息公开申请数量")).containsExactly(1, 1, 1, 1, 1, 1, 6);
    List<String> differences = new ArrayList<>();
    r.get("differences").forEach(d -> differences.add(d.get("row").asText() + "|" + d.get("column").asText() + "|"
        + d.get("published").asInt() + "→" + d.get("current").asInt()));
    assertThat(differences).contains("一、本年新收政府信息公开申请数量|自然人|1→2", "四、结转下年度继续办理|总计|2→3");

    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/api/reports/annual/2025/lock", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aLockedYearsCarriedForwardIsReconciledWithTheNextYearsCarriedOver() throws Exception {
    // Given 2025 signed off with 2 cases carried forward (自然人 1, 法律服务机构 1)
    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/api/reports/annual/2025/lock", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode agreed = getJson("supervisor", "/api/reports/annual/2026").get("carryOver");
    assertThat(agreed.get("previousYear").asInt()).isEqualTo(2025);
    assertThat(agreed.get("previousLocked").asBoolean()).isTrue();
    assertThat(agreed.get("holds").asBoolean()).isTrue();
    assertThat(agreed.get("columns")).hasSize(7).allMatch(c -> c.get("holds").asBoolean());

    // When the 2025 case still open at the year's end is corrected later: it was in fact concluded on 12-30
    String corrected = jdbc.sql("select case_number from dd_case where received_on = ?").param(d("2025-12-22"))
        .query(String.class).single();
    register.recordReply(RegisterFixture.AGENCY, corrected, Outcome.DISCLOSE, null, null, d("2025-12-30"));
    register.close(RegisterFixture.AGENCY, corrected, Outcome.DISCLOSE, d("2025-12-30"));

    // Then 2026's 二 (counted now) no longer matches 2025's 四 as published, column by column
    JsonNode report = getJson("supervisor", "/api/reports/annual/2026");
    assertThat(row(report, "二、上年结转政府信息公开申请数量")).containsExactly(0, 0, 0, 0, 1, 0, 1);
    JsonNode carry = report.get("carryOver");
    assertThat(carry.get("holds").asBoolean()).isFalse();
    List<String> columns = new ArrayList<>();
    carry.get("columns").forEach(c -> columns.add(c.get("column").asText() + "|" + c.get("carriedForward").asInt() + "|"
        + c.get("carriedOver").asInt() + "|" + c.get("holds").asBoolean()));
    assertThat(columns).containsExactly("自然人|1|0|false", "商业企业|0|0|true", "科研机构|0|0|true", "社会公益组织|0|0|true",
        "法律服务机构|1|1|true", "其他|0|0|true", "总计|2|1|false");
    // and the report page says so
    ResponseEntity<String> page = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/reports/2026", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("id=\"carry-over\"", "2025年度已发布的“四、结转下年度继续办理”", "✘ 不一致");
  }

  @Test
  void theRunningYearCannotBeLockedAndYearsOutsideTheRegulationsAreRefused() throws Exception {
    ResponseEntity<String> running = rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/api/reports/annual/2026/lock", null, String.class);
    assertThat(running.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(running.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("year");

    for (String path : List.of("/api/reports/annual/2007", "/api/reports/annual/2027", "/api/reports/annual/abc",
        "/api/reports/annual/2025?format=pdf")) {
      ResponseEntity<String> bad = rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
      assertThat(bad.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(bad.getBody()).get("errors").get(0).has("field")).isTrue();
    }
  }

  @Test
  void onlySupervisorsAndAdminsSeeTheReport() {
    assertThat(rest.withBasicAuth("officer-planning", "officer-planning")
        .getForEntity("/api/reports/annual/2025", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("reception", "reception")
        .postForEntity("/api/reports/annual/2025/lock", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/reports/annual/2025", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  JsonNode getJson(String user, String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  static List<Integer> row(JsonNode report, String label) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("label").asText().equals(label)) {
        List<Integer> values = new ArrayList<>();
        row.get("values").forEach(v -> values.add(v.asInt()));
        return values;
      }
    }
    throw new AssertionError("no row " + label);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }

  static LocalDate d(String date) {
    return LocalDate.parse(date);
  }
}
