package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.calendar.BundledCalendarLoader;
import org.disclosuredesk.identity.AgencyIdentities;
import org.disclosuredesk.report.RegisterFixture;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * City-wide supervision at scale (issue 10): a register of 200,000 cases of 20 agencies on PostgreSQL
 * (20,000 open, about 670 of them overdue; 180,000 closed over 20 months). The queries the city-wide
 * supervision lists and the league table's overdue count run are answered from the (agency_code, status,
 * due_on) index, never a sequential scan of dd_case; the city's answers match SQL counts; and the
 * timings of the city-wide calls beside one agency's are printed.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class CityScalePostgresIT {

  static final int CASES = 200_000;
  static final int AGENCIES = 20;
  static final LocalDate TODAY = RegisterFixture.TODAY;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "city_scale");
  }

  @TestConfiguration
  static class Capture {
    @Bean
    static BeanPostProcessor caseQueryCapture() {
      return CaseQueryCapture.wrappingDataSources();
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Agencies agencies;
  @Autowired BundledCalendarLoader calendars;
  @Autowired AgencyIdentities identities;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void givenTwentyAgenciesAndTwoHundredThousandCases() {
    RegisterFixture.pinToday(TODAY);
    for (int i = agencies.all().size(); i < AGENCIES; i++) {
      String code = "district" + (char) ('a' + i);
      agencies.insert(new Agency(code, "示例市第" + (i + 1) + "区人民政府", "Q" + (char) ('A' + i), "区政府（公章）", "0000-1",
          "示例路" + i + "号", "示例市人民政府", "示例市中级人民法院"), "test");
      identities.agency(code, "示例市第" + (i + 1) + "区人民政府");
      calendars.loadFor(code);
    }
    List<String> codes = agencies.all().stream().map(Agency::code).toList();
    assertThat(codes).hasSize(AGENCIES);
    if (jdbc.sql("select count(*) from dd_case").query(Integer.class).single() >= CASES) {
      return;
    }
    String array = codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "array[", "]"));
    int open = CASES / 10;
    // open cases received in the last 30 days, due 28 days later (1 in 30 overdue); closed ones over 20 months
    jdbc.sql("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime, due_on,"
        + " applicant_type, applicant_name, description, department, status, outcome, withholding_ground, replied_on,"
        + " closed_on, current_task, created_at, updated_at)"
        + " select (" + array + ")[1 + g % " + AGENCIES + "], 'S-' || lpad(g::text, 7, '0'),"
        + " (array['IN_PERSON','LETTER','ONLINE','EMAIL'])[1 + g % 4], d, d, 'R2019', d + 28,"
        + " (array['NATURAL_PERSON','COMMERCIAL_ENTERPRISE'])[1 + g % 2], '申请人' || g, '政府信息' || g,"
        + " (array['planning','finance','office'])[1 + g % 3],"
        + " case when g <= " + open + " then (array['IN_HANDLING','REGISTERED','IN_REVIEW'])[1 + g % 3] else 'CLOSED' end,"
        + " case when g <= " + open + " then null else (array['DISCLOSE','PARTIAL','WITHHOLD','NOT_EXIST',"
        + "'NOT_THIS_AGENCY','ALREADY_PUBLIC','PETITION','REPEAT'])[1 + g % 8] end,"
        + " case when g > " + open + " and g % 8 = 2 then 'THIRD_PARTY_RIGHTS' end,"
        + " case when g > " + open + " then d + g % 40 end, case when g > " + open + " then d + g % 40 end,"
        + " case when g <= " + open + " then '办理申请并拟定答复' end, now(), now()"
        + " from (select g, case when g <= " + open + " then date '" + TODAY + "' - (g % 30)"
        + " else date '2025-01-02' + (g % 600) end as d from generate_series(1, " + CASES + ") g) x").update();
    jdbc.sql("analyze dd_case").update();
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
    CaseQueryCapture.recording = false;
  }

  @Test
  void theCityWideListsAndLeagueTableUseTheIndexesAndAnswerLikeOneAgency() throws Exception {
    // the city's answers are the register's
    int overdue = jdbc.sql("select count(*) from dd_case where status <> 'CLOSED' and due_on < ?").param(TODAY)
        .query(Integer.class).single();
    assertThat(overdue).isBetween(600, 700);
    assertThat(get("/api/supervision/cases?agency=all&filter=overdue")).hasSize(overdue);
    JsonNode league = get("/api/supervision/agencies?year=2025");
    assertThat(league).hasSize(AGENCIES);
    int overdueInLeague = 0;
    int concludedInLeague = 0;
    for (JsonNode a : league) {
      overdueInLeague += a.get("overdueNow").asInt();
      concludedInLeague += a.get("concluded").asInt();
    }
    assertThat(overdueInLeague).isEqualTo(overdue);
    assertThat(concludedInLeague).isEqualTo(jdbc.sql("select count(*) from dd_case where closed_on between ? and ?")
        .params(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).query(Integer.class).single());
    JsonNode report = get("/api/reports/annual/2025?agency=all");
    assertThat(report.get("check").get("holds").asBoolean()).isTrue();

    // the selective city-wide queries are answered from an index (one range per agency and status)
    CaseQueryCapture.QUERIES.clear();
    CaseQueryCapture.recording = true;
    get("/api/supervision/cases?agency=all&filter=overdue");
    get("/api/supervision/cases?agency=all&filter=due-soon");
    get("/api/supervision/cases?agency=all&filter=overdue&department=planning");
    get("/api/supervision/agencies?year=2025");
    CaseQueryCapture.recording = false;
    List<String> selective = CaseQueryCapture.QUERIES.stream().filter(q -> q.contains("due_on <")).toList();
    assertThat(selective).as(CaseQueryCapture.QUERIES.toString()).hasSizeGreaterThanOrEqualTo(4);
    for (String sql : selective) {
      String plan = String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
      System.out.println("plan of " + sql + "\n" + plan);
      assertThat(plan).as(sql).doesNotContain("Seq Scan on dd_case").containsPattern("Index (Only )?Scan|Bitmap Index Scan");
      // nor by parallel workers, started anew for each call: PostgreSQL expects "open and overdue" to be tens of
      // thousands of rows and chose them for 666, 60 ms instead of 10 (db/vendor/postgresql/V18)
      assertThat(plan).as(sql).doesNotContain("Gather");
    }
    assertThat(jdbc.sql("select array_to_string(reloptions, ',') from pg_class where relname = 'dd_case'")
        .query(String.class).single()).contains("parallel_workers=0");

    // timings: the city beside one agency (the default agency holds 1/20 of the register)
    Map<String, long[]> timings = new LinkedHashMap<>();
    timings.put("one agency: overdue list", time(() -> get("supervisor", "/api/supervision/cases?filter=overdue")));
    timings.put("city: overdue list", time(() -> get("/api/supervision/cases?agency=all&filter=overdue")));
    timings.put("city: due-soon list", time(() -> get("/api/supervision/cases?agency=all&filter=due-soon")));
    timings.put("one agency: overdue list page", time(() -> page("/supervision/?filter=overdue")));
    timings.put("city: overdue list page", time(() -> page("/supervision/?agency=all&filter=overdue")));
    timings.put("one agency: annual report 2025", time(() -> get("supervisor", "/api/reports/annual/2025")));
    timings.put("city: annual report 2025 (aggregate)", time(() -> get("/api/reports/annual/2025?agency=all")));
    timings.put("city: league table 2025", time(() -> get("/api/supervision/agencies?year=2025")));
    StringBuilder table = new StringBuilder("\ncity-wide supervision over " + CASES + " cases of " + AGENCIES
        + " agencies (ms, p50 / max of " + RUNS + "):\n");
    timings.forEach((what, ms) -> table.append(String.format("  %-40s %6d / %6d%n", what, ms[0], ms[1])));
    System.out.println(table);
    // far above what is measured: only a query gone wrong (a scan per agency, a plan per case) fails here
    assertThat(timings.get("city: overdue list")[0]).as(table.toString()).isLessThan(1_000);
    assertThat(timings.get("city: overdue list page")[0]).as(table.toString()).isLessThan(3_000);
    assertThat(timings.get("city: annual report 2025 (aggregate)")[0]).as(table.toString()).isLessThan(10_000);
    assertThat(timings.get("city: league table 2025")[0]).as(table.toString()).isLessThan(10_000);
  }

  static final int RUNS = 9;

  /** p50 and max in ms over {@link #RUNS} calls after two warm-up calls. */
  static long[] time(Callable<?> call) throws Exception {
    call.call();
    call.call();
    long[] ms = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      call.call();
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    Arrays.sort(ms);
    return new long[] {ms[RUNS / 2], ms[RUNS - 1]};
  }

  JsonNode get(String path) throws Exception {
    return get("city-supervisor", path);
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  String page(String path) {
    ResponseEntity<String> r = rest.withBasicAuth("city-supervisor", "city-supervisor").getForEntity(path, String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }
}
