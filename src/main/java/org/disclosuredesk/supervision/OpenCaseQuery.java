package org.disclosuredesk.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Open cases from the case register (indexes on agency, status, due date and department); never engine
 * history or variables. The current task and assignee are the register's copy, kept by the route.
 */
@Repository
class OpenCaseQuery {

  /** The open statuses as an SQL list ('REGISTERED', …), for {@code status in (…)}. */
  static final String OPEN_STATUSES = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
  private static final String COLUMNS = "agency_code, case_number, process_instance_id, department, received_on, due_on, status,"
      + " channel, applicant_name, applicant_type, current_task, current_assignee, current_task_since";

  private final JdbcClient jdbc;

  OpenCaseQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The open cases of these agencies matching the criteria's department, status and channel, with a due
   * date in [{@code dueFrom}, {@code dueBefore}) where those bounds are given. Several agencies (the city)
   * are {@code agency_code in (…)}: the index (agency_code, status, due_on) answers it as one range per
   * agency and status, as for one agency.
   */
  List<OpenCaseRow> find(List<String> agencyCodes, CaseListCriteria criteria, LocalDate dueFrom, LocalDate dueBefore) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dd_case where "
        + agencyPredicate(agencyCodes.size()) + " and status in (" + OPEN_STATUSES + ")");
    List<Object> params = new ArrayList<>(agencyCodes);
    condition(sql, params, " and department = ?", criteria.department());
    condition(sql, params, " and status = ?", criteria.status() == null ? null : criteria.status().name());
    condition(sql, params, " and channel = ?", criteria.channel() == null ? null : criteria.channel().name());
    condition(sql, params, " and due_on >= ?", dueFrom);
    condition(sql, params, " and due_on < ?", dueBefore);
    // the watch orders by working days left, which follows the due date on each agency's calendar: rows in
    // due-date order leave its sort a single pass over a long list (TimSort on sorted runs)
    sql.append(" order by due_on, case_number");
    return jdbc.sql(sql.toString()).params(params).query(OpenCaseQuery::map).list();
  }

  Optional<CurrentTask> currentTask(String agencyCode, String caseNumber) {
    return jdbc.sql("select current_task, current_assignee, current_task_since from dd_case"
            + " where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber)
        .query((rs, i) -> new CurrentTask(rs.getString(1), rs.getString(2), localDateTime(rs.getTimestamp(3))))
        .optional();
  }

  /** {@code agency_code = ?} or {@code agency_code in (?, …)}. */
  static String agencyPredicate(int agencies) {
    if (agencies < 1) {
      throw new IllegalArgumentException("no agency");
    }
    return agencies == 1 ? "agency_code = ?"
        : "agency_code in (" + String.join(", ", java.util.Collections.nCopies(agencies, "?")) + ")";
  }

  private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }

  /** By position, in the order of {@link #COLUMNS} (a name lookup per column and row costs on long lists). */
  private static OpenCaseRow map(ResultSet rs, int row) throws SQLException {
    return new OpenCaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), CaseStatus.valueOf(rs.getString(7)),
        Channel.valueOf(rs.getString(8)), rs.getString(9), ApplicantType.valueOf(rs.getString(10)), rs.getString(11),
        rs.getString(12), rs.getObject(13, java.time.LocalDateTime.class));
  }

  private static java.time.LocalDateTime localDateTime(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }
}
