package org.disclosuredesk.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The record of who viewed a case's personal data, when and what (table {@code dd_personal_data_access}). */
@Service
public class PersonalDataViews {

  /** One view: who, when, what (e.g. 申请接收回执). */
  public record View(String viewedBy, Instant viewedAt, String what) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  PersonalDataViews(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that {@code user} viewed {@code what} of the case now. */
  public void record(String caseNumber, String user, String what) {
    jdbc.sql("insert into dd_personal_data_access (case_number, viewed_by, viewed_at, what) values (?, ?, ?, ?)")
        .params(caseNumber, user, Timestamp.from(clock.instant()), what).update();
  }

  /** The case's views, newest first. */
  public List<View> of(String caseNumber) {
    return jdbc.sql("select viewed_by, viewed_at, what from dd_personal_data_access where case_number = ?"
            + " order by viewed_at desc, id desc")
        .param(caseNumber)
        .query((rs, n) -> new View(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
        .list();
  }
}
