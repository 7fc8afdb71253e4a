package org.disclosuredesk.referral;

/**
 * The body of {@code POST /api/requests/{caseNumber}/referral} and the desk's referral form.
 *
 * @param agency the code of the agency on the platform that holds the information
 * @param consent how and when the applicant agreed to the forwarding (e.g. "申请人于2026-11-30电话同意转送")
 */
public record ReferralInput(String agency, String consent) {}
