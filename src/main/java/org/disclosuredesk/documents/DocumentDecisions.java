package org.disclosuredesk.documents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** dd_document_decision: one row per decided responsive document. */
@Repository
class DocumentDecisions {

  private final JdbcClient jdbc;
  private final Clock clock;

  DocumentDecisions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  DocumentDecision save(long documentId, DocumentDecision.Decision decision, Long released, WithholdingGround ground,
      String user) {
    LocalDateTime now = LocalDateTime.now(clock);
    String groundName = ground == null ? null : ground.name();
    int updated = jdbc.sql("update dd_document_decision set decision = ?, released_document_id = ?, ground = ?,"
            + " decided_by = ?, decided_at = ? where document_id = ?")
        .params(decision.name(), released, groundName, user, Timestamp.valueOf(now), documentId).update();
    if (updated == 0) {
      jdbc.sql("insert into dd_document_decision (document_id, decision, released_document_id, ground, decided_by,"
              + " decided_at) values (?, ?, ?, ?, ?, ?)")
          .params(documentId, decision.name(), released, groundName, user, Timestamp.valueOf(now)).update();
    }
    return new DocumentDecision(documentId, decision, released, ground, user, now);
  }

  List<DocumentDecision> forCase(String agencyCode, String caseNumber) {
    return jdbc.sql("select x.document_id, x.decision, x.released_document_id, x.ground, x.decided_by, x.decided_at"
            + " from dd_document_decision x join dd_document d on d.id = x.document_id"
            + " where d.agency_code = ? and d.case_number = ? order by x.document_id")
        .params(agencyCode, caseNumber)
        .query((rs, n) -> new DocumentDecision(rs.getLong(1), DocumentDecision.Decision.valueOf(rs.getString(2)),
            rs.getObject(3) == null ? null : rs.getLong(3),
            rs.getString(4) == null ? null : WithholdingGround.valueOf(rs.getString(4)),
            rs.getString(5), rs.getTimestamp(6).toLocalDateTime()))
        .list();
  }
}
