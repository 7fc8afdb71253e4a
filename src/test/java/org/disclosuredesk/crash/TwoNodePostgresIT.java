package org.disclosuredesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: two nodes (separate processes of the packaged jar) on one PostgreSQL database, job
 * executor on in both. Cases received long ago have their reply deadline behind them, so each one's
 * escalation timer (Timer_ReplyDeadline → Task_SuperviseOverdueCase) and reminders are due at once
 * (released together for both nodes); one node is killed with SIGKILL while the jobs run. Each case is escalated exactly once (one supervision task,
 * one ESCALATED entry), its escalation mail and its acknowledgement reach the SMTP server once — or, for a mail
 * the killed node had claimed and not yet marked sent, at most twice: the outbox sends at least once, and a node
 * killed between the mail server's answer and its own commit leaves the mail to be sent again (MailDrainer).
 */
class TwoNodePostgresIT {

  static final int CASES = 30;
  static final String ESCALATION_SUBJECT = "【超期督办】";

  @TempDir Path work;

  @Test
  void escalationsAndMailsHappenOncePerCaseWhileANodeIsKilled() throws Exception {
    String url = PostgresDatabase.create("twonode");
    GreenMail smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> settings = Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", PostgresDatabase.user(),
        "spring.datasource.password", PostgresDatabase.password(),
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
        // a killed node's jobs go to the other node once their lock expires (default 5 minutes)
        "camunda.bpm.job-execution.lock-time-in-millis", "10000",
        "camunda.bpm.job-execution.max-wait", "3000",
        // likewise the mails a killed node had claimed from the outbox (lease, default 5 minutes)
        "disclosure.mail.lease", "10s");
    try (AppNode a = AppNode.start("node-a", work, settings);
        AppNode b = AppNode.start("node-b", work, settings);
        Connection db = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password())) {
      NodeClient apiA = new NodeClient(a.base());
      NodeClient apiB = new NodeClient(b.base());

      // Given cases received on 1 September, registered on both nodes: their deadlines have passed, and
      // their route's jobs wait (suspended) until all are registered, so that both nodes find them due at once
      suspendRouteJobs(apiA, true);
      RegistrationLoad bodies = new RegistrationLoad(() -> apiA, "2026-09-01", null);
      List<String> cases = new ArrayList<>();
      for (int i = 1; i <= CASES; i++) {
        NodeClient api = i % 2 == 0 ? apiA : apiB;
        NodeClient.Answer r = api.post("reception", "/api/requests", bodies.body("逾期测试申请人" + i, applicantEmail(i)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        cases.add(r.json().path("caseNumber").asText());
      }
      assertThat(count(db, "select count(*) from dd_case_event where kind = 'ESCALATED'")).isZero();
      suspendRouteJobs(apiB, false);
      awaitCount(db, "select count(*) from dd_case_event where kind = 'ESCALATED'", CASES / 5, Duration.ofSeconds(60));

      // When node B is killed while both nodes work through the due jobs
      long escalatedAtKill = count(db, "select count(*) from dd_case_event where kind = 'ESCALATED'");
      long mailsAtKill = smtp.getReceivedMessages().length;
      b.kill();
      // the mails claimed and not yet marked sent when B died: B may have handed some of them to the mail server
      // already, and they are sent again once their lease expires (MailDrainer: a duplicate rather than a loss)
      java.util.Set<String> inFlight = inFlight(db);

      // Then node A finishes everything (B's locked jobs after their lock expires)
      awaitQuiet(db, smtp, cases, Duration.ofSeconds(150));

      // and every case was escalated exactly once, with one supervision task and one mail of each kind
      for (int i = 1; i <= CASES; i++) {
        String n = cases.get(i - 1);
        assertThat(count(db, "select count(*) from dd_case_event where kind = 'ESCALATED' and case_number = ?", n))
            .as("escalations of %s", n).isEqualTo(1);
        assertThat(count(db, "select count(*) from act_hi_taskinst t join act_hi_procinst p on p.proc_inst_id_ ="
            + " t.proc_inst_id_ where t.task_def_key_ = 'Task_SuperviseOverdueCase' and p.business_key_ = ?", n))
            .as("supervision tasks of %s", n).isEqualTo(1);
        List<MimeMessage> escalationMails = mails(smtp, m -> subject(m).startsWith(ESCALATION_SUBJECT + n + " "));
        assertThat(escalationMails).as("escalation mail of %s", n).isNotEmpty();
        int perRecipient = inFlight.contains("ESCALATION " + n) ? 2 : 1;
        assertThat(escalationMails.size()).as("escalation mail of %s: one copy per recipient (in flight at the kill: %s)",
            n, perRecipient == 2).isBetween(recipients(escalationMails.get(0)), perRecipient * recipients(escalationMails.get(0)));
        String applicant = applicantEmail(i);
        assertThat(mails(smtp, m -> recipientsOf(m).contains(applicant)).size())
            .as("acknowledgement to %s (in flight at the kill: %s)", applicant, inFlight.contains("ACKNOWLEDGEMENT " + n))
            .isBetween(1, inFlight.contains("ACKNOWLEDGEMENT " + n) ? 2 : 1);
      }
      assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
      long mailsInTheEnd = smtp.getReceivedMessages().length;
      assertThat(escalatedAtKill < CASES || mailsAtKill < mailsInTheEnd).as("node B killed in the middle of the work:"
          + " %d escalations, %d of %d mails done", escalatedAtKill, mailsAtKill, mailsInTheEnd).isTrue();
      a.stop();
      System.out.printf("Two nodes on PostgreSQL: %d mails claimed and unsent at the kill%n", inFlight.size());
      System.out.printf("Two nodes on PostgreSQL: %d overdue cases, node B killed with SIGKILL after %d escalations"
              + " and %d of %d mails; afterwards %d escalations (1 per case), %d supervision tasks (1 per case), %d escalation"
              + " mails and %d acknowledgements received (1 per case and recipient), 0 incidents%n", CASES,
          escalatedAtKill, mailsAtKill, mailsInTheEnd, count(db, "select count(*) from dd_case_event where kind = 'ESCALATED'"),
          count(db, "select count(*) from act_hi_taskinst where task_def_key_ = 'Task_SuperviseOverdueCase'"),
          mails(smtp, m -> subject(m).startsWith(ESCALATION_SUBJECT)).size(),
          mails(smtp, m -> recipientsOf(m).stream().anyMatch(r -> r.startsWith("applicant-"))).size());
    } finally {
      smtp.stop();
      PostgresDatabase.drop(url);
    }
  }

  /** Suspends (or activates) the jobs of the route, those there and those still to be created. */
  private static void suspendRouteJobs(NodeClient api, boolean suspended) {
    NodeClient.Answer r = api.put("admin", "/engine-rest/job-definition/suspended",
        "{\"processDefinitionKey\":\"disclosureRequest\",\"suspended\":" + suspended + ",\"includeJobs\":true}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private static void awaitCount(Connection db, String sql, long atLeast, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(db, sql) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + atLeast + " within " + timeout + ": " + sql);
      }
      RegistrationLoad.pause(50);
    }
  }

  /** Waits until every case is escalated and mailed and no job is due any more (nothing left to happen now). */
  private static void awaitQuiet(Connection db, GreenMail smtp, List<String> cases, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long escalated = count(db, "select count(distinct case_number) from dd_case_event where kind = 'ESCALATED'");
      long due = count(db, "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)",
          new Timestamp(System.currentTimeMillis()));
      long mailed = cases.stream().filter(n -> !mails(smtp, m -> subject(m).startsWith(ESCALATION_SUBJECT + n + " "))
          .isEmpty()).count();
      // the outbox drained, also the mails the killed node had claimed (its lease expires)
      long unsent = count(db, "select count(*) from dd_mail where status in ('QUEUED', 'FAILED')");
      if (escalated == cases.size() && mailed == cases.size() && due == 0 && unsent == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + timeout + ": " + escalated + " escalated, " + mailed
            + " escalation mails, " + due + " jobs due, " + unsent + " mails unsent");
      }
      RegistrationLoad.pause(500);
    }
  }

  private static String applicantEmail(int i) {
    return "applicant-" + i + "@example.com";
  }

  private static List<MimeMessage> mails(GreenMail smtp, java.util.function.Predicate<MimeMessage> which) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> recipientsOf(MimeMessage m) {
    try {
      Address[] all = m.getAllRecipients();
      return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static int recipients(MimeMessage m) {
    return recipientsOf(m).size();
  }

  /** "KIND caseNumber" of the outbox rows claimed by a drainer and not marked sent. */
  static java.util.Set<String> inFlight(Connection db) throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (PreparedStatement s = db.prepareStatement("select kind, case_number from dd_mail"
        + " where claim_token is not null and status in ('QUEUED', 'FAILED')");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    return out;
  }

  static long count(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
