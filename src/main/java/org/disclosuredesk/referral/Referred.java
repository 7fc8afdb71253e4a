package org.disclosuredesk.referral;

import java.time.LocalDate;

/** What a referral answers: the new case at the receiving agency, with its own receipt and due dates. */
public record Referred(String caseNumber, String agency, LocalDate receivedOn, LocalDate dueOn) {}
