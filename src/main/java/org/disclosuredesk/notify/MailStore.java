package org.disclosuredesk.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table dd_mail: the outbox. */
@Repository
class MailStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  MailStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long insert(String agencyCode, String caseNumber, MailKind kind, List<String> recipients, String recipientLabel,
      String subject, String body, Long letterId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into dd_mail (agency_code, case_number, kind, recipients, recipient_label, subject, body, letter_id,"
            + " status, queued_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)")
        .params(agencyCode, caseNumber, kind.name(), String.join(",", recipients), cut(recipientLabel, 200),
            cut(subject, 500), body, letterId, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update dd_mail set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  Optional<OutgoingMail> find(long id) {
    return jdbc.sql("select id, agency_code, case_number, kind, recipients, recipient_label, subject, body, letter_id, status"
            + " from dd_mail where id = ?")
        .param(id).query(MailStore::map).optional();
  }

  List<OutgoingMail> forCase(String agencyCode, String caseNumber) {
    return jdbc.sql("select id, agency_code, case_number, kind, recipients, recipient_label, subject, body, letter_id, status"
            + " from dd_mail where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber).query(MailStore::map).list();
  }

  void mark(long id, OutgoingMail.Status status) {
    jdbc.sql("update dd_mail set status = ?, sent_at = ? where id = ?")
        .params(status.name(), status == OutgoingMail.Status.SENT ? now() : null, id).update();
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
    return new OutgoingMail(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        MailKind.valueOf(rs.getString("kind")), Arrays.asList(rs.getString("recipients").split(",")),
        rs.getString("recipient_label"), rs.getString("subject"), rs.getString("body"), letterId,
        OutgoingMail.Status.valueOf(rs.getString("status")));
  }
}
