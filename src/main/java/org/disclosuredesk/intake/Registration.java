package org.disclosuredesk.intake;

import java.time.LocalDate;
import org.disclosuredesk.casefile.CaseStatus;

/** What registration answers: the case number, its receipt and due dates; {@code created} is false for a retry. */
public record Registration(String caseNumber, LocalDate receivedOn, LocalDate dueOn, CaseStatus status, boolean created) {}
