package org.disclosuredesk.referral;

import java.time.LocalDateTime;

/**
 * One referral (table {@code dd_case_referral}): the case answered "not this agency's" and the new case
 * it became at the agency that holds the information, with the applicant's consent as recorded.
 */
public record Referral(String fromAgency, String fromCase, String toAgency, String toCase, String consent,
    LocalDateTime referredAt, String referredBy) {

  CaseLink from() {
    return new CaseLink(fromAgency, fromCase);
  }

  CaseLink to() {
    return new CaseLink(toAgency, toCase);
  }
}
