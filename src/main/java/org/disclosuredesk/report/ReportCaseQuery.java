package org.disclosuredesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register rows a year's report counts: received in the year (index on received_on), and received
 * before it but not closed before it (the carried-over cases). Never engine history or variables.
 */
@Repository
class ReportCaseQuery {

  private static final String COLUMNS = "case_number, applicant_type, channel, received_on, closed_on, status,"
      + " outcome, withholding_ground";

  private final JdbcClient jdbc;

  ReportCaseQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<ReportCase> relevantTo(String agencyCode, int year) {
    LocalDate firstDay = LocalDate.of(year, 1, 1);
    LocalDate lastDay = LocalDate.of(year, 12, 31);
    List<ReportCase> cases = new ArrayList<>(jdbc.sql("select " + COLUMNS
            + " from dd_case where agency_code = ? and received_on between ? and ?")
        .params(agencyCode, firstDay, lastDay).query(ReportCaseQuery::map).list());
    cases.addAll(jdbc.sql("select " + COLUMNS + " from dd_case where agency_code = ? and received_on < ?"
            + " and (closed_on is null or closed_on >= ?)")
        .params(agencyCode, firstDay, firstDay).query(ReportCaseQuery::map).list());
    return cases;
  }

  private static ReportCase map(ResultSet rs, int row) throws SQLException {
    return new ReportCase(rs.getString("case_number"), ApplicantType.valueOf(rs.getString("applicant_type")),
        Channel.valueOf(rs.getString("channel")), rs.getObject("received_on", LocalDate.class),
        rs.getObject("closed_on", LocalDate.class), CaseStatus.valueOf(rs.getString("status")),
        enumOrNull(Outcome.class, rs.getString("outcome")),
        enumOrNull(WithholdingGround.class, rs.getString("withholding_ground")));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }
}
