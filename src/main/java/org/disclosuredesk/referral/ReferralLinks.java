package org.disclosuredesk.referral;

import java.time.LocalDateTime;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links between a referred case and the case it became, read from either side: the case view of
 * the API ({@code referredTo} / {@code referredFrom}) and the desk's case page (with the referral form
 * while the case may still be referred).
 */
@Service
public class ReferralLinks {

  private final ReferralRepository referrals;
  private final Agencies agencies;

  ReferralLinks(ReferralRepository referrals, Agencies agencies) {
    this.referrals = referrals;
    this.agencies = agencies;
  }

  /** The case this case was referred to, or null. */
  @Transactional(readOnly = true)
  public CaseLink referredTo(String agencyCode, String caseNumber) {
    return referrals.outOf(agencyCode, caseNumber).map(Referral::to).orElse(null);
  }

  /** The case this case was referred from, or null. */
  @Transactional(readOnly = true)
  public CaseLink referredFrom(String agencyCode, String caseNumber) {
    return referrals.into(agencyCode, caseNumber).map(Referral::from).orElse(null);
  }

  /**
   * What the desk's case page shows (template {@code desk/case.html}): the referral out of the case and
   * the one into it, each with the other agency's name and whether the signed-in user may open the
   * other case; and whether to offer the referral form, with the agencies it may go to.
   */
  @Transactional(readOnly = true)
  public Panel panel(CaseRecord c) {
    CurrentUser user = CurrentUser.get();
    Side to = referrals.outOf(c.agencyCode(), c.caseNumber())
        .map(r -> side(r, r.toAgency(), r.toCase(), user)).orElse(null);
    Side from = referrals.into(c.agencyCode(), c.caseNumber())
        .map(r -> side(r, r.fromAgency(), r.fromCase(), user)).orElse(null);
    List<Agency> targets = agencies.all().stream().filter(a -> !a.code().equals(c.agencyCode())).toList();
    boolean offered = to == null && CaseReferrals.refusal(c) == null && !targets.isEmpty();
    return new Panel(to, from, offered, targets);
  }

  private Side side(Referral r, String agencyCode, String caseNumber, CurrentUser user) {
    String name = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
    return new Side(agencyCode, name, caseNumber, r.referredAt(), r.referredBy(), r.consent(), user.memberOf(agencyCode));
  }

  /** The referral section of the desk's case page. */
  public record Panel(Side referredTo, Side referredFrom, boolean offered, List<Agency> targets) {

    public boolean shown() {
      return referredTo != null || referredFrom != null || offered;
    }
  }

  /**
   * The other case of a referral on the page.
   *
   * @param open whether the signed-in user belongs to the other case's agency (the page links it only then)
   */
  public record Side(String agencyCode, String agencyName, String caseNumber, LocalDateTime referredAt,
      String referredBy, String consent, boolean open) {}
}
