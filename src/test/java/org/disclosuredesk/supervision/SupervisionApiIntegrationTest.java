package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
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

/** {@code GET /api/supervision/cases} and urging, over cases written into the register. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionApiIntegrationTest {

  static final LocalDate TODAY = RegisterFixture.TODAY;

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ConfigurableApplicationContext context;
  final ObjectMapper json = new ObjectMapper();
  final List<CaseUrged> urged = new CopyOnWriteArrayList<>();
  final ApplicationListener<PayloadApplicationEvent<CaseUrged>> urgeListener = e -> urged.add(e.getPayload());
  RegisterFixture cases;

  String overdue;
  LocalDate overdueDue;
  String dueToday;
  String dueSoon;
  String later;
  String awaitingSupplement;
  String closed;

  @BeforeEach
  void givenOpenCasesAroundTheirDueDates() {
    RegisterFixture.pinToday(TODAY);
    context.addApplicationListener(urgeListener);
    cases = new RegisterFixture(register, jdbc);
    cases.clean(runtime);
    // received 70 days ago and not answered: due 20 working days after receipt
    LocalDate received = TODAY.minusDays(70);
    overdueDue = OfficialDays.addWorkingDays(received, 20);
    overdue = cases.received(ApplicantType.NATURAL_PERSON, Channel.IN_PERSON, received, "planning", "王五");
    cases.inHandling(overdue, overdueDue);
    cases.currentTask(overdue, "办理申请并拟定答复", "officer-planning");

    dueToday = cases.received(ApplicantType.COMMERCIAL_ENTERPRISE, Channel.ONLINE, TODAY.minusDays(28), "office", "某公司");
    cases.inHandling(dueToday, TODAY);
    dueSoon = cases.received(ApplicantType.NATURAL_PERSON, Channel.LETTER, TODAY.minusDays(26), "finance", "赵六");
    cases.inHandling(dueSoon, OfficialDays.addWorkingDays(TODAY, 2));
    later = cases.received(ApplicantType.NATURAL_PERSON, Channel.EMAIL, TODAY.minusDays(10), "office", "钱七");
    cases.inHandling(later, OfficialDays.addWorkingDays(TODAY, 10));
    awaitingSupplement = cases.received(ApplicantType.OTHER_ORG, Channel.FAX, TODAY.minusDays(3), null, "某协会");
    register.setStatus("default", awaitingSupplement, CaseStatus.AWAITING_SUPPLEMENT);
    closed = cases.received(ApplicantType.NATURAL_PERSON, Channel.ONLINE, TODAY.minusDays(90), "planning", "孙八");
    cases.inHandling(closed, TODAY.minusDays(50));
    cases.close(closed, Outcome.DISCLOSE, TODAY.minusDays(52));
  }

  @AfterEach
  void tearDown() {
    context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(urgeListener);
    RegisterFixture.resetClock();
  }

  @Test
  void aCaseReceived70DaysAgoIsOverdueByTheWorkingDaysSinceItsDueDate() throws Exception {
    // computed here, day by day on the official 2026 calendar: due 2026-05-09 (a make-up Saturday)
    int expected = -OfficialDays.countAfterUpTo(overdueDue, TODAY);
    assertThat(overdueDue).isEqualTo(LocalDate.of(2026, 5, 9));
    assertThat(expected).isEqualTo(-28);

    JsonNode list = get("supervisor", "/api/supervision/cases?filter=overdue");

    assertThat(list).hasSize(1);
    JsonNode c = list.get(0);
    assertThat(c.get("caseNumber").asText()).isEqualTo(overdue);
    assertThat(c.get("workingDaysLeft").asInt()).isEqualTo(expected);
    assertThat(c.get("overdue").asBoolean()).isTrue();
    assertThat(c.get("department").asText()).isEqualTo("planning");
    assertThat(c.get("receivedOn").asText()).isEqualTo(TODAY.minusDays(70).toString());
    assertThat(c.get("dueOn").asText()).isEqualTo("2026-05-09");
    assertThat(c.get("status").asText()).isEqualTo("IN_HANDLING");
    assertThat(c.get("channel").asText()).isEqualTo("IN_PERSON");
    assertThat(c.get("currentTask").asText()).isEqualTo("办理申请并拟定答复");
    assertThat(c.get("assignee").asText()).isEqualTo("officer-planning");
  }

  @Test
  void dueSoonIsDueWithinThreeWorkingDaysAndOpenIsEveryOpenCaseSortedByWorkingDaysLeft() throws Exception {
    assertThat(numbers(get("supervisor", "/api/supervision/cases?filter=due-soon"))).containsExactly(dueToday, dueSoon);
    assertThat(daysLeft(get("supervisor", "/api/supervision/cases?filter=due-soon"))).containsExactly("0", "2");

    JsonNode open = get("admin", "/api/supervision/cases?filter=open");
    assertThat(numbers(open)).containsExactly(overdue, dueToday, dueSoon, later, awaitingSupplement);
    assertThat(daysLeft(open)).containsExactly("-28", "0", "2", "10", "null");
    assertThat(numbers(get("supervisor", "/api/supervision/cases?filter=open&sort=desc")))
        .containsExactly(later, dueSoon, dueToday, overdue, awaitingSupplement);
    assertThat(numbers(get("supervisor", "/api/supervision/cases?filter=open&department=finance")))
        .containsExactly(dueSoon);
    assertThat(numbers(get("supervisor", "/api/supervision/cases?filter=overdue&department=finance"))).isEmpty();
    assertThat(numbers(get("supervisor", "/api/supervision/cases?status=AWAITING_SUPPLEMENT")))
        .containsExactly(awaitingSupplement);
    assertThat(numbers(get("supervisor", "/api/supervision/cases?channel=EMAIL"))).containsExactly(later);
  }

  @Test
  void invalidFilterOrDepartmentIsAFieldError() throws Exception {
    assertThat(errorField("/api/supervision/cases?filter=late")).isEqualTo("filter");
    assertThat(errorField("/api/supervision/cases?filter=overdue&department=nowhere")).isEqualTo("department");
    assertThat(errorField("/api/supervision/cases?status=CLOSED")).isEqualTo("status");
    assertThat(errorField("/api/supervision/cases?channel=PIGEON")).isEqualTo("channel");
    assertThat(errorField("/api/supervision/cases?sort=sideways")).isEqualTo("sort");
  }

  @Test
  void onlySupervisorsAndAdminsMaySupervise() {
    assertThat(rest.withBasicAuth("officer-planning", "officer-planning")
        .getForEntity("/api/supervision/cases?filter=overdue", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("reception", "reception")
        .getForEntity("/api/supervision/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/supervision/cases", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(urge("officer-planning", overdue, "快").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void urgingRecordsOnTheTimelineAndPublishesCaseUrged() throws Exception {
    ResponseEntity<String> response = urge("supervisor", overdue, "请今日内答复");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(urged).containsExactly(new CaseUrged("default", overdue, "supervisor", "officer-planning", "请今日内答复"));
    assertThat(register.timeline("default", overdue)).filteredOn(e -> e.kind().equals("URGED")).singleElement()
        .satisfies(e -> {
      assertThat(e.kind()).isEqualTo("URGED");
      assertThat(e.actor()).isEqualTo("supervisor");
      assertThat(e.detail()).contains("officer-planning", "办理申请并拟定答复", "请今日内答复");
    });
    assertThat(urge("supervisor", closed, "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(urge("supervisor", "GK-2026-99999", "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(urge("supervisor", overdue, "长".repeat(1001)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(urged).hasSize(1);
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  String errorField(String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
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

  static List<String> daysLeft(JsonNode list) {
    List<String> days = new ArrayList<>();
    list.forEach(c -> days.add(c.get("workingDaysLeft").asText()));
    return days;
  }
}
