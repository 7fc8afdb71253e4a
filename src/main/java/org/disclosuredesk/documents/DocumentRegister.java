package org.disclosuredesk.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The metadata rows of case documents (dd_document). */
@Repository
class DocumentRegister {

  private static final String COLUMNS =
      "id, case_number, name, kind, content_type, size_bytes, sha256, derived_from, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  DocumentRegister(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  DocumentInfo insert(String agencyCode, String caseNumber, String name, DocumentKind kind, String contentType,
      long size, String sha256, Long derivedFrom, String uploadedBy) {
    LocalDateTime now = LocalDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into dd_document (agency_code, case_number, name, kind, content_type, size_bytes, sha256,"
            + " derived_from, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, name, kind.name(), contentType, size, sha256, derivedFrom, uploadedBy,
            Timestamp.valueOf(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new DocumentInfo(id, caseNumber, name, kind, contentType, size, sha256, derivedFrom, uploadedBy, now);
  }

  List<DocumentInfo> list(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_document where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber).query(DocumentRegister::row).list();
  }

  Optional<DocumentInfo> find(String agencyCode, String caseNumber, long id) {
    return jdbc.sql("select " + COLUMNS + " from dd_document where agency_code = ? and case_number = ? and id = ?")
        .params(agencyCode, caseNumber, id).query(DocumentRegister::row).optional();
  }

  long totalSize(String agencyCode, String caseNumber) {
    return jdbc.sql("select coalesce(sum(size_bytes), 0) from dd_document where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(Long.class).single();
  }

  /** Who registered the case (the portal's own cases are those it registered). */
  Optional<String> registeredBy(String agencyCode, String caseNumber) {
    return jdbc.sql("select registered_by from dd_case where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(String.class).optional();
  }

  private static DocumentInfo row(ResultSet rs, int i) throws SQLException {
    long derived = rs.getLong(8);
    Long derivedFrom = rs.wasNull() ? null : derived;
    return new DocumentInfo(rs.getLong(1), rs.getString(2), rs.getString(3), DocumentKind.valueOf(rs.getString(4)),
        rs.getString(5), rs.getLong(6), rs.getString(7), derivedFrom, rs.getString(9),
        rs.getTimestamp(10).toLocalDateTime());
  }
}
