package org.disclosuredesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.calendar.BundledCalendarLoader;
import org.disclosuredesk.identity.AgencyIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10's benchmark: one platform of {@code bench.agencies} (20) agencies holding {@code bench.cityCases}
 * (200,000) cases between them — the same volume as the single-agency query benchmark of
 * {@link DisclosureDeskBenchmark} (20,000 open + 200,000 closed in one agency), spread over the agencies. The city
 * supervisor's lists and the city aggregate of the annual report must answer within the targets of one agency's.
 * Prints its figures (p95 over {@code bench.queries} calls each after one warm call) and the targets with PASS/MISS.
 *
 * <pre>./mvnw -Pbench verify -Dit.test=CityBenchmark</pre>
 */
class CityBenchmark {

  static final int AGENCIES = Integer.getInteger("bench.agencies", 20);
  static final int CASES = Integer.getInteger("bench.cityCases", 200_000);
  static final int QUERIES = Integer.getInteger("bench.queries", 100);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> rows = new ArrayList<>();

  @Test
  void run() throws Exception {
    BenchProbe probe = new BenchProbe();
    String db = probe.createDatabase("city");
    ConfigurableApplicationContext app = null;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      app = BenchProbe.startApplication(db);
      int port = BenchProbe.port(app);
      long t0 = System.nanoTime();
      List<String> codes = seed(app, db);
      figures.put("seedSeconds", (System.nanoTime() - t0) / 1e9);

      String base = "http://127.0.0.1:" + port;
      BenchHttp.Api city = new BenchHttp.Api(BenchHttp.client(threads, false), base, "city-supervisor");
      JsonNode overdueAll = BenchHttp.JSON.readTree(city.getText("/api/supervision/cases?filter=overdue&agency=all"));
      // compared with one agency that has overdue cases (the seed's dates put them in a few agencies)
      String one = overdueAll.size() == 0 ? codes.get(0) : overdueAll.get(0).path("agency").asText();
      JsonNode overdueOne = BenchHttp.JSON.readTree(city.getText("/api/supervision/cases?filter=overdue&agency=" + one));
      figures.put("overdueCasesCityWide", overdueAll.size());
      figures.put("overdueCasesOneAgency", overdueOne.size());
      figures.put("dueSoonCasesCityWide",
          BenchHttp.JSON.readTree(city.getText("/api/supervision/cases?filter=due-soon&agency=all")).size());
      assertThat(overdueAll.size()).as("the city list holds every agency's overdue cases").isGreaterThan(overdueOne.size());
      assertThat(overdueOne.size()).as("the agency compared has overdue cases").isPositive();

      Map<String, Call> lists = new LinkedHashMap<>();
      lists.put("cityOverdueListP95Ms", () -> city.getText("/api/supervision/cases?filter=overdue&agency=all"));
      lists.put("cityDueSoonListP95Ms", () -> city.getText("/api/supervision/cases?filter=due-soon&agency=all"));
      lists.put("agencyOverdueListP95Ms", () -> city.getText("/api/supervision/cases?filter=overdue&agency=" + one));
      Map<String, Call> reports = new LinkedHashMap<>();
      reports.put("cityAnnualReportP95Ms", () -> city.getText("/api/reports/annual/2025?agency=all"));
      reports.put("agencyAnnualReportP95Ms", () -> city.getText("/api/reports/annual/2025?agency=" + one));
      reports.put("leagueTableP95Ms", () -> city.getText("/api/supervision/agencies?year=2025"));
      // every path warmed up first, as the single-agency benchmark warms its JVM before measuring
      for (int i = 0; i < WARMUP; i++) {
        for (Call c : lists.values()) {
          c.call();
        }
        if (i % 5 == 0) {
          for (Call c : reports.values()) {
            c.call();
          }
        }
      }
      for (Map.Entry<String, Call> e : lists.entrySet()) {
        measure(e.getKey(), time(e.getValue()));
      }
      int reportCalls = Math.max(5, QUERIES / 10);
      for (Map.Entry<String, Call> e : reports.entrySet()) {
        measure(e.getKey(), time(reportCalls, e.getValue()));
      }
    } finally {
      threads.shutdownNow();
      if (app != null) {
        app.close();
      }
      probe.dropDatabase(db);
      probe.close();
    }
    report();
  }

  /** 20 agencies (tenants, calendars) and their cases: per agency a tenth open (received in the last 30 days). */
  private List<String> seed(ConfigurableApplicationContext app, String db) throws Exception {
    List<String> codes = new ArrayList<>();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < AGENCIES; i++) {
      String code = String.format(Locale.ROOT, "bench%02d", i + 1);
      String prefix = "B" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
      codes.add(code);
      values.append(values.length() == 0 ? "" : ",").append("('").append(code).append("', '测试机关").append(i + 1)
          .append("', '").append(prefix).append("', '测试机关").append(i + 1).append("（政府信息公开专用章）', '0000-0000',"
              + " '示例市', '示例市人民政府', '示例市中级人民法院', now(), now(), 'bench')");
    }
    int open = CASES / 10;
    try (Connection c = DriverManager.getConnection(BenchProbe.url(db), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("insert into dd_agency (code, name, case_number_prefix, seal_text, contact_phone, contact_address,"
          + " reconsideration_body, court, created_at, updated_at, updated_by) values " + values);
      s.execute("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime, due_on,"
          + " applicant_type, applicant_name, description, department, status, outcome, withholding_ground, replied_on,"
          + " closed_on, current_task, created_at, updated_at)"
          + " select a.code, a.case_number_prefix || '-' || extract(year from d) || '-' || lpad(g::text, 7, '0'),"
          + " (array['IN_PERSON','LETTER','ONLINE','EMAIL'])[1 + g % 4], d, d, 'R2019', d + 28,"
          + " (array['NATURAL_PERSON','COMMERCIAL_ENTERPRISE'])[1 + g % 2], '申请人' || g, '政府信息' || g, 'office',"
          + " case when g <= " + open + " then (array['IN_HANDLING','REGISTERED','IN_REVIEW'])[1 + g % 3] else 'CLOSED' end,"
          + " case when g <= " + open + " then null else (array['DISCLOSE','PARTIAL','WITHHOLD','NOT_EXIST','NOT_THIS_AGENCY',"
          + "'ALREADY_PUBLIC','PETITION','REPEAT'])[1 + g % 8] end,"
          + " case when g > " + open + " and g % 8 = 2 then 'THIRD_PARTY_RIGHTS' end,"
          + " case when g > " + open + " then d + g % 40 end, case when g > " + open + " then d + g % 40 end,"
          + " case when g <= " + open + " then '办理申请并拟定答复' end, now(), now()"
          + " from (select g, case when g <= " + open + " then current_date - (g % 30)"
          + " else date '2025-01-02' + (g % 600) end as d from generate_series(1, " + CASES + ") g) x"
          + " join (select code, case_number_prefix, row_number() over (order by code) - 1 as n from dd_agency"
          + " where code like 'bench%') a on a.n = x.g % " + AGENCIES);
      s.execute("analyze");
    }
    Agencies agencies = app.getBean(Agencies.class);
    agencies.forget();
    AgencyIdentities identities = app.getBean(AgencyIdentities.class);
    BundledCalendarLoader calendars = app.getBean(BundledCalendarLoader.class);
    for (String code : codes) {
      identities.agency(code, agencies.get(code).name());
      calendars.loadFor(code);
    }
    return codes;
  }

  private void report() {
    // issue 10: "within the same targets as one agency's" — issue 11's list target (25 ms) and report target (1 s),
    // the report's tightened to twice its first measurement here (p95 about 300 ms), as the README's rule for targets says;
    // one agency's list keeps the single-agency benchmark's tightened 18 ms (twice its 9.5 ms)
    target("city overdue list p95 over HTTP (ms), 20 agencies", "cityOverdueListP95Ms", 25);
    rows.add(String.format(Locale.ROOT, "%-56s %8.1f  (no target, as for one agency's due-soon list)",
        "city due-soon list p95 over HTTP (ms)", (Double) figures.get("cityDueSoonListP95Ms")));
    target("one agency's overdue list p95 (ms), same platform", "agencyOverdueListP95Ms", 18);
    target("city aggregate annual report p95 (ms)", "cityAnnualReportP95Ms", 600);
    target("one agency's annual report p95 (ms)", "agencyAnnualReportP95Ms", 300);
    target("league table of the agencies p95 (ms)", "leagueTableP95Ms", 600);
    StringBuilder out = new StringBuilder("\n=== City benchmark: " + AGENCIES + " agencies, " + CASES + " cases, PostgreSQL, "
        + Runtime.getRuntime().availableProcessors() + " cores ===\n");
    figures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-32s %s%n", k,
        v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v)));
    rows.forEach(r -> out.append(r).append('\n'));
    System.out.println(out);
  }

  private void target(String label, String figure, double limit) {
    double measured = (Double) figures.get(figure);
    rows.add(String.format(Locale.ROOT, "%-56s %8.1f  ≤ %6.0f  %s", label, measured, limit,
        measured <= limit ? "PASS" : "MISS"));
  }

  interface Call {
    Object call() throws Exception;
  }

  private static List<Double> time(Call call) throws Exception {
    return time(QUERIES, call);
  }

  private static List<Double> time(int times, Call call) throws Exception {
    call.call();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      call.call();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms;
  }

  /** The p95 as the figure compared with its target, and the median beside it (a 2-core machine is noisy). */
  private void measure(String p95Figure, List<Double> ms) {
    figures.put(p95Figure, p95(ms));
    figures.put(p95Figure.replace("P95", "P50"), percentile(ms, 0.5));
  }

  private static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
  }

  private static double p95(List<Double> values) {
    return percentile(values, 0.95);
  }
}
