package org.disclosuredesk.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.disclosuredesk.route.RouteTestSupport.at;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The route against a real PostgreSQL: schema creation, Flyway, the whole route, and concurrent registrations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoutePostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "route");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RouteTestSupport route;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    init(engine);
    api = new ApiClient(port);
    at("2026-03-02T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void runsOnPostgres() {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
  }

  @Test
  void theJobTableHasTheIndexesThatKeepJobAcquisitionIndependentOfTheTimersWaiting() {
    // engine.JobAcquisitionIndexes: the due date, and the locked jobs' instance (partial); both valid
    List<String> indexes = jdbc.sql("select c.relname || ' ' || pg_get_indexdef(i.indexrelid) from pg_index i"
        + " join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid"
        + " where t.relname = 'act_ru_job' and c.relname like 'dd_idx_job_%' and i.indisvalid order by c.relname")
        .query(String.class).list();
    assertThat(indexes).hasSize(2);
    assertThat(indexes.get(0)).startsWith("dd_idx_job_due ").contains("(duedate_)");
    assertThat(indexes.get(1)).startsWith("dd_idx_job_locked ").contains("(process_instance_id_)")
        .contains("WHERE (lock_owner_ IS NOT NULL)");
  }

  @Test
  void aCaseTravelsTheWholeRouteOnPostgres() {
    Response created = api.post("reception", "/api/requests", RequestJson.WALK_IN);
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.json().path("caseNumber").asText();
    ProcessInstance pi = route.instanceOf(caseNumber);
    route.acceptFor(pi, "planning");
    at("2026-03-04T10:00");
    route.complete(pi, "Task_HandleRequest", "handlingAction", "CONSULT", "consultationKind", "THIRD_PARTY",
        "consultationParty", "某公司");
    at("2026-03-11T10:00");
    route.complete(pi, "Task_RecordConsultationReply", "consultationAnswer", "CONSENT",
        "consultationAnsweredOn", "2026-03-11");
    route.propose(pi, "DISCLOSE");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REDACT", "redactions", "个人信息",
        "withheldPart1", "第三人个人信息", "withheldGround1", "THIRD_PARTY_RIGHTS");
    route.deliver(pi, LocalDate.of(2026, 3, 11));
    assertThat(pi).isEnded().hasPassed("End_Replied");

    Response shown = api.get("supervisor", "/api/requests/" + caseNumber);
    assertThat(shown.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(shown.json().path("outcome").asText()).isEqualTo("PARTIAL");
    assertThat(shown.json().path("dueOn").asText()).isEqualTo("2026-04-07");
    assertThat(shown.json().path("pauses")).hasSize(1);
    assertThat(shown.json().path("timeline").size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void concurrentRegistrationsGetDistinctNumbersAndOneCasePerIdempotencyKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Response>> distinct = IntStream.range(0, 12)
          // the first cases of a year nobody has registered in yet: the year's counter is created under contention
          .mapToObj(i -> (Callable<Response>) () -> api.post("portal", "/api/requests",
              RequestJson.WALK_IN.replace("2026-03-02", "2025-06-02")
                  .replace("\"channel\"", "\"lateRegistrationReason\":\"去年的信函，今日补登\",\"channel\""))).toList();
      Set<String> numbers = pool.invokeAll(distinct).stream().map(RoutePostgresIT::get)
          .peek(r -> assertThat(r.status()).isEqualTo(201))
          .map(r -> r.json().path("caseNumber").asText()).collect(Collectors.toSet());
      // numbers reserved ahead of each registration's transaction (issue 11): still 1 … 12, none left over
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(
          IntStream.rangeClosed(1, 12).mapToObj(i -> "GK-2025-%05d".formatted(i)).toList());
      assertThat(reservedNumbers(2025)).isEmpty();

      List<Callable<Response>> retries = IntStream.range(0, 6)
          .mapToObj(i -> (Callable<Response>) () -> api.post("portal", "/api/requests", RequestJson.WALK_IN,
              "Idempotency-Key", "same-submission")).toList();
      List<Response> answers = pool.invokeAll(retries).stream().map(RoutePostgresIT::get).toList();
      assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
      assertThat(answers.stream().map(r -> r.json().path("caseNumber").asText()).distinct()).hasSize(1);
      assertThat(jdbc.sql("select count(*) from dd_case where idempotency_key = 'portal:same-submission'")
          .query(Long.class).single()).isEqualTo(1L);

      // the retries that found the case reserved a number each and left it: every number is a case or left over …
      List<Integer> left = reservedNumbers(2026);
      assertThat(left).isNotEmpty();
      assertThat(jdbc.sql("select count(*) from dd_case where agency_code = 'default' and case_number like 'GK-2026-%'")
          .query(Long.class).single() + left.size())
          .isEqualTo(jdbc.sql("select last_value from dd_case_sequence where agency_code = 'default' and case_year = 2026")
              .query(Long.class).single());
      // … and the next registration once they are abandoned (10 s) takes the lowest of them
      at("2026-03-02T09:00:11");
      assertThat(api.post("portal", "/api/requests", RequestJson.WALK_IN).json().path("caseNumber").asText())
          .isEqualTo("GK-2026-%05d".formatted(left.get(0)));
      assertThat(reservedNumbers(2026)).containsExactlyElementsOf(left.subList(1, left.size()));
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Integer> reservedNumbers(int year) {
    return jdbc.sql("select case_number from dd_case_number_reserved where agency_code = 'default' and case_year = ?"
        + " order by case_number").param(year).query(Integer.class).list();
  }

  private static Response get(Future<Response> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
