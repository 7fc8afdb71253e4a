package org.disclosuredesk.intake;

import java.time.LocalDate;
import org.disclosuredesk.casefile.CaseStatus;

/**
 * What registration answers: the case number, its receipt and due dates; {@code created} is false for
 * a retry. {@code verificationCode} is the applicant's 查询码, present only in the answer that created the
 * case (it is stored hashed and cannot be shown again; reception reissues it).
 */
public record Registration(String caseNumber, LocalDate receivedOn, LocalDate dueOn, CaseStatus status, boolean created,
    String verificationCode) {}
