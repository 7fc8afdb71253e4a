package org.disclosuredesk.casefile;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The withheld parts of a case's partial disclosure as replied (table dd_withheld_part). Writes join
 * the caller's transaction (inside the route: the engine's).
 */
@Service
public class WithheldParts {

  private final JdbcClient jdbc;

  WithheldParts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the case's withheld parts with these, in order. */
  @Transactional
  public void record(String agencyCode, String caseNumber, List<WithheldPart> parts) {
    jdbc.sql("delete from dd_withheld_part where agency_code = ? and case_number = ?").params(agencyCode, caseNumber)
        .update();
    int position = 1;
    for (WithheldPart part : parts) {
      jdbc.sql("insert into dd_withheld_part (agency_code, case_number, position, description, ground)"
              + " values (?, ?, ?, ?, ?)")
          .params(agencyCode, caseNumber, position++, part.description(), part.ground().name()).update();
    }
  }

  /** The case's withheld parts, in order; empty unless it was answered as a partial disclosure. */
  public List<WithheldPart> of(String agencyCode, String caseNumber) {
    return jdbc.sql("select description, ground from dd_withheld_part where agency_code = ? and case_number = ?"
            + " order by position")
        .params(agencyCode, caseNumber)
        .query((rs, i) -> new WithheldPart(rs.getString(1), WithholdingGround.valueOf(rs.getString(2)))).list();
  }
}
