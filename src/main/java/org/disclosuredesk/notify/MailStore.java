package org.disclosuredesk.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Table dd_mail: the outbox. Rows are claimed by a lease: {@link #claim} sets a fresh token and an
 * expiry on due rows whose lease is free or expired, in one conditional UPDATE — on PostgreSQL and
 * H2 alike a concurrent claimer re-reads the row after the first one's commit and no longer matches,
 * so each row is claimed by one node at a time. A claimer that dies leaves the lease to expire.
 */
@Repository
class MailStore {

  private static final String COLUMNS = "id, agency_code, case_number, kind, recipients, recipient_label, subject, body,"
      + " letter_id, status, attempts, queued_at, next_attempt_at, last_error";
  private static final String UNSENT = "status in ('QUEUED', 'FAILED')";

  private final JdbcClient jdbc;
  private final Clock clock;

  MailStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long insert(String agencyCode, String caseNumber, MailKind kind, List<String> recipients, String recipientLabel,
      String subject, String body, Long letterId) {
    KeyHolder key = new GeneratedKeyHolder();
    Timestamp now = now();
    jdbc.sql("insert into dd_mail (agency_code, case_number, kind, recipients, recipient_label, subject, body, letter_id,"
            + " status, queued_at, next_attempt_at, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, 0)")
        .params(agencyCode, caseNumber, kind.name(), String.join(",", recipients), cut(recipientLabel, 200),
            cut(subject, 500), body, letterId, now, now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<OutgoingMail> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from dd_mail where id = ?").param(id).query(MailStore::map).optional();
  }

  List<OutgoingMail> forCase(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_mail where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber).query(MailStore::map).list();
  }

  /**
   * Claims up to {@code max} due, unsent rows for {@code lease} and returns them (oldest first). Runs
   * outside any transaction: each statement commits at once, so the claim is visible to other nodes.
   */
  List<OutgoingMail> claim(int max, Duration lease) {
    Timestamp now = now();
    List<Long> due = jdbc.sql("select id from dd_mail where " + UNSENT + " and next_attempt_at <= ?"
            + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id fetch first " + max + " rows only")
        .params(now, now).query(Long.class).list();
    if (due.isEmpty()) {
      return List.of();
    }
    String token = UUID.randomUUID().toString();
    jdbc.sql("update dd_mail set claim_token = :token, claimed_until = :until where id in (:ids) and " + UNSENT
            + " and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)")
        .param("token", token).param("until", Timestamp.valueOf(now.toLocalDateTime().plus(lease)))
        .param("ids", due).param("now", now).update();
    return jdbc.sql("select " + COLUMNS + " from dd_mail where claim_token = ? and " + UNSENT + " order by id")
        .param(token).query(MailStore::map).list();
  }

  void markSent(long id) {
    jdbc.sql("update dd_mail set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,"
            + " claim_token = null, claimed_until = null where id = ?")
        .params(now(), id).update();
  }

  /** A failed attempt: the next one at {@code nextAttemptAt}; {@code failed} marks the alert state. */
  void markFailed(long id, LocalDateTime nextAttemptAt, String error, boolean failed) {
    jdbc.sql("update dd_mail set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, status = ?,"
            + " claim_token = null, claimed_until = null where id = ?")
        .params(Timestamp.valueOf(nextAttemptAt), cut(error, 1000), failed ? "FAILED" : "QUEUED", id).update();
  }

  /** Seconds since the oldest unsent mail was queued (0 when none waits). */
  double oldestUnsentAgeSeconds() {
    Timestamp oldest = jdbc.sql("select min(queued_at) from dd_mail where " + UNSENT).query(Timestamp.class).optional()
        .orElse(null);
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toLocalDateTime(), LocalDateTime.now(clock)).toSeconds());
  }

  long count(OutgoingMail.Status status) {
    return jdbc.sql("select count(*) from dd_mail where status = ?").param(status.name()).query(Long.class).single();
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static OutgoingMail map(ResultSet rs, int row) throws SQLException {
    long letter = rs.getLong("letter_id");
    Long letterId = rs.wasNull() ? null : letter;
    Timestamp next = rs.getTimestamp("next_attempt_at");
    return new OutgoingMail(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        MailKind.valueOf(rs.getString("kind")), Arrays.asList(rs.getString("recipients").split(",")),
        rs.getString("recipient_label"), rs.getString("subject"), rs.getString("body"), letterId,
        OutgoingMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getTimestamp("queued_at").toLocalDateTime(), next == null ? null : next.toLocalDateTime(),
        rs.getString("last_error"));
  }
}
