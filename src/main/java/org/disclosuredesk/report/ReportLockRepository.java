package org.disclosuredesk.report;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The locks of these agencies for the year, by agency (the city aggregate). */
  Map<String, StoredLock> find(Collection<String> agencyCodes, int year) {
    Map<String, StoredLock> locks = new LinkedHashMap<>();
    if (agencyCodes.isEmpty()) {
      return locks;
    }
    List<Object> params = new ArrayList<>(agencyCodes);
    params.add(year);
    jdbc.sql("select agency_code, figures, locked_by, locked_at from dd_report_lock where "
            + ReportCaseQuery.agencyPredicate(agencyCodes.size()) + " and report_year = ?")
        .params(params)
        .query(rs -> {
          locks.put(rs.getString(1), new StoredLock(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()));
        });
    return locks;
  }

  /** Inserts the lock; a second lock of the same year fails on the primary key (DuplicateKeyException). */
  void insert(String agencyCode, int year, String figures, String lockedBy, LocalDateTime lockedAt) {
    jdbc.sql("insert into dd_report_lock (agency_code, report_year, figures, locked_by, locked_at) values (?, ?, ?, ?, ?)")
        .params(agencyCode, year, figures, lockedBy, Timestamp.valueOf(lockedAt)).update();
  }
}
