package org.disclosuredesk.casefile;

import java.time.LocalDate;

/** What registration writes into the register; the number is allocated by {@link CaseRegister#allocateNumber}. */
public record NewCase(
    String agencyCode,
    String caseNumber,
    Channel channel,
    LocalDate receivedOn,
    Applicant applicant,
    String description,
    String purpose,
    InfoFormat format,
    Delivery delivery,
    String department,
    String idempotencyKey,
    String registeredBy) {}
