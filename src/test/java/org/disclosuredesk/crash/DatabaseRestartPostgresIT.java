package org.disclosuredesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.crash.RegistrationLoad.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: PostgreSQL crashes and restarts while 4 clients register. The application recovers by
 * itself: during the outage requests get a quick 503 in the API's error format (no hang, no 500),
 * afterwards registrations succeed again, the job executor resumes, and every case answered 201
 * survived. The server is a throwaway instance of this test, never the machine's shared one.
 */
class DatabaseRestartPostgresIT {

  @TempDir Path work;

  @Test
  void applicationRecoversByItselfWhenPostgresRestartsUnderLoad() throws Exception {
    try (ThrowawayPostgres pg = ThrowawayPostgres.start();
        AppNode node = AppNode.start("pg-restart-node", work, Map.of("spring.datasource.url", pg.url(),
            "spring.datasource.username", "postgres", "spring.datasource.password", ""))) {
      NodeClient api = new NodeClient(node.base());
      // Given 4 clients registering
      RegistrationLoad load = new RegistrationLoad(() -> api, null, null);
      load.start(RegistrationCrashIT.CLIENTS);
      load.awaitAcknowledged(20, Duration.ofMinutes(3));

      // When the database crashes and stays away for a while
      long crashedAt = load.sinceStart();
      pg.crash();
      awaitAnswers(load, crashedAt, 503, 4, Duration.ofSeconds(60));
      long restartedAt = load.sinceStart();
      pg.startServer();

      // Then the application recovers by itself: registrations succeed again
      int acknowledgedAtRestart = load.acknowledged().size();
      load.awaitAcknowledged(acknowledgedAtRestart + 12, Duration.ofMinutes(2));
      load.stop();
      List<Outcome> outcomes = load.outcomes();
      assertThat(load.statusCounts().keySet()).as("answers: %s", load.statusCounts()).containsOnly(201, 503);
      List<Outcome> unavailable = outcomes.stream().filter(o -> o.status() == 503).toList();
      assertThat(unavailable).allSatisfy(o -> assertThat(o.body()).contains("\"errors\"").contains("\"server\""));
      long slowest = unavailable.stream().mapToLong(Outcome::tookMillis).max().orElse(0);
      assertThat(slowest).as("a request during the outage waits at most a few seconds").isLessThan(15_000);
      long firstAfter = outcomes.stream().filter(o -> o.status() == 201 && o.atMillis() > restartedAt)
          .mapToLong(Outcome::atMillis).min().orElseThrow();

      // and every case answered 201, before, during and after the outage, is there with its route
      int found = CaseChecks.assertAllThere(api, load.acknowledged());
      assertThat(CaseChecks.duplicates(load.acknowledged())).isZero();

      // and the job executor works again: a case received long ago is escalated at once
      String overdue = registerOverdueCase(api);
      awaitTimeline(api, overdue, "ESCALATED", Duration.ofSeconds(90));

      int register;
      try (Connection db = DriverManager.getConnection(pg.url(), "postgres", "")) {
        register = CaseChecks.assertRegisterConsistent(db, load.acknowledged());
      }
      node.stop();
      System.out.printf("PostgreSQL restart under load: %d answered 201, %d found after the outage (number, receipt,"
              + " route), 0 duplicates; %d answered 503 during the outage (slowest %d ms), none 500; registrations"
              + " succeeded again %d ms after the database restarted; the job executor escalated a new overdue case;"
              + " register holds %d cases%n", load.acknowledged().size(), found, unavailable.size(), slowest,
          firstAfter - restartedAt, register);
    }
  }

  static void awaitAnswers(RegistrationLoad load, long since, int status, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (load.outcomes().stream().filter(o -> o.atMillis() > since && o.status() == status).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " answers " + status + " within " + timeout + ": "
            + load.statusCounts());
      }
      RegistrationLoad.pause(100);
    }
  }

  /** A case received in early September: its reply deadline has passed, so its escalation timer is due now. */
  static String registerOverdueCase(NodeClient api) {
    RegistrationLoad one = new RegistrationLoad(() -> api, "2026-09-01", null);
    NodeClient.Answer a = api.post("reception", "/api/requests", one.body("逾期案件申请人"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().path("caseNumber").asText();
  }

  static void awaitTimeline(NodeClient api, String caseNumber, String kind, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      NodeClient.Answer view = api.get("supervisor", "/api/requests/" + caseNumber);
      if (view.status() == 200) {
        for (var entry : view.json().path("timeline")) {
          if (kind.equals(entry.path("kind").asText())) {
            return;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(caseNumber + " has no " + kind + " within " + timeout + ": " + view.body());
      }
      RegistrationLoad.pause(250);
    }
  }
}
