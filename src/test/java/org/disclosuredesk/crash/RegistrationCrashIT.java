package org.disclosuredesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.disclosuredesk.crash.RegistrationLoad.Acknowledged;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 6: the packaged application is killed with SIGKILL while 4 clients register; after
 * the restart every case answered 201 is there (number, receipt naming its applicant, one route) and
 * no number was issued twice — on the embedded H2 default and on PostgreSQL.
 */
class RegistrationCrashIT {

  static final int CLIENTS = 4;
  /** The node is killed once this many registrations were answered 201 (the others are in flight). */
  static final int ACKNOWLEDGED_BEFORE_KILL = 60;

  @TempDir Path work;

  @Test
  void h2DefaultKeepsEveryAcknowledgedCaseAndNeverReissuesANumber() throws Exception {
    // the shipped configuration: the H2 file database in ./data of the working directory
    try (AppNode node = AppNode.start("h2-node", work, Map.of())) {
      Figures f = crashAndRestart(node);
      node.stop();
      try (Connection db = DriverManager.getConnection(
          "jdbc:h2:file:" + work.resolve("data/disclosure-desk").toAbsolutePath(), "sa", "")) {
        f = f.withRegister(CaseChecks.assertRegisterConsistent(db, f.all()));
      }
      System.out.println("H2 crash: " + f);
    }
  }

  @Test
  void postgresKeepsEveryAcknowledgedCaseAndNeverReissuesANumber() throws Exception {
    String url = PostgresDatabase.create("crash");
    try (AppNode node = AppNode.start("pg-node", work, Map.of("spring.datasource.url", url,
        "spring.datasource.username", PostgresDatabase.user(), "spring.datasource.password", PostgresDatabase.password()))) {
      Figures f = crashAndRestart(node);
      try (Connection db = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password())) {
        f = f.withRegister(CaseChecks.assertRegisterConsistent(db, f.all()));
      }
      node.stop();
      System.out.println("PostgreSQL crash: " + f);
    } finally {
      PostgresDatabase.drop(url);
    }
  }

  private Figures crashAndRestart(AppNode node) throws Exception {
    AtomicReference<NodeClient> api = new AtomicReference<>(new NodeClient(node.base()));
    // Given 4 clients registering as fast as the node answers
    RegistrationLoad load = new RegistrationLoad(api::get, null, null);
    load.start(CLIENTS);
    load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofMinutes(3));
    // When the node is killed with SIGKILL in the middle of it
    node.kill();
    load.stop();
    List<Acknowledged> acknowledged = load.acknowledged();
    assertThat(load.statusCounts().keySet()).as("answers before the kill: %s", load.statusCounts())
        .allMatch(status -> status == 201 || status == -1);
    long unanswered = load.outcomes().stream().filter(o -> o.status() == -1).count();

    // Then after a restart every acknowledged case is there, whole, and no number was given twice
    node.start();
    api.set(new NodeClient(node.base()));
    int found = CaseChecks.assertAllThere(api.get(), acknowledged);
    int duplicates = CaseChecks.duplicates(acknowledged);
    assertThat(duplicates).isZero();

    // and new registrations get fresh numbers
    RegistrationLoad after = new RegistrationLoad(api::get, null, null);
    after.start(CLIENTS);
    after.awaitAcknowledged(2 * CLIENTS, Duration.ofMinutes(2));
    after.stop();
    assertThat(after.statusCounts().keySet()).as("answers after the restart: %s", after.statusCounts())
        .containsOnly(201);
    Set<String> before = new HashSet<>();
    acknowledged.forEach(a -> before.add(a.caseNumber()));
    List<Acknowledged> fresh = after.acknowledged();
    assertThat(fresh).allSatisfy(a -> assertThat(before).doesNotContain(a.caseNumber()));
    assertThat(CaseChecks.duplicates(fresh)).isZero();
    CaseChecks.assertAllThere(api.get(), fresh);
    return new Figures(acknowledged, found, duplicates, unanswered, fresh, -1);
  }

  record Figures(List<Acknowledged> acknowledged, int found, int duplicates, long unanswered,
      List<Acknowledged> fresh, int register) {

    List<Acknowledged> all() {
      return java.util.stream.Stream.concat(acknowledged.stream(), fresh.stream()).toList();
    }

    Figures withRegister(int cases) {
      return new Figures(acknowledged, found, duplicates, unanswered, fresh, cases);
    }

    @Override
    public String toString() {
      return ("%d answered 201, %d found after restart (number, receipt, route), %d duplicates; %d requests in flight"
          + " at the kill went unanswered; %d new registrations after the restart got fresh numbers; register holds %d"
          + " cases, each number once with one route").formatted(acknowledged.size(), found, duplicates, unanswered,
          fresh.size(), register);
    }
  }
}
