package org.disclosuredesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register rows a year's report counts: received in the year (index on agency and received_on), and
 * received before it but not closed before it (the carried-over cases). Never engine history or
 * variables. For several agencies (the city aggregate) the same two queries with {@code agency_code in
 * (…)}, which the (agency_code, received_on) index answers as one range per agency.
 */
@Repository
class ReportCaseQuery {

  private static final String COLUMNS = "agency_code, case_number, applicant_type, channel, received_on, closed_on,"
      + " status, outcome, withholding_ground";

  private final JdbcClient jdbc;

  ReportCaseQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<ReportCase> relevantTo(String agencyCode, int year) {
    return relevantTo(List.of(agencyCode), year).getOrDefault(agencyCode, List.of());
  }

  /** Per agency (each of {@code agencyCodes}, in their order, possibly with no rows), the rows of the year. */
  Map<String, List<ReportCase>> relevantTo(Collection<String> agencyCodes, int year) {
    Map<String, List<ReportCase>> byAgency = new LinkedHashMap<>();
    agencyCodes.forEach(code -> byAgency.put(code, new ArrayList<>()));
    if (agencyCodes.isEmpty()) {
      return byAgency;
    }
    LocalDate firstDay = LocalDate.of(year, 1, 1);
    LocalDate lastDay = LocalDate.of(year, 12, 31);
    String agencies = agencyPredicate(agencyCodes.size());
    List<Object> received = new ArrayList<>(agencyCodes);
    received.add(firstDay);
    received.add(lastDay);
    jdbc.sql("select " + COLUMNS + " from dd_case where " + agencies + " and received_on between ? and ?")
        .params(received)
        .query(rs -> {
          add(byAgency, rs);
        });
    List<Object> carried = new ArrayList<>(agencyCodes);
    carried.add(firstDay);
    carried.add(firstDay);
    jdbc.sql("select " + COLUMNS + " from dd_case where " + agencies + " and received_on < ?"
            + " and (closed_on is null or closed_on >= ?)")
        .params(carried)
        .query(rs -> {
          add(byAgency, rs);
        });
    return byAgency;
  }

  /** {@code agency_code = ?} or {@code agency_code in (?, …)}: one index range per agency either way. */
  static String agencyPredicate(int agencies) {
    return agencies == 1 ? "agency_code = ?" : "agency_code in (" + String.join(", ", Collections.nCopies(agencies, "?")) + ")";
  }

  private static void add(Map<String, List<ReportCase>> byAgency, ResultSet rs) throws SQLException {
    List<ReportCase> cases = byAgency.get(rs.getString(1));
    if (cases != null) {
      cases.add(map(rs));
    }
  }

  /** By position, in the order of {@link #COLUMNS}: a name lookup per column of 200,000 rows (a city's year) costs. */
  private static ReportCase map(ResultSet rs) throws SQLException {
    return new ReportCase(rs.getString(2), ApplicantType.valueOf(rs.getString(3)), Channel.valueOf(rs.getString(4)),
        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), CaseStatus.valueOf(rs.getString(7)),
        enumOrNull(Outcome.class, rs.getString(8)), enumOrNull(WithholdingGround.class, rs.getString(9)));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }
}
