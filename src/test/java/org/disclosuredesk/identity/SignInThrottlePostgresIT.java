package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * On PostgreSQL, the sign-in counters are one limit for the cluster: a second node (another throttle on
 * the same database) sees the first node's failures, and concurrent failures are all counted. API keys
 * and the record of personal-data views work there too.
 */
@SpringBootTest
@ActiveProfiles("test")
class SignInThrottlePostgresIT {

  /**
   * Like {@link PostgresDatabase#register}, but under a prefix of its own: builds running at the same time on
   * the same server drop the {@code dd_it_} databases nobody is connected to yet, which raced this one's start.
   * Its own leftovers (older runs, nobody connected) are dropped here.
   */
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws java.sql.SQLException {
    String host = env("DD_PG_HOST", "127.0.0.1");
    String port = env("DD_PG_PORT", "5432");
    String user = env("DD_PG_USER", "postgres");
    String password = env("DD_PG_PASSWORD", "postgres");
    String name = "ddsignin_it_" + Long.toString(System.currentTimeMillis(), 36);
    String server = "jdbc:postgresql://" + host + ":" + port + "/";
    try (var c = java.sql.DriverManager.getConnection(server + "postgres", user, password); var s = c.createStatement()) {
      List<String> old = new java.util.ArrayList<>();
      try (var rs = s.executeQuery("select datname from pg_database d where datname like 'ddsignin\\_it\\_%'"
          + " and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
        while (rs.next()) {
          old.add(rs.getString(1));
        }
      }
      for (String db : old) {
        s.execute("drop database if exists " + db);
      }
      s.execute("create database " + name);
    }
    registry.add("spring.datasource.url", () -> server + name);
    registry.add("spring.datasource.username", () -> user);
    registry.add("spring.datasource.password", () -> password);
    registry.add("camunda.bpm.database.schema-update", () -> "true");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @Autowired SignInThrottle nodeA;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired ApiKeys keys;
  @Autowired org.disclosuredesk.privacy.PersonalDataViews views;

  @Test
  void anotherNodeSeesTheFailuresAndConcurrentFailuresAreAllCounted() throws Exception {
    SignInThrottle nodeB = new SignInThrottle(jdbc, transactions, clock);
    for (int i = 0; i < 5; i++) {
      nodeA.failed("clerk", "10.0.0.1");
    }
    assertThat(nodeB.secondsToWait("clerk", "10.0.0.1")).isEqualTo(2);
    assertThat(nodeB.secondsToWait("clerk", "10.0.0.2")).isZero();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Void>> failures = IntStream.range(0, 16).mapToObj(i -> (Callable<Void>) () -> {
        (i % 2 == 0 ? nodeA : nodeB).failed("racer", "10.0.0.9");
        return null;
      }).toList();
      for (var f : pool.invokeAll(failures)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.sql("select failures from dd_sign_in_failure where throttle_key = 'p:racer|10.0.0.9'")
        .query(Integer.class).single()).isEqualTo(16);
    nodeB.succeeded("clerk", "10.0.0.1");
    assertThat(nodeA.secondsToWait("clerk", "10.0.0.1")).isZero();
  }

  @Test
  void keysAndViewsAreStoredOnPostgres() {
    ApiKeys.IssuedKey issued = keys.issue("portal", "PostgreSQL", "admin");
    assertThat(keys.authenticate(issued.key())).hasValueSatisfying(who -> assertThat(who.userId()).isEqualTo("portal"));
    assertThat(keys.revoke(issued.id(), "admin")).isTrue();
    assertThat(keys.authenticate(issued.key())).isEmpty();
    views.record("GK-2026-00001", "supervisor", "督办案件页面");
    assertThat(views.of("GK-2026-00001")).extracting(org.disclosuredesk.privacy.PersonalDataViews.View::viewedBy)
        .containsExactly("supervisor");
  }
}
