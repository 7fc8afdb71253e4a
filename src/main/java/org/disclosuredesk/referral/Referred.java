package org.disclosuredesk.referral;

import java.time.LocalDate;

/**
 * What a referral answers: the new case at the receiving agency, with its own receipt and due dates, and its
 * verification code (查询码), shown this once, which reception passes on to the applicant with the case number
 * so that the applicant can follow the new case at /track/.
 */
public record Referred(String caseNumber, String agency, LocalDate receivedOn, LocalDate dueOn, String verificationCode) {}
