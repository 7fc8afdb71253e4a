package org.disclosuredesk.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The redaction plan of each document (dd_redaction_plan): the proposed areas, apart from the burnt-in result. */
@Repository
class RedactionPlans {

  /** A saved plan. */
  record Plan(List<RedactionArea> areas, String savedBy, LocalDateTime savedAt) {}

  private static final TypeReference<List<RedactionArea>> AREAS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  RedactionPlans(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Plan> find(long documentId) {
    return jdbc.sql("select areas_json, saved_by, saved_at from dd_redaction_plan where document_id = ?")
        .param(documentId)
        .query((rs, n) -> new Plan(read(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toLocalDateTime()))
        .optional();
  }

  Plan save(long documentId, List<RedactionArea> areas, String user) {
    LocalDateTime now = LocalDateTime.now(clock);
    String text;
    try {
      text = json.writeValueAsString(areas);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    int updated = jdbc.sql("update dd_redaction_plan set areas_json = ?, saved_by = ?, saved_at = ? where document_id = ?")
        .params(text, user, Timestamp.valueOf(now), documentId).update();
    if (updated == 0) {
      jdbc.sql("insert into dd_redaction_plan (document_id, areas_json, saved_by, saved_at) values (?, ?, ?, ?)")
          .params(documentId, text, user, Timestamp.valueOf(now)).update();
    }
    return new Plan(List.copyOf(areas), user, now);
  }

  private List<RedactionArea> read(String text) {
    try {
      return json.readValue(text, AREAS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable redaction plan", e);
    }
  }
}
