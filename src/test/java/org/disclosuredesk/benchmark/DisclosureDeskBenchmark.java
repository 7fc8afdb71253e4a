package org.disclosuredesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The speed and memory figures of one agency's year on PostgreSQL, printed with their targets. Not part
 * of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=DisclosureDeskBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.cases=N} sets the register's size, default 30000).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DisclosureDeskBenchmark {

  static final int CASES = Integer.getInteger("benchmark.cases", 30_000);
  static final int REGISTRATIONS = Integer.getInteger("benchmark.registrations", 200);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "benchmark");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRegister register;
  @Autowired CaseClock clock;

  private final List<String> lines = new ArrayList<>();
  private boolean allMet = true;

  @Test
  void oneAgencyYear() {
    long seeded = seed(CASES);
    ApiClient api = new ApiClient(port);
    api.get("supervisor", "/api/supervision/cases?filter=overdue"); // warm up

    double[] registration = timeEach(REGISTRATIONS, () -> {
      var r = api.post("reception", "/api/requests", RequestJson.WALK_IN.replace("2026-03-02", LocalDate.now().toString()));
      assertThat(r.status()).isEqualTo(201);
      return null;
    });
    report("registration through the API (route started, receipt issued)", "p95 ms", percentile(registration, 95), 250);
    report("registrations per second, one client", "per s", 1000.0 / mean(registration), -20);

    double[] overdue = timeEach(20, () -> api.get("supervisor", "/api/supervision/cases?filter=overdue"));
    report("overdue list over " + openCases() + " open cases (API)", "median ms", percentile(overdue, 50), 1500);
    double[] report = timeEach(10, () -> api.get("supervisor", "/api/reports/annual/2025"));
    report("annual report 2025 over " + seeded + " cases (API)", "median ms", percentile(report, 50), 2000);

    List<CaseRecord> open = register.openCases("default");
    long start = System.nanoTime();
    int n = 0;
    while (System.nanoTime() - start < 2_000_000_000L) {
      CaseRecord c = open.get(n++ % open.size());
      clock.replyDueOn(c, List.of());
    }
    report("reply due date computations", "per s", n / ((System.nanoTime() - start) / 1e9), -20_000);

    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    report("heap in use after GC", "MB", heap, 512);

    System.out.println();
    System.out.println("Disclosure Desk benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL)");
    lines.forEach(System.out::println);
    System.out.println(allMet ? "all targets met" : "SOME TARGETS MISSED");
    assertThat(allMet).as("benchmark targets").isTrue();
  }

  /** A year and a half of applications written straight into the register (not what is measured). */
  private long seed(int count) {
    Random random = new Random(42);
    Outcome[] outcomes = Arrays.stream(Outcome.values()).filter(o -> o != Outcome.WITHHOLD).toArray(Outcome[]::new);
    List<Object[]> rows = new ArrayList<>();
    LocalDate first = LocalDate.of(2025, 1, 2);
    for (int i = 0; i < count; i++) {
      LocalDate received = first.plusDays(random.nextInt(600));
      boolean open = received.isAfter(LocalDate.of(2026, 3, 1)) && random.nextInt(3) == 0;
      Outcome outcome = random.nextInt(10) == 0 ? Outcome.WITHHOLD : outcomes[random.nextInt(outcomes.length)];
      LocalDate due = received.plusDays(28);
      rows.add(new Object[] {"default", "BM-%d-%06d".formatted(received.getYear(), i),
          Channel.values()[random.nextInt(Channel.values().length)].name(), Date.valueOf(received),
          Date.valueOf(received), "R2019", Date.valueOf(due),
          ApplicantType.values()[random.nextInt(ApplicantType.values().length)].name(), "申请人" + i,
          "政府信息" + i, open ? "planning" : "office", open ? "IN_HANDLING" : "CLOSED",
          open ? null : outcome.name(),
          !open && outcome == Outcome.WITHHOLD ? WithholdingGround.values()[random.nextInt(8)].name() : null,
          open ? null : Date.valueOf(received.plusDays(random.nextInt(40))),
          Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now())});
    }
    jdbc.batchUpdate("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime, due_on,"
        + " applicant_type, applicant_name, description, department, status, outcome, withholding_ground, closed_on,"
        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return count;
  }

  private long openCases() {
    return jdbc.queryForObject("select count(*) from dd_case where status <> 'CLOSED'", Long.class);
  }

  private static double[] timeEach(int times, Supplier<?> action) {
    double[] ms = new double[times];
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      action.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  /** A positive target is a maximum, a negative one a minimum. */
  private void report(String what, String unit, double value, double target) {
    boolean met = target >= 0 ? value <= target : value >= -target;
    allMet &= met;
    lines.add("  %-62s %10.1f %-9s target %s %-8s %s".formatted(what, value, unit, target >= 0 ? "<=" : ">=",
        (long) Math.abs(target), met ? "met" : "MISSED"));
  }
}
