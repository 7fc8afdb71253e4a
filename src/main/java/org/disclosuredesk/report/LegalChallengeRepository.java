package org.disclosuredesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table dd_legal_challenge. */
@Repository
class LegalChallengeRepository {

  private static final String COLUMNS = "id, case_number, kind, filed_on, result, concluded_on, note";

  private final JdbcClient jdbc;

  LegalChallengeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String agencyCode, String caseNumber, LegalChallengeInput in, String by, Timestamp now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into dd_legal_challenge (agency_code, case_number, kind, filed_on, result, concluded_on, note,"
            + " recorded_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, in.kind().name(), in.filedOn(), in.resultOrPending().name(), in.concludedOn(),
            in.note(), by, now, now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean update(String agencyCode, String caseNumber, long id, LegalChallengeInput in, String by, Timestamp now) {
    return jdbc.sql("update dd_legal_challenge set kind = ?, filed_on = ?, result = ?, concluded_on = ?, note = ?,"
            + " recorded_by = ?, updated_at = ? where agency_code = ? and case_number = ? and id = ?")
        .params(in.kind().name(), in.filedOn(), in.resultOrPending().name(), in.concludedOn(), in.note(), by, now,
            agencyCode, caseNumber, id)
        .update() > 0;
  }

  Optional<LegalChallenge> find(String agencyCode, String caseNumber, long id) {
    return jdbc.sql("select " + COLUMNS + " from dd_legal_challenge where agency_code = ? and case_number = ? and id = ?")
        .params(agencyCode, caseNumber, id).query(LegalChallengeRepository::map).optional();
  }

  List<LegalChallenge> ofCase(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_legal_challenge where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber).query(LegalChallengeRepository::map).list();
  }

  List<LegalChallenge> filedIn(String agencyCode, int year) {
    return filedIn(List.of(agencyCode), year).getOrDefault(agencyCode, List.of());
  }

  /** Per agency (each of {@code agencyCodes}), the challenges filed in the year (index on agency, filed_on). */
  Map<String, List<LegalChallenge>> filedIn(Collection<String> agencyCodes, int year) {
    Map<String, List<LegalChallenge>> byAgency = new LinkedHashMap<>();
    agencyCodes.forEach(code -> byAgency.put(code, new ArrayList<>()));
    if (agencyCodes.isEmpty()) {
      return byAgency;
    }
    List<Object> params = new ArrayList<>(agencyCodes);
    params.add(LocalDate.of(year, 1, 1));
    params.add(LocalDate.of(year, 12, 31));
    jdbc.sql("select agency_code, " + COLUMNS + " from dd_legal_challenge where "
            + ReportCaseQuery.agencyPredicate(agencyCodes.size()) + " and filed_on between ? and ?")
        .params(params)
        .query(rs -> {
          List<LegalChallenge> challenges = byAgency.get(rs.getString("agency_code"));
          if (challenges != null) {
            challenges.add(map(rs, 0));
          }
        });
    return byAgency;
  }

  private static LegalChallenge map(ResultSet rs, int row) throws SQLException {
    return new LegalChallenge(rs.getLong("id"), rs.getString("case_number"),
        LegalChallengeKind.valueOf(rs.getString("kind")), rs.getObject("filed_on", LocalDate.class),
        LegalChallengeResult.valueOf(rs.getString("result")), rs.getObject("concluded_on", LocalDate.class),
        rs.getString("note"));
  }
}
