package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.casefile.ApplicantType.COMMERCIAL_ENTERPRISE;
import static org.disclosuredesk.casefile.ApplicantType.LEGAL_SERVICE_ORG;
import static org.disclosuredesk.casefile.ApplicantType.NATURAL_PERSON;
import static org.disclosuredesk.casefile.ApplicantType.OTHER_ORG;
import static org.disclosuredesk.casefile.ApplicantType.PUBLIC_INTEREST_ORG;
import static org.disclosuredesk.casefile.ApplicantType.RESEARCH_INSTITUTION;
import static org.disclosuredesk.report.AnnualReportIntegrationTest.d;
import static org.disclosuredesk.report.AnnualReportIntegrationTest.row;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
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

/**
 * The annual report per agency and the city aggregate ({@code ?agency=all}, issue 10) over a register of
 * the default agency (GK-…) and the housing agency (ZJ-…) spanning 2024–2026: each agency's supervisors see
 * their own report only, the city's supervisor each one and the sum, which equals the agencies' tables
 * added column by column with the check holding; a lock is one agency's.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class CityReportIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();
  RegisterFixture cases;
  RegisterFixture housing;

  @BeforeEach
  void givenTwoAgenciesRegistersAcrossTheYearBoundary() {
    RegisterFixture.pinToday(RegisterFixture.TODAY);
    cases = new RegisterFixture(register, jdbc);
    cases.clean(runtime);
    housing = cases.housing();
    // the default agency: 2025 received 4 (one carried over from 2024), 1 still open at the year's end
    cases.close(cases.received(NATURAL_PERSON, d("2024-12-10")), Outcome.DISCLOSE, d("2025-01-15"));
    cases.close(cases.received(COMMERCIAL_ENTERPRISE, d("2025-03-03")), Outcome.PARTIAL, d("2025-03-25"));
    cases.close(cases.received(RESEARCH_INSTITUTION, d("2025-05-06")), Outcome.WITHHOLD,
        WithholdingGround.THIRD_PARTY_RIGHTS, d("2025-06-01"));
    cases.close(cases.received(OTHER_ORG, d("2025-04-01")), Outcome.ABANDONED_NO_CORRECTION, d("2025-04-20"));
    cases.inHandling(cases.received(NATURAL_PERSON, d("2025-12-22")), d("2026-01-23"));
    // housing: 2025 received 5 (two carried over from 2024), 2 still open at the year's end
    housing.close(housing.received(NATURAL_PERSON, d("2024-11-20")), Outcome.NOT_EXIST, d("2025-02-10"));
    housing.inHandling(housing.received(LEGAL_SERVICE_ORG, d("2024-12-30")), d("2025-02-05"));
    housing.close(housing.received(NATURAL_PERSON, d("2025-02-17")), Outcome.DISCLOSE, d("2025-03-05"));
    housing.close(housing.received(NATURAL_PERSON, d("2025-06-02")), Outcome.NOT_THIS_AGENCY, d("2025-06-20"));
    housing.close(housing.received(PUBLIC_INTEREST_ORG, d("2025-08-08")), Outcome.REPEAT, d("2025-08-15"));
    housing.close(housing.received(COMMERCIAL_ENTERPRISE, d("2025-09-09")), Outcome.WITHHOLD,
        WithholdingGround.STATE_SECRET, d("2025-10-10"));
    housing.inHandling(housing.received(NATURAL_PERSON, d("2025-12-29")), d("2026-01-30"));
    housing.close(housing.received(NATURAL_PERSON, d("2026-03-02")), Outcome.DISCLOSE, d("2026-03-20"));
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
  }

  @Test
  void eachAgencysSupervisorsSeeTheirOwnReportOnly() throws Exception {
    JsonNode own = get("supervisor", "/api/reports/annual/2025");
    assertThat(own.get("agencyCode").asText()).isEqualTo("default");
    assertThat(row(own, "一、本年新收政府信息公开申请数量")).containsExactly(1, 1, 1, 0, 0, 1, 4);

    JsonNode theirs = get("housing-supervisor", "/api/reports/annual/2025");
    assertThat(theirs.get("agencyCode").asText()).isEqualTo("housing");
    assertThat(theirs.get("agencies").get(0).get("name").asText()).isEqualTo("市住房和城乡建设局");
    assertThat(row(theirs, "一、本年新收政府信息公开申请数量")).containsExactly(3, 1, 0, 1, 0, 0, 5);
    assertThat(row(theirs, "二、上年结转政府信息公开申请数量")).containsExactly(1, 0, 0, 0, 1, 0, 2);
    assertThat(row(theirs, "1.属于国家秘密")).containsExactly(0, 1, 0, 0, 0, 0, 1);
    assertThat(theirs.get("check").get("holds").asBoolean()).isTrue();

    // another agency's report, or the city's, is refused; an unknown agency is bad input
    assertThat(status("housing-supervisor", "/api/reports/annual/2025?agency=default")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-supervisor", "/api/reports/annual/2025?agency=all")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("supervisor", "/api/reports/annual/2025?agency=housing")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("supervisor", "/api/reports/annual/2025?agency=all&format=csv")).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> unknown = rest.withBasicAuth("city-supervisor", "city-supervisor")
        .getForEntity("/api/reports/annual/2025?agency=nowhere", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unknown.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("agency");
    assertThat(status("housing-officer", "/api/reports/annual/2025")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCityAggregateIsTheSumOfTheAgenciesTablesColumnByColumnAndItsCheckHolds() throws Exception {
    for (int year : new int[] {2024, 2025, 2026}) {
      // the city's supervisor reads each agency's report and the aggregate
      JsonNode gk = get("city-supervisor", "/api/reports/annual/" + year + "?agency=default");
      JsonNode zj = get("city-supervisor", "/api/reports/annual/" + year + "?agency=housing");
      JsonNode city = get("city-supervisor", "/api/reports/annual/" + year + "?agency=all");

      assertThat(city.get("agencyCode").asText()).isEqualTo("all");
      assertThat(AnnualReportIntegrationTest.texts(city.get("rows"), "label"))
          .containsExactlyElementsOf(Table3RowTest.OFFICIAL_LABELS);
      for (JsonNode r : city.get("rows")) {
        String label = r.get("label").asText();
        List<Integer> sum = new ArrayList<>();
        List<Integer> a = row(gk, label);
        List<Integer> b = row(zj, label);
        for (int i = 0; i < a.size(); i++) {
          sum.add(a.get(i) + b.get(i));
        }
        assertThat(row(city, label)).as("%d %s", year, label).isEqualTo(sum);
      }
      assertThat(city.get("check").get("holds").asBoolean()).as("check %d", year).isTrue();
      assertThat(city.get("check").get("columns")).hasSize(7).allMatch(c -> c.get("holds").asBoolean());
      assertThat(city.get("carryOver").get("holds").asBoolean()).as("carry-over into %d", year).isTrue();
      assertThat(city.get("agencies")).extracting(n -> n.get("code").asText()).containsExactly("default", "housing");
    }

    // the figures themselves: 2025 received 4 + 5, carried over 1 + 2, concluded 4 + 5, carried forward 1 + 2
    JsonNode city = get("admin", "/api/reports/annual/2025?agency=all");
    assertThat(row(city, "一、本年新收政府信息公开申请数量")).containsExactly(4, 2, 1, 1, 0, 1, 9);
    assertThat(row(city, "二、上年结转政府信息公开申请数量")).containsExactly(2, 0, 0, 0, 1, 0, 3);
    assertThat(row(city, "（七）总计")).containsExactly(4, 2, 1, 1, 0, 1, 9);
    assertThat(row(city, "四、结转下年度继续办理")).containsExactly(2, 0, 0, 0, 1, 0, 3);
    assertThat(row(city, "1.本机关不掌握相关政府信息")).containsExactly(2, 0, 0, 0, 0, 0, 2);
    assertThat(city.get("channels").get("rows").get(0).get("values").get("总数").asInt()).isEqualTo(9);
  }

  @Test
  void theAggregateDownloadsAsCsvWithTheSummedTableAndEachAgencysTotals() {
    ResponseEntity<byte[]> csv = rest.withBasicAuth("city-supervisor", "city-supervisor")
        .getForEntity("/api/reports/annual/2025?agency=all&format=csv", byte[].class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("2025年政府信息公开工作年度报告-全市汇总.csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).contains(",,一、本年新收政府信息公开申请数量,4,2,1,1,0,1,9",
        "勾稽关系,,是否相等,相等,相等,相等,相等,相等,相等,相等",
        "各机关汇总情况（总计列）", "default,", "housing,市住房和城乡建设局,5,2,5,2,相等,未锁定（实时统计）");
    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("admin", "admin")
        .getForEntity("/api/reports/annual/2025?agency=all&format=xlsx", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aLockIsOneAgencysAndTheAggregateSumsItsPublishedFigures() throws Exception {
    // the city aggregate cannot be locked
    ResponseEntity<String> all = rest.withBasicAuth("admin", "admin")
        .postForEntity("/api/reports/annual/2025/lock?agency=all", null, String.class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(all.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("agency");
    // signing off is the agency's own: the city office and other agencies' supervisors may not
    assertThat(rest.withBasicAuth("city-supervisor", "city-supervisor")
        .postForEntity("/api/reports/annual/2025/lock?agency=housing", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("supervisor", "supervisor")
        .postForEntity("/api/reports/annual/2025/lock?agency=housing", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from dd_report_lock").query(Integer.class).single()).isZero();

    // When housing's supervisor locks housing's 2025
    ResponseEntity<String> locked = rest.withBasicAuth("housing-supervisor", "housing-supervisor")
        .postForEntity("/api/reports/annual/2025/lock", null, String.class);
    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(locked.getBody()).get("agencyCode").asText()).isEqualTo("housing");

    // Then only housing's year is locked
    assertThat(get("housing-supervisor", "/api/reports/annual/2025").get("locked").asBoolean()).isTrue();
    assertThat(get("supervisor", "/api/reports/annual/2025").get("locked").asBoolean()).isFalse();
    assertThat(jdbc.sql("select agency_code from dd_report_lock").query(String.class).list()).containsExactly("housing");

    // and a 2025 housing case registered after the sign-off changes neither housing's published figures nor
    // the aggregate, which shows it as a difference
    housing.received(NATURAL_PERSON, d("2025-11-11"));
    JsonNode city = get("city-supervisor", "/api/reports/annual/2025?agency=all");
    assertThat(row(city, "一、本年新收政府信息公开申请数量")).containsExactly(4, 2, 1, 1, 0, 1, 9);
    assertThat(city.get("locked").asBoolean()).isFalse();
    assertThat(city.get("agencies")).extracting(n -> n.get("code").asText() + ":" + n.get("locked").asBoolean())
        .containsExactly("default:false", "housing:true");
    List<String> differences = new ArrayList<>();
    city.get("differences").forEach(x -> differences.add(x.get("row").asText() + "|" + x.get("column").asText() + "|"
        + x.get("published").asInt() + "→" + x.get("current").asInt()));
    assertThat(differences).contains("一、本年新收政府信息公开申请数量|自然人|4→5", "四、结转下年度继续办理|总计|3→4");
    assertThat(city.get("check").get("holds").asBoolean()).isTrue();
    // 2026 now carries over one more than housing published for 2025: the aggregate's reconciliation says so
    JsonNode next = get("city-supervisor", "/api/reports/annual/2026?agency=all");
    assertThat(next.get("carryOver").get("holds").asBoolean()).isFalse();
    assertThat(next.get("carryOver").get("previousLocked").asBoolean()).isFalse();
  }

  @Test
  void theReportPageOffersTheCitySupervisorTheAggregateAndEachAgency() {
    ResponseEntity<String> page = rest.withBasicAuth("city-supervisor", "city-supervisor")
        .getForEntity("/supervision/reports/2025?agency=all", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("全市汇总", "id=\"city-agencies\"", "市住房和城乡建设局",
        "href=\"/supervision/reports/2025?agency=housing\"", "/supervision/reports/2025/export?format=csv&amp;agency=all")
        .doesNotContain("审定并锁定本年度");

    ResponseEntity<String> housingPage = rest.withBasicAuth("city-supervisor", "city-supervisor")
        .getForEntity("/supervision/reports/2025?agency=housing", String.class);
    assertThat(housingPage.getBody()).contains("id=\"report-agency\">市住房和城乡建设局<").doesNotContain("审定并锁定本年度");
    assertThat(rest.withBasicAuth("housing-supervisor", "housing-supervisor")
        .getForEntity("/supervision/reports/2025", String.class).getBody())
        .contains("id=\"report-agency\">市住房和城乡建设局<", "审定并锁定本年度");
    assertThat(rest.withBasicAuth("housing-supervisor", "housing-supervisor")
        .getForEntity("/supervision/reports/2025?agency=all", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value());
  }
}
