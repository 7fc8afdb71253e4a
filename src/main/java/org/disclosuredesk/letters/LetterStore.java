package org.disclosuredesk.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table dd_letter: the letters issued, with their HTML as issued. */
@Repository
class LetterStore {

  private static final String COLUMNS = "id, agency_code, case_number, letter_type, issued_at, issued_by, delivery, recipient";

  private final JdbcClient jdbc;

  LetterStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String agencyCode, String caseNumber, LetterType type, LocalDateTime issuedAt, String issuedBy,
      String delivery, String recipient, String html) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into dd_letter (agency_code, case_number, letter_type, issued_at, issued_by, delivery, recipient, html)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, type.name(), Timestamp.valueOf(issuedAt), issuedBy, delivery,
            truncate(recipient, 200), html)
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<IssuedLetter> list(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_letter where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber).query(LetterStore::map).list();
  }

  Optional<IssuedLetter> find(String agencyCode, long id) {
    return jdbc.sql("select " + COLUMNS + " from dd_letter where agency_code = ? and id = ?")
        .params(agencyCode, id).query(LetterStore::map).optional();
  }

  Optional<IssuedLetter> latest(String agencyCode, String caseNumber, LetterType type) {
    return jdbc.sql("select " + COLUMNS + " from dd_letter where agency_code = ? and case_number = ? and letter_type = ?"
            + " order by id desc fetch first 1 rows only")
        .params(agencyCode, caseNumber, type.name()).query(LetterStore::map).optional();
  }

  String html(String agencyCode, long id) {
    return jdbc.sql("select html from dd_letter where agency_code = ? and id = ?")
        .params(agencyCode, id).query(String.class).single();
  }

  private static IssuedLetter map(ResultSet rs, int row) throws SQLException {
    return new IssuedLetter(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        LetterType.valueOf(rs.getString("letter_type")), rs.getTimestamp("issued_at").toLocalDateTime(),
        rs.getString("issued_by"), rs.getString("delivery"), rs.getString("recipient"));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
