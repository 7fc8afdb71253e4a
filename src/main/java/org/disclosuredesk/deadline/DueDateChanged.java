package org.disclosuredesk.deadline;

import java.time.LocalDate;

/** A case's reply due date moved (pause, extension, supplement, calendar change); published in the same transaction. */
public record DueDateChanged(String agencyCode, String caseNumber, String processInstanceId, LocalDate from,
    LocalDate to) {}
