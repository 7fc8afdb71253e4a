package org.disclosuredesk.identity;

import org.camunda.bpm.engine.TaskService;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may see a case and act for its applicant: only people of the case's agency (and the city's
 * supervisors, and platform administrators). Within it, reception, supervisors and administrators see every
 * case; officers their department's; confidentiality reviewers the cases they review or reviewed
 * (the letters linked from their form); the online portal only the cases it submitted itself.
 */
@Service
public class CaseAccess {

  private final CaseRegister register;
  private final TaskService tasks;
  private final JdbcClient jdbc;

  CaseAccess(CaseRegister register, @Lazy TaskService tasks, JdbcClient jdbc) {
    this.register = register;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  /** The case itself and its letters. */
  public boolean maySee(CurrentUser user, CaseRecord c) {
    return user.maySee(c.agencyCode(), c.department())
        || (user.in(Groups.CONFIDENTIALITY) && user.memberOf(c.agencyCode()) && underReview(c));
  }

  /** The receipt, the supplement and the withdrawal: reception and administrators, the portal for its own cases. */
  public boolean mayActForApplicant(CurrentUser user, CaseRecord c) {
    if (user.in(Groups.ADMIN) || (user.in(Groups.RECEPTION) && user.memberOf(c.agencyCode()))) {
      return true;
    }
    return user.in(Groups.PORTAL) && submittedBy(user, c);
  }

  /** The case was registered by this account (the portal's own submissions). */
  public boolean submittedBy(CurrentUser user, CaseRecord c) {
    return user.id() != null && register.registeredBy(c.agencyCode(), c.caseNumber()).filter(user.id()::equals).isPresent();
  }

  private boolean underReview(CaseRecord c) {
    boolean open = c.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskCandidateGroup(Groups.CONFIDENTIALITY).count() > 0;
    return open || jdbc.sql("select count(*) from dd_confidentiality_review where agency_code = ? and case_number = ?")
        .params(c.agencyCode(), c.caseNumber()).query(Long.class).single() > 0;
  }
}
