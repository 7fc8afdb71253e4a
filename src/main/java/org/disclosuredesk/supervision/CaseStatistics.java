package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts over the case register for the charts and the city's league table, for one agency or several
 * ({@code agency_code in (…)}); each query is answered by an index that leads with agency_code
 * (received_on, closed_on, or status and due_on).
 */
@Repository
class CaseStatistics {

  /**
   * A case concluded in the year, with what timeliness needs.
   *
   * @param repliedOn the day of the reply (答复); null for a case closed without one (withdrawn, deemed
   *     abandoned, fee unpaid), which has no reply time to count
   */
  record Concluded(String agencyCode, String department, String outcome, LocalDate clockStartOn, LocalDate dueOn,
      LocalDate repliedOn, LocalDate closedOn) {

    boolean replied() {
      return repliedOn != null;
    }
  }

  /** How many cases of an agency concluded in the year share these dates (the league table's timeliness). */
  record ConcludedAlike(String agencyCode, LocalDate clockStartOn, LocalDate dueOn, LocalDate repliedOn, int cases) {}

  private final JdbcClient jdbc;

  CaseStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applications received per month of the year (index 0 = January). */
  int[] receivedPerMonth(List<String> agencyCodes, int year) {
    return perMonth("received_on", agencyCodes, year);
  }

  /** Cases concluded per month of the year. */
  int[] concludedPerMonth(List<String> agencyCodes, int year) {
    return perMonth("closed_on", agencyCodes, year);
  }

  List<Concluded> concludedIn(List<String> agencyCodes, int year) {
    return jdbc.sql("select agency_code, department, outcome, clock_start_on, due_on, replied_on, closed_on from dd_case"
            + " where " + OpenCaseQuery.agencyPredicate(agencyCodes.size()) + " and closed_on between ? and ?")
        .params(withYear(agencyCodes, year))
        .query((rs, i) -> new Concluded(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
            rs.getObject(7, LocalDate.class)))
        .list();
  }

  /**
   * The cases concluded in the year grouped by agency and the dates timeliness counts (receipt or clock
   * start, due date, reply): the database returns one row per distinct combination instead of one per case.
   */
  List<ConcludedAlike> concludedAlike(List<String> agencyCodes, int year) {
    return jdbc.sql("select agency_code, clock_start_on, due_on, replied_on, count(*) from dd_case"
            + " where " + OpenCaseQuery.agencyPredicate(agencyCodes.size()) + " and closed_on between ? and ?"
            + " group by agency_code, clock_start_on, due_on, replied_on")
        .params(withYear(agencyCodes, year))
        .query((rs, i) -> new ConcludedAlike(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getInt(5)))
        .list();
  }

  /** Applications received in the year, per agency (absent: none). */
  Map<String, Integer> receivedIn(List<String> agencyCodes, int year) {
    return perAgency("select agency_code, count(*) from dd_case where "
        + OpenCaseQuery.agencyPredicate(agencyCodes.size()) + " and received_on between ? and ? group by agency_code",
        withYear(agencyCodes, year));
  }

  /** Open cases whose due date has passed ({@code due_on < today}), per agency (absent: none). */
  Map<String, Integer> overdueOn(List<String> agencyCodes, LocalDate today) {
    List<Object> params = new ArrayList<>(agencyCodes);
    params.add(today);
    return perAgency("select agency_code, count(*) from dd_case where "
        + OpenCaseQuery.agencyPredicate(agencyCodes.size()) + " and status in (" + OpenCaseQuery.OPEN_STATUSES + ")"
        + " and due_on < ? group by agency_code", params);
  }

  private Map<String, Integer> perAgency(String sql, List<Object> params) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql(sql).params(params).query(rs -> {
      counts.put(rs.getString(1), rs.getInt(2));
    });
    return counts;
  }

  private int[] perMonth(String column, List<String> agencyCodes, int year) {
    int[] months = new int[12];
    // column is one of two constants above, never input
    jdbc.sql("select extract(month from " + column + ") as m, count(*) as n from dd_case where "
            + OpenCaseQuery.agencyPredicate(agencyCodes.size()) + " and " + column + " between ? and ?"
            + " group by extract(month from " + column + ")")
        .params(withYear(agencyCodes, year))
        .query(rs -> {
          months[rs.getInt("m") - 1] += rs.getInt("n");
        });
    return months;
  }

  private static List<Object> withYear(List<String> agencyCodes, int year) {
    List<Object> params = new ArrayList<>(agencyCodes);
    params.add(LocalDate.of(year, 1, 1));
    params.add(LocalDate.of(year, 12, 31));
    return params;
  }
}
