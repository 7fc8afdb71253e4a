package org.disclosuredesk.report;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table dd_report_lock: one row per signed-off year with the figures as published. */
@Repository
class ReportLockRepository {

  record StoredLock(String figures, String lockedBy, LocalDateTime lockedAt) {}

  private final JdbcClient jdbc;

  ReportLockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredLock> find(String agencyCode, int year) {
    return jdbc.sql("select figures, locked_by, locked_at from dd_report_lock where agency_code = ? and report_year = ?")
        .params(agencyCode, year)
        .query((rs, i) -> new StoredLock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime()))
        .optional();
  }

  /** Inserts the lock; a second lock of the same year fails on the primary key (DuplicateKeyException). */
  void insert(String agencyCode, int year, String figures, String lockedBy, LocalDateTime lockedAt) {
    jdbc.sql("insert into dd_report_lock (agency_code, report_year, figures, locked_by, locked_at) values (?, ?, ?, ?, ?)")
        .params(agencyCode, year, figures, lockedBy, Timestamp.valueOf(lockedAt)).update();
  }
}
