package org.disclosuredesk.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The calendar tables (V2__calendar.sql): years, their days, and the per-agency revision. */
@Repository
class CalendarStore {

  private static final RowMapper<CalendarDay> DAY =
      (rs, i) -> new CalendarDay(rs.getObject("cal_date", LocalDate.class), rs.getString("name"), rs.getBoolean("off_day"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  CalendarStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The agency's calendar revision; 0 before anything was stored. */
  /** Every agency's calendar revision, in one query (the cache revalidates all its agencies at once). */
  java.util.Map<String, Long> revisions() {
    java.util.Map<String, Long> all = new java.util.HashMap<>();
    jdbc.query("select agency_code, revision from dd_calendar_revision",
        rs -> { all.put(rs.getString(1), rs.getLong(2)); });
    return all;
  }

  long revision(String agencyCode) {
    List<Long> r = jdbc.queryForList("select revision from dd_calendar_revision where agency_code = ?", Long.class, agencyCode);
    return r.isEmpty() ? 0 : r.get(0);
  }

  /** Creates the revision row in its own transaction; when two nodes race, the loser finds it there. */
  void ensureRevisionRow(String agencyCode) {
    if (hasRevisionRow(agencyCode)) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(s ->
          jdbc.update("insert into dd_calendar_revision (agency_code, revision) values (?, 0)", agencyCode));
    } catch (DuplicateKeyException e) {
      // another node created it at the same moment: that is all we wanted
    }
  }

  /** Locks the agency's calendar until the transaction ends: changes (and start-up loads) go one at a time. */
  void lock(String agencyCode) {
    jdbc.queryForList("select revision from dd_calendar_revision where agency_code = ? for update", Long.class, agencyCode);
  }

  void bumpRevision(String agencyCode) {
    jdbc.update("update dd_calendar_revision set revision = revision + 1 where agency_code = ?", agencyCode);
  }

  boolean hasYear(String agencyCode, int year) {
    return jdbc.queryForObject("select count(*) from dd_calendar_year where agency_code = ? and cal_year = ?",
        Integer.class, agencyCode, year) > 0;
  }

  boolean isOfficial(String agencyCode, int year) {
    return jdbc.queryForObject("select count(*) from dd_calendar_year where agency_code = ? and cal_year = ? and official = true",
        Integer.class, agencyCode, year) > 0;
  }

  /** Replaces the year's row and days; the caller holds {@link #lock}. */
  void replaceYear(String agencyCode, int year, List<CalendarDay> days, String source, Instant at, String by) {
    jdbc.update("delete from dd_calendar_day where agency_code = ? and cal_date between ? and ?",
        agencyCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    Timestamp when = Timestamp.from(at);
    int updated = jdbc.update("update dd_calendar_year set official = true, source = ?, updated_at = ?, updated_by = ?"
        + " where agency_code = ? and cal_year = ?", source, when, by, agencyCode, year);
    if (updated == 0) {
      jdbc.update("insert into dd_calendar_year (agency_code, cal_year, official, source, updated_at, updated_by)"
          + " values (?, ?, true, ?, ?, ?)", agencyCode, year, source, when, by);
    }
    jdbc.batchUpdate("insert into dd_calendar_day (agency_code, cal_date, off_day, name) values (?, ?, ?, ?)", days, 100,
        (ps, day) -> {
          ps.setString(1, agencyCode);
          ps.setObject(2, day.date());
          ps.setBoolean(3, day.offDay());
          ps.setString(4, day.name());
        });
  }

  List<CalendarDay> days(String agencyCode, int year) {
    return jdbc.query("select cal_date, off_day, name from dd_calendar_day where agency_code = ? and cal_date between ? and ?"
        + " order by cal_date", DAY,
        agencyCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The whole calendar of the agency; the revision is read first, so the data is never older than it. */
  CalendarSnapshot load(String agencyCode) {
    long revision = revision(agencyCode);
    List<Integer> years = jdbc.queryForList("select cal_year from dd_calendar_year where agency_code = ? and official = true",
        Integer.class, agencyCode);
    List<CalendarDay> days = jdbc.query("select cal_date, off_day, name from dd_calendar_day where agency_code = ?",
        DAY, agencyCode);
    return CalendarSnapshot.of(revision, years, days);
  }

  private boolean hasRevisionRow(String agencyCode) {
    return jdbc.queryForObject("select count(*) from dd_calendar_revision where agency_code = ?", Integer.class, agencyCode) > 0;
  }
}
