package org.disclosuredesk.privacy;

import java.util.List;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/requests/{caseNumber}/access-log} (supervisors, administrators): who viewed the case's personal data. */
@RestController
class AccessLogController {

  private final PersonalDataViews views;
  private final JdbcClient jdbc;

  AccessLogController(PersonalDataViews views, JdbcClient jdbc) {
    this.views = views;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/requests/{caseNumber}/access-log")
  List<PersonalDataViews.View> accessLog(@PathVariable String caseNumber) {
    if (jdbc.sql("select count(*) from dd_case where case_number = ?").param(caseNumber).query(Long.class).single() == 0) {
      throw new CaseNotFoundException(caseNumber);
    }
    return views.of(caseNumber);
  }
}
