package org.disclosuredesk.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.disclosuredesk.identity.DepartmentProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Metrics for Prometheus ({@code /actuator/prometheus}): registrations, open and overdue cases per
 * department (read from the case register, at most every {@link #REFRESH}), the job executor's backlog
 * (jobs due now) and open incidents. The mail outbox age is published by the notify feature.
 */
@Component
class DeskMetrics implements MeterBinder {

  static final Duration REFRESH = Duration.ofSeconds(30);
  static final String NO_DEPARTMENT = "none";

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final DepartmentProperties departments;
  private final Clock clock;

  DeskMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, DepartmentProperties departments,
      Clock clock) {
    this.jdbc = jdbc;
    this.management = management;
    this.runtime = runtime;
    this.departments = departments;
    this.clock = clock;
  }

  /** A value read at most once per {@link #REFRESH}, however often Prometheus scrapes. */
  private final class Cached<T> implements Supplier<T> {
    private final Supplier<T> read;
    private T value;
    private Instant readAt = Instant.MIN;

    Cached(Supplier<T> read) {
      this.read = read;
    }

    @Override
    public synchronized T get() {
      Instant now = clock.instant();
      if (value == null || readAt.plus(REFRESH).isBefore(now)) {
        value = read.get();
        readAt = now;
      }
      return value;
    }
  }

  record Counts(Map<String, Long> open, Map<String, Long> overdue, long registrations) {}

  // held here: meters keep only weak references to what they read
  private final Cached<Counts> counts = new Cached<>(this::readCounts);
  private final Cached<Long> backlog = new Cached<>(this::readBacklog);
  private final Cached<Long> incidents = new Cached<>(this::readIncidents);

  private Long readBacklog() {
    return management.createJobQuery().executable().count();
  }

  private Long readIncidents() {
    return runtime.createIncidentQuery().count();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("disclosure.registrations", counts, c -> c.get().registrations())
        .description("applications registered (rows of the case register)").register(registry);
    Set<String> depts = new LinkedHashSet<>(departments.departments().keySet());
    depts.add(NO_DEPARTMENT);
    for (String d : depts) {
      Gauge.builder("disclosure.cases.open", counts, c -> c.get().open().getOrDefault(d, 0L))
          .tag("department", d).description("open cases").register(registry);
      Gauge.builder("disclosure.cases.overdue", counts, c -> c.get().overdue().getOrDefault(d, 0L))
          .tag("department", d).description("open cases past their reply deadline").register(registry);
    }
    Gauge.builder("disclosure.jobs.due", backlog, Supplier::get)
        .description("jobs due now that the job executor has not run yet").register(registry);
    Gauge.builder("disclosure.incidents", incidents, Supplier::get)
        .description("open incidents (failed jobs without retries)").register(registry);
  }

  Counts readCounts() {
    LocalDate today = LocalDate.now(clock);
    Map<String, Long> open = new HashMap<>();
    Map<String, Long> overdue = new HashMap<>();
    jdbc.sql("select department, count(*) as n, sum(case when status <> 'REPLIED' and due_on < ? then 1 else 0 end) as late"
            + " from dd_case where status <> 'CLOSED' group by department")
        .param(Date.valueOf(today))
        .query((rs, i) -> {
          String d = rs.getString("department") == null ? NO_DEPARTMENT : rs.getString("department");
          open.merge(d, rs.getLong("n"), Long::sum);
          overdue.merge(d, rs.getLong("late"), Long::sum);
          return d;
        }).list();
    long registrations = jdbc.sql("select count(*) from dd_case").query(Long.class).single();
    return new Counts(open, overdue, registrations);
  }
}
