package org.disclosuredesk.intake;

import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.identity.CaseAccess;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.referral.ReferralLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a case for the API; a case the caller may not see is answered as not found. */
@Service
class CaseQueries {

  private final CaseRegister register;
  private final CaseClock clock;
  private final Agencies agencies;
  private final CaseAccess access;
  private final ReferralLinks referrals;

  CaseQueries(CaseRegister register, CaseClock clock, Agencies agencies, CaseAccess access, ReferralLinks referrals) {
    this.access = access;
    this.referrals = referrals;
    this.register = register;
    this.clock = clock;
    this.agencies = agencies;
  }

  /** The short answer to the portal's supplement and withdrawal calls (the portal may not read whole cases). */
  @Transactional(readOnly = true)
  java.util.Map<String, Object> status(String caseNumber) {
    CaseRecord c = register.get(agencies.holderOf(caseNumber), caseNumber);
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("caseNumber", c.caseNumber());
    m.put("status", c.status().name());
    m.put("dueOn", c.dueOn());
    m.put("outcome", c.outcome() == null ? null : c.outcome().name());
    return m;
  }

  @Transactional(readOnly = true)
  CaseView view(String caseNumber, CurrentUser user) {
    CaseRecord c = register.find(agencies.holderOf(caseNumber), caseNumber)
        .filter(found -> access.maySee(user, found))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    Integer left = c.isOpen() && c.dueOn() != null ? clock.workingDaysLeft(c.agencyCode(), c.dueOn()) : null;
    boolean overdue = c.isOpen() && clock.isOverdue(c.dueOn());
    return new CaseView(c.caseNumber(), c.agencyCode(), c.channel().name(), c.receivedOn(), c.dueOn(), c.status().name(), c.department(),
        c.outcome() == null ? null : c.outcome().name(),
        c.withholdingGround() == null ? null : c.withholdingGround().name(), left, overdue,
        c.applicant().type().name(), c.extensionDays(), c.repliedOn(), c.closedOn(), c.currentTask(),
        c.currentAssignee(), register.pauses(c.agencyCode(), caseNumber), register.timeline(c.agencyCode(), caseNumber),
        referrals.referredFrom(c.agencyCode(), c.caseNumber()), referrals.referredTo(c.agencyCode(), c.caseNumber()));
  }
}
