package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over the case register for the charts (indexes on received_on and closed_on). */
@Repository
class CaseStatistics {

  /**
   * A case concluded in the year, with what timeliness needs.
   *
   * @param repliedOn the day of the reply (答复); null for a case closed without one (withdrawn, deemed
   *     abandoned, fee unpaid), which has no reply time to count
   */
  record Concluded(String department, String outcome, LocalDate clockStartOn, LocalDate dueOn, LocalDate repliedOn,
      LocalDate closedOn) {

    boolean replied() {
      return repliedOn != null;
    }
  }

  private final JdbcClient jdbc;

  CaseStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applications received per month of the year (index 0 = January). */
  int[] receivedPerMonth(String agencyCode, int year) {
    return perMonth("received_on", agencyCode, year);
  }

  /** Cases concluded per month of the year. */
  int[] concludedPerMonth(String agencyCode, int year) {
    return perMonth("closed_on", agencyCode, year);
  }

  List<Concluded> concludedIn(String agencyCode, int year) {
    return jdbc.sql("select department, outcome, clock_start_on, due_on, replied_on, closed_on from dd_case"
            + " where agency_code = ? and closed_on between ? and ?")
        .params(agencyCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query((rs, i) -> new Concluded(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
        .list();
  }

  private int[] perMonth(String column, String agencyCode, int year) {
    int[] months = new int[12];
    // column is one of two constants above, never input
    jdbc.sql("select extract(month from " + column + ") as m, count(*) as n from dd_case where agency_code = ? and "
            + column + " between ? and ? group by extract(month from " + column + ")")
        .params(agencyCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query(rs -> {
          months[rs.getInt("m") - 1] = rs.getInt("n");
        });
    return months;
  }
}
