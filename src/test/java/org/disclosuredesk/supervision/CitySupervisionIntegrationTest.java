package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.report.OfficialDays;
import org.disclosuredesk.report.RegisterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Supervision across agencies (issue 10) over the register of the default agency (GK-…) and the housing
 * agency (ZJ-…): each agency's supervisors see and urge their own cases only, the city's supervisor
 * chooses one agency or the whole city and urges any agency's case, and the league table counts each
 * agency from known cases.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class CitySupervisionIntegrationTest {

  static final LocalDate TODAY = RegisterFixture.TODAY;

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ConfigurableApplicationContext context;
  final ObjectMapper json = new ObjectMapper();
  final List<CaseUrged> urged = new CopyOnWriteArrayList<>();
  final ApplicationListener<PayloadApplicationEvent<CaseUrged>> urgeListener = e -> urged.add(e.getPayload());

  String gkOverdue;
  String gkSoon;
  String zjOverdue;
  String zjLater;
  LocalDate zjLateReceived = LocalDate.of(2026, 1, 5);
  LocalDate zjLateReplied = LocalDate.of(2026, 2, 4);
  LocalDate zjCarriedReceived = LocalDate.of(2025, 12, 1);
  LocalDate zjCarriedReplied = LocalDate.of(2026, 1, 5);

  @BeforeEach
  void givenBothAgenciesOpenAndConcludedCases() {
    RegisterFixture.pinToday(TODAY);
    context.addApplicationListener(urgeListener);
    RegisterFixture gk = new RegisterFixture(register, jdbc);
    gk.clean(runtime);
    RegisterFixture zj = gk.housing();

    // the default agency: one overdue, one due soon, one answered in 5 working days, one withdrawn
    LocalDate received = TODAY.minusDays(70);
    gkOverdue = gk.received(ApplicantType.NATURAL_PERSON, Channel.IN_PERSON, received, "planning", "王五");
    gk.inHandling(gkOverdue, OfficialDays.addWorkingDays(received, 20));
    gk.currentTask(gkOverdue, "办理申请并拟定答复", "officer-planning");
    gkSoon = gk.received(ApplicantType.NATURAL_PERSON, Channel.LETTER, TODAY.minusDays(26), "finance", "赵六");
    gk.inHandling(gkSoon, OfficialDays.addWorkingDays(TODAY, 2));
    replied(gk, LocalDate.of(2026, 3, 2), OfficialDays.addWorkingDays(LocalDate.of(2026, 3, 2), 20),
        LocalDate.of(2026, 3, 9));
    String withdrawn = gk.received(ApplicantType.NATURAL_PERSON, LocalDate.of(2026, 3, 2));
    gk.inHandling(withdrawn, OfficialDays.addWorkingDays(LocalDate.of(2026, 3, 2), 20));
    gk.close(withdrawn, Outcome.OTHER, LocalDate.of(2026, 3, 3));

    // housing: one overdue, one open with time left, one answered late, one on time, one received in 2025
    LocalDate zjReceived = TODAY.minusDays(40);
    zjOverdue = zj.received(ApplicantType.COMMERCIAL_ENTERPRISE, Channel.ONLINE, zjReceived, "housing-dept", "某物业公司");
    zj.inHandling(zjOverdue, OfficialDays.addWorkingDays(zjReceived, 20));
    zj.currentTask(zjOverdue, "办理申请并拟定答复", "housing-officer");
    zjLater = zj.received(ApplicantType.NATURAL_PERSON, Channel.EMAIL, TODAY.minusDays(5), "housing-dept", "钱七");
    zj.inHandling(zjLater, OfficialDays.addWorkingDays(TODAY, 10));
    replied(zj, zjLateReceived, LocalDate.of(2026, 2, 2), zjLateReplied);
    replied(zj, LocalDate.of(2026, 3, 2), OfficialDays.addWorkingDays(LocalDate.of(2026, 3, 2), 20),
        LocalDate.of(2026, 3, 4));
    replied(zj, zjCarriedReceived, LocalDate.of(2025, 12, 29), zjCarriedReplied);
  }

  /** A case received, answered (disclosed) on {@code repliedOn} and closed the next day. */
  void replied(RegisterFixture agency, LocalDate receivedOn, LocalDate dueOn, LocalDate repliedOn) {
    String number = agency.received(ApplicantType.NATURAL_PERSON, receivedOn);
    agency.inHandling(number, dueOn);
    register.recordReply(agency.agency(), number, Outcome.DISCLOSE, null, null, repliedOn);
    register.close(agency.agency(), number, Outcome.DISCLOSE, repliedOn.plusDays(1));
  }

  @AfterEach
  void tearDown() {
    context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(urgeListener);
    RegisterFixture.resetClock();
  }

  @Test
  void anAgencysSupervisorSeesAndUrgesOnlyItsOwnCases() throws Exception {
    // housing's supervisor: housing's open cases, with their agency
    JsonNode housing = get("housing-supervisor", "/api/supervision/cases");
    assertThat(numbers(housing)).containsExactly(zjOverdue, zjLater);
    assertThat(housing).allMatch(c -> c.get("agency").asText().equals("housing"));
    assertThat(housing.get(0).get("department").asText()).isEqualTo("housing-dept");
    assertThat(housing.get(0).get("workingDaysLeft").asInt())
        .isEqualTo(-OfficialDays.countAfterUpTo(OfficialDays.addWorkingDays(TODAY.minusDays(40), 20), TODAY));
    assertThat(numbers(get("housing-supervisor", "/api/supervision/cases?agency=housing&filter=overdue")))
        .containsExactly(zjOverdue);
    // the default agency's supervisor: the default agency's
    assertThat(numbers(get("supervisor", "/api/supervision/cases"))).containsExactly(gkOverdue, gkSoon);

    // another agency or the whole city: 403; an unknown agency or another agency's department: 400
    assertThat(status("housing-supervisor", "/api/supervision/cases?agency=all")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-supervisor", "/api/supervision/cases?agency=default")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("supervisor", "/api/supervision/cases?agency=housing")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("supervisor", "/api/supervision/cases?agency=all")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(errorField("housing-supervisor", "/api/supervision/cases?agency=nowhere")).isEqualTo("agency");
    assertThat(errorField("housing-supervisor", "/api/supervision/cases?department=planning")).isEqualTo("department");
    assertThat(numbers(get("housing-supervisor", "/api/supervision/cases?department=housing-dept")))
        .containsExactly(zjOverdue, zjLater);

    // another agency's case is not found, as an unknown one: case page, diagram, urging
    assertThat(status("housing-supervisor", "/supervision/cases/" + gkOverdue)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("housing-supervisor", "/supervision/cases/" + gkOverdue + "/diagram.bpmn"))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("supervisor", "/supervision/cases/" + zjOverdue)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("housing-supervisor", "/supervision/cases/" + zjOverdue)).isEqualTo(HttpStatus.OK);
    assertThat(urge("housing-supervisor", gkOverdue, "请今日内答复").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(urge("supervisor", zjOverdue, "请今日内答复").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("housing-supervisor", "/api/requests/" + gkOverdue + "/legal-challenges"))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(urged).isEmpty();
    assertThat(register.timeline("default", gkOverdue)).noneMatch(e -> e.kind().equals("URGED"));
  }

  @Test
  void theCitySupervisorChoosesAnAgencyOrTheWholeCityAndUrgesAnyAgencysCase() throws Exception {
    // without a choice: the platform's own agency; with one: that agency
    assertThat(numbers(get("city-supervisor", "/api/supervision/cases"))).containsExactly(gkOverdue, gkSoon);
    assertThat(numbers(get("city-supervisor", "/api/supervision/cases?agency=housing"))).containsExactly(zjOverdue, zjLater);

    // the whole city: every agency's cases, each with its agency, counted on its agency's calendar
    JsonNode overdue = get("city-supervisor", "/api/supervision/cases?agency=all&filter=overdue");
    assertThat(numbers(overdue)).containsExactly(gkOverdue, zjOverdue);
    assertThat(overdue).extracting(c -> c.get("agency").asText()).containsExactly("default", "housing");
    assertThat(overdue.get(0).get("workingDaysLeft").asInt()).isEqualTo(-28);
    assertThat(overdue.get(1).get("assignee").asText()).isEqualTo("housing-officer");
    JsonNode open = get("city-supervisor", "/api/supervision/cases?agency=all&filter=open");
    assertThat(numbers(open)).containsExactlyInAnyOrder(gkOverdue, gkSoon, zjOverdue, zjLater);
    assertThat(numbers(get("admin", "/api/supervision/cases?agency=all&filter=due-soon"))).containsExactly(gkSoon);
    assertThat(numbers(get("city-supervisor", "/api/supervision/cases?agency=all&department=housing-dept")))
        .containsExactly(zjOverdue, zjLater);

    // both agencies' case pages, with the agency named
    assertThat(page("city-supervisor", "/supervision/cases/" + zjOverdue)).contains("市住房和城乡建设局", "某物业公司");
    assertThat(status("city-supervisor", "/supervision/cases/" + gkOverdue)).isEqualTo(HttpStatus.OK);

    // urging a housing case: on housing's timeline, its officer is urged
    ResponseEntity<String> response = urge("city-supervisor", zjOverdue, "请本周内答复");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(urged).containsExactly(new CaseUrged("housing", zjOverdue, "city-supervisor", "housing-officer",
        "请本周内答复"));
    assertThat(register.timeline("housing", zjOverdue)).filteredOn(e -> e.kind().equals("URGED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("city-supervisor"));
  }

  @Test
  void theSupervisionPagesLetTheCitySupervisorPickTheAgencyAndListTheCity() {
    String home = page("city-supervisor", "/supervision/");
    assertThat(home).contains("id=\"agency-choice\"", "<option value=\"all\">全市（全部机关）</option>",
        "value=\"housing\"", "市住房和城乡建设局", "id=\"nav-agencies\"");

    String city = page("city-supervisor", "/supervision/?agency=all&filter=overdue");
    assertThat(city).contains("data-case=\"" + gkOverdue + "\"", "data-case=\"" + zjOverdue + "\"",
        "<th>机关</th>", "<td class=\"agency\">市住房和城乡建设局</td>", "全市（2 个机关）");
    assertThat(page("city-supervisor", "/supervision/?agency=housing&filter=overdue"))
        .contains("data-case=\"" + zjOverdue + "\"").doesNotContain("data-case=\"" + gkOverdue + "\"");

    ResponseEntity<byte[]> csv = rest.withBasicAuth("city-supervisor", "city-supervisor")
        .getForEntity("/supervision/export?agency=all&filter=overdue&format=csv", byte[].class);
    List<String> lines = List.of(new String(csv.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
    assertThat(lines.get(0)).startsWith("机关,案件编号,");
    assertThat(lines).anyMatch(l -> l.startsWith("市住房和城乡建设局," + zjOverdue + ","));

    // an agency's own supervisor has no choice to make and no city overview
    String own = page("housing-supervisor", "/supervision/?filter=open");
    assertThat(own).contains("data-case=\"" + zjLater + "\"", "住房保障科").doesNotContain("id=\"agency-choice\"",
        "data-case=\"" + gkOverdue + "\"", "id=\"nav-agencies\"");
    assertThat(status("housing-supervisor", "/supervision/?agency=all")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-supervisor", "/supervision/?agency=nowhere")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(page("housing-supervisor", "/supervision/charts?year=2026")).contains("住房保障科")
        .doesNotContain("规划和自然资源科");
    assertThat(page("city-supervisor", "/supervision/charts?year=2026&agency=all"))
        .contains("市住房和城乡建设局 · 住房保障科", "规划和自然资源科");
  }

  @Test
  void theLeagueTableCountsEachAgencyFromItsCases() throws Exception {
    JsonNode table = get("city-supervisor", "/api/supervision/agencies?year=2026");

    assertThat(table).extracting(a -> a.get("code").asText()).containsSubsequence("default", "housing");
    JsonNode gk = line(table, "default");
    assertThat(gk.get("received").asInt()).isEqualTo(4);
    assertThat(gk.get("concluded").asInt()).isEqualTo(2);
    // the withdrawn case is concluded but neither on time nor late
    assertThat(gk.get("onTimePercent").asDouble()).isEqualTo(100.0);
    assertThat(gk.get("overdueNow").asInt()).isEqualTo(1);
    assertThat(gk.get("averageWorkingDays").asDouble()).isEqualTo(5.0);

    JsonNode zj = line(table, "housing");
    assertThat(zj.get("name").asText()).isEqualTo("市住房和城乡建设局");
    assertThat(zj.get("received").asInt()).as("the case received in 2025 is not received in 2026").isEqualTo(4);
    assertThat(zj.get("concluded").asInt()).isEqualTo(3);
    assertThat(zj.get("onTimePercent").asDouble()).isEqualTo(33.3);
    assertThat(zj.get("overdueNow").asInt()).isEqualTo(1);
    int late = OfficialDays.countAfterUpTo(zjLateReceived, zjLateReplied);
    int carried = OfficialDays.countAfterUpTo(zjCarriedReceived, zjCarriedReplied);
    assertThat(late).isEqualTo(22);
    assertThat(carried).isEqualTo(24);
    assertThat(zj.get("averageWorkingDays").asDouble()).isEqualTo(Math.round(10.0 * (late + 2 + carried) / 3) / 10.0);

    JsonNode before = line(get("admin", "/api/supervision/agencies?year=2025"), "housing");
    assertThat(before.get("received").asInt()).isEqualTo(1);
    assertThat(before.get("concluded").asInt()).isZero();
    assertThat(before.get("onTimePercent").isNull()).isTrue();
    assertThat(before.get("overdueNow").asInt()).as("overdue now, whatever the year").isEqualTo(1);

    // the city's supervisors and administrators only
    assertThat(status("supervisor", "/api/supervision/agencies")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-supervisor", "/api/supervision/agencies")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-officer", "/api/supervision/agencies")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/supervision/agencies", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(errorField("city-supervisor", "/api/supervision/agencies?year=2007")).isEqualTo("year");
  }

  @Test
  void theCityOverviewPageLinksEachAgencysOverdueList() {
    String overview = page("city-supervisor", "/supervision/agencies?year=2026");

    assertThat(overview).contains("全市概况", "市住房和城乡建设局",
        "href=\"/supervision/?agency=housing&amp;filter=overdue\"", "href=\"/supervision/?agency=default&amp;filter=overdue\"",
        "href=\"/supervision/reports/2026?agency=housing\"", "全市合计");
    assertThat(status("supervisor", "/supervision/agencies")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("housing-supervisor", "/supervision/agencies")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("city-supervisor", "/supervision/agencies?year=1999")).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  static JsonNode line(JsonNode table, String code) {
    for (JsonNode a : table) {
      if (a.get("code").asText().equals(code)) {
        return a;
      }
    }
    throw new AssertionError("no line for " + code + " in " + table);
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  String page(String user, String path) {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value());
  }

  String errorField(String user, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    return json.readTree(r.getBody()).get("errors").get(0).get("field").asText();
  }

  ResponseEntity<String> urge(String user, String caseNumber, String note) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).postForEntity("/api/supervision/cases/" + caseNumber + "/urge",
        new HttpEntity<>(Map.of("note", note), headers), String.class);
  }

  static List<String> numbers(JsonNode list) {
    List<String> numbers = new ArrayList<>();
    list.forEach(c -> numbers.add(c.get("caseNumber").asText()));
    return numbers;
  }
}
