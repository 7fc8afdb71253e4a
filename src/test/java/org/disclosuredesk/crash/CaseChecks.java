package org.disclosuredesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.disclosuredesk.crash.RegistrationLoad.Acknowledged;

/** What must hold after a crash: through the API of the restarted node, and in its database. */
final class CaseChecks {

  private CaseChecks() {}

  /**
   * Every acknowledged case through the API: the case with its number, its receipt naming the
   * applicant who registered it (not a stranger) and exactly one route with its number as business key.
   * Returns how many were found whole; the assertions name the first that is not.
   */
  static int assertAllThere(NodeClient api, List<Acknowledged> acknowledged) {
    List<String> missing = acknowledged.stream().map(Acknowledged::caseNumber)
        .filter(n -> api.get("supervisor", "/api/requests/" + n).status() != 200).toList();
    assertThat(missing).as("%d of %d cases answered 201 are missing", missing.size(), acknowledged.size()).isEmpty();
    int found = 0;
    for (Acknowledged a : acknowledged) {
      NodeClient.Answer view = api.get("supervisor", "/api/requests/" + a.caseNumber());
      assertThat(view.status()).as("case %s answered 201", a.caseNumber()).isEqualTo(200);
      assertThat(view.json().path("caseNumber").asText()).isEqualTo(a.caseNumber());
      NodeClient.Answer receipt = api.get("reception", "/api/requests/" + a.caseNumber() + "/receipt");
      assertThat(receipt.status()).as("receipt of %s", a.caseNumber()).isEqualTo(200);
      assertThat(receipt.body()).as("receipt of %s names its applicant", a.caseNumber()).contains(a.applicantName());
      NodeClient.Answer routes = api.get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey="
          + "disclosureRequest&processInstanceBusinessKey=" + a.caseNumber());
      assertThat(routes.status()).isEqualTo(200);
      assertThat(routes.json().path("count").asInt()).as("routes of %s", a.caseNumber()).isEqualTo(1);
      found++;
    }
    return found;
  }

  /** How many numbers were answered more than once. */
  static int duplicates(List<Acknowledged> acknowledged) {
    Set<String> seen = new HashSet<>();
    return (int) acknowledged.stream().filter(a -> !seen.add(a.caseNumber())).count();
  }

  /**
   * The register in the database: each number once, each case with its applicant and exactly one
   * route, the year's counter past every number issued. Returns the number of cases in the register.
   */
  static int assertRegisterConsistent(Connection db, List<Acknowledged> acknowledged) throws SQLException {
    assertThat(single(db, "select count(*) - count(distinct case_number) from dd_case")).as("numbers twice").isZero();
    assertThat(single(db, "select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ ="
        + " 'disclosureRequest' group by business_key_ having count(*) > 1) d")).as("cases with two routes").isZero();
    assertThat(single(db, "select count(*) from dd_case c where not exists (select 1 from act_hi_procinst p"
        + " where p.business_key_ = c.case_number and p.proc_def_key_ = 'disclosureRequest')"))
        .as("cases without a route").isZero();
    List<String> numbers = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("select case_number from dd_case");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        numbers.add(rs.getString(1));
      }
    }
    for (String n : numbers) {
      int value = Integer.parseInt(n.substring(n.lastIndexOf('-') + 1));
      int year = Integer.parseInt(n.split("-")[1]);
      assertThat(single(db, "select last_value from dd_case_sequence where case_year = " + year))
          .as("counter of %d past %s", year, n).isGreaterThanOrEqualTo(value);
    }
    // no gap either: every number up to the counter is a case or a reservation left by a registration that
    // did not commit (the next registration takes it), never both
    try (PreparedStatement s = db.prepareStatement("select case_year, last_value from dd_case_sequence"
        + " where agency_code = 'default'"); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int year = rs.getInt(1);
        long cases = single(db, "select count(*) from dd_case where agency_code = 'default' and case_number like 'GK-"
            + year + "-%'");
        long reserved = single(db, "select count(*) from dd_case_number_reserved where agency_code = 'default'"
            + " and case_year = " + year);
        assertThat(cases + reserved).as("cases (%d) and left reservations (%d) of %d", cases, reserved, year)
            .isEqualTo(rs.getLong(2));
      }
    }
    assertThat(single(db, "select count(*) from dd_case_number_reserved r join dd_case c on c.agency_code = r.agency_code"
        + " and c.case_number = concat('GK-', cast(r.case_year as varchar(4)), '-', lpad(cast(r.case_number as varchar(5)), 5, '0'))"))
        .as("numbers both reserved and used").isZero();
    for (Acknowledged a : acknowledged) {
      try (PreparedStatement s = db.prepareStatement("select applicant_name from dd_case where case_number = ?")) {
        s.setString(1, a.caseNumber());
        try (ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).as("%s in the register", a.caseNumber()).isTrue();
          assertThat(rs.getString(1)).as("applicant of %s", a.caseNumber()).isEqualTo(a.applicantName());
        }
      }
    }
    return numbers.size();
  }

  static long single(Connection db, String sql) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
