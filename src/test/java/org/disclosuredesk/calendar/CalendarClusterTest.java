package org.disclosuredesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several nodes on one database (H2 here, migrated by Flyway as in the application), wired by hand:
 * the start-up load, a change made through one node seen by another, a rolled-back change, and
 * how rarely a node asks the database. Time between revalidations is a hand-moved ticker, not sleep.
 */
class CalendarClusterTest {

  private static final String AGENCY = "default";
  private static final LocalDate SEP_30_2027 = LocalDate.parse("2027-09-30");

  private DataSource db;
  private JdbcTemplate jdbc;

  /** One application node: its own cache and calendar, the shared database. */
  private final class Node {
    final AtomicLong ticker = new AtomicLong();
    final AtomicInteger revisionQueries = new AtomicInteger();
    final List<CalendarChanged> events = new CopyOnWriteArrayList<>();
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
    final CalendarStore store = new CalendarStore(new JdbcTemplate(db), transactions) {
      @Override
      long revision(String agencyCode) {
        revisionQueries.incrementAndGet();
        return super.revision(agencyCode);
      }

      @Override
      java.util.Map<String, Long> revisions() {
        revisionQueries.incrementAndGet();
        return super.revisions();
      }
    };
    final CalendarProperties properties = new CalendarProperties(List.of(2024, 2025, 2026), Duration.ofSeconds(2));
    final CalendarCache cache = new CalendarCache(store, properties, ticker::get);
    final AgencyProperties agency = new AgencyProperties(AGENCY, null, null, null);
    final CalendarWriter writer = new CalendarWriter(store, cache, e -> events.add((CalendarChanged) e),
        new AgencyClock(Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai")), agency));
    final BundledCalendarLoader loader = new BundledCalendarLoader(writer, properties,
        new org.disclosuredesk.agency.Agencies(org.springframework.jdbc.core.simple.JdbcClient.create(db), Clock.systemUTC(), agency),
        new ObjectMapper(), transactions);
    final WorkingDayCalendar calendar = new OfficialWorkingDayCalendar(cache);
    final TransactionTemplate tx = new TransactionTemplate(transactions);

    void replace2027NationalDay() {
      writer.prepare(AGENCY);
      tx.executeWithoutResult(s -> writer.replace(AGENCY, 2027, nationalDay2027(), "test", "admin"));
    }

    void passTime(Duration d) {
      ticker.addAndGet(d.toNanos());
    }
  }

  /** A fictitious 2027 notice: 10-01..10-07 off. */
  private static List<CalendarDay> nationalDay2027() {
    return LocalDate.parse("2027-10-01").datesUntil(LocalDate.parse("2027-10-08"))
        .map(d -> new CalendarDay(d, "国庆节", true)).toList();
  }

  @BeforeEach
  void database() {
    db = new DriverManagerDataSource("jdbc:h2:mem:calendar-cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).table("dd_schema_history").load().migrate();
    jdbc = new JdbcTemplate(db);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  @Test
  void twoNodesStartingAtOnceLoadEachBundledYearOnce() throws Exception {
    Node a = new Node();
    Node b = new Node();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(() -> {
        together.await();
        a.loader.start();
        return null;
      });
      Future<?> second = threads.submit(() -> {
        together.await();
        b.loader.start();
        return null;
      });
      first.get(60, TimeUnit.SECONDS); // rethrows a node's failure
      second.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertThat(count("select count(*) from dd_calendar_year")).isEqualTo(3);
    assertThat(count("select count(*) from dd_calendar_day")).isEqualTo(36 + 33 + 39);
    assertThat(count("select revision from dd_calendar_revision where agency_code = 'default'")).isEqualTo(3);
    List<CalendarChanged> events = new ArrayList<>(a.events);
    events.addAll(b.events);
    assertThat(events).extracting(CalendarChanged::year).containsExactlyInAnyOrder(2024, 2025, 2026);
    assertThat(events).allMatch(e -> e.changedBy().equals(CalendarChanged.SYSTEM) && e.agencyCode().equals(AGENCY));
    assertThat(b.calendar.addWorkingDays(AGENCY, LocalDate.parse("2026-09-24"), 20)).isEqualTo("2026-10-29");
  }

  @Test
  void aRestartKeepsTheAdministratorsCorrection() {
    Node a = new Node();
    a.loader.start();
    a.writer.prepare(AGENCY);
    a.tx.executeWithoutResult(s -> a.writer.replace(AGENCY, 2026,
        List.of(new CalendarDay(LocalDate.parse("2026-10-01"), "国庆节", true)), "test", "admin"));

    Node restarted = new Node();
    restarted.loader.start();

    assertThat(restarted.events).isEmpty();
    assertThat(restarted.calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-10-02"))).isTrue();
    assertThat(restarted.calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(jdbc.queryForObject("select updated_by from dd_calendar_year where cal_year = 2026", String.class)).isEqualTo("admin");
  }

  @Test
  void aChangeThroughOneNodeIsSeenByAnotherOnceItRevalidates() {
    Node a = new Node();
    Node b = new Node();
    a.loader.start();
    assertThat(b.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-01"); // weekends only

    a.replace2027NationalDay();

    assertThat(a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-08"); // at once on the writing node
    b.passTime(Duration.ofMillis(1900));
    assertThat(b.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-01"); // still cached
    b.passTime(Duration.ofMillis(200));
    assertThat(b.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-08");
    assertThat(b.calendar.hasOfficialData(AGENCY, 2027)).isTrue();
  }

  @Test
  void insideTheTransactionTheNewCalendarCountsAndARollbackLeavesNoTrace() {
    Node a = new Node();
    a.loader.start();
    assertThat(a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-01");

    a.writer.prepare(AGENCY);
    LocalDate seenInside = a.tx.execute(s -> {
      a.writer.replace(AGENCY, 2027, nationalDay2027(), "test", "admin");
      s.setRollbackOnly(); // e.g. a CalendarChanged listener failed
      return a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1);
    });

    assertThat(seenInside).isEqualTo("2027-10-08");
    assertThat(a.events).extracting(CalendarChanged::year).endsWith(2027);
    assertThat(a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-01");
    a.passTime(Duration.ofSeconds(3));
    assertThat(a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-01");
    assertThat(count("select count(*) from dd_calendar_year where cal_year = 2027")).isZero();
  }

  @Test
  void aNodeAsksTheDatabaseAtMostOncePerIntervalAndReloadsOnlyOnAChange() {
    Node a = new Node();
    a.loader.start();
    a.calendar.isWorkingDay(AGENCY, SEP_30_2027);
    int before = a.revisionQueries.get();

    for (int i = 0; i < 10_000; i++) {
      a.calendar.addWorkingDays(AGENCY, LocalDate.parse("2026-01-01").plusDays(i % 700), 20);
    }
    assertThat(a.revisionQueries.get()).isEqualTo(before);

    a.passTime(Duration.ofSeconds(2));
    a.calendar.isWorkingDay(AGENCY, SEP_30_2027);
    a.calendar.isWorkingDay(AGENCY, SEP_30_2027);
    assertThat(a.revisionQueries.get()).isEqualTo(before + 1);
  }

  @Test
  void oneQueryRevalidatesEveryAgencyTheNodeHolds() {
    Node a = new Node();
    a.loader.start();
    for (int i = 1; i <= 20; i++) { // twenty agencies' calendars in the node's cache (weekends only)
      a.calendar.isWorkingDay("agency" + i, SEP_30_2027);
    }
    a.calendar.isWorkingDay(AGENCY, SEP_30_2027);
    int before = a.revisionQueries.get();

    a.passTime(Duration.ofSeconds(3));
    for (int i = 1; i <= 20; i++) {
      a.calendar.isWorkingDay("agency" + i, SEP_30_2027);
    }
    a.calendar.isWorkingDay(AGENCY, SEP_30_2027);
    assertThat(a.revisionQueries.get()).as("one revision query for all 21 agencies").isEqualTo(before + 1);

    // a change made through another node is still seen at the next revalidation
    new Node().replace2027NationalDay();
    a.passTime(Duration.ofSeconds(3));
    a.calendar.isWorkingDay("agency1", SEP_30_2027);
    assertThat(a.calendar.addWorkingDays(AGENCY, SEP_30_2027, 1)).isEqualTo("2027-10-08");
  }
}
