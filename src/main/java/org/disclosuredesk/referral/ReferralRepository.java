package org.disclosuredesk.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_case_referral}: at most one referral out of a case, and each new case made by one referral only. */
@Repository
class ReferralRepository {

  private static final String COLUMNS = "from_agency, from_case, to_agency, to_case, consent, referred_at, referred_by";

  private final JdbcClient jdbc;

  ReferralRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The referral out of this case, if it was referred. */
  Optional<Referral> outOf(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_case_referral where from_agency = ? and from_case = ?")
        .params(agencyCode, caseNumber).query(ReferralRepository::map).optional();
  }

  /** The referral that made this case, if it came by referral. */
  Optional<Referral> into(String agencyCode, String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from dd_case_referral where to_agency = ? and to_case = ?")
        .params(agencyCode, caseNumber).query(ReferralRepository::map).optional();
  }

  /**
   * Locks the register row of the case to be referred until the transaction ends, so that two clerks
   * referring the same case at once queue here and the second sees the first's referral.
   */
  void lockCase(String agencyCode, String caseNumber) {
    jdbc.sql("select case_number from dd_case where agency_code = ? and case_number = ? for update")
        .params(agencyCode, caseNumber).query(String.class).optional();
  }

  void insert(Referral r) {
    jdbc.sql("insert into dd_case_referral (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
        .params(r.fromAgency(), r.fromCase(), r.toAgency(), r.toCase(), r.consent(), Timestamp.valueOf(r.referredAt()),
            r.referredBy())
        .update();
  }

  private static Referral map(ResultSet rs, int row) throws SQLException {
    return new Referral(rs.getString("from_agency"), rs.getString("from_case"), rs.getString("to_agency"),
        rs.getString("to_case"), rs.getString("consent"), rs.getTimestamp("referred_at").toLocalDateTime(),
        rs.getString("referred_by"));
  }
}
