package org.disclosuredesk.referral;

/**
 * The other case of a referral, as a case view names it: its agency's code and its number. It names
 * the case only; whether the reader may open it is decided there (another agency's case is 404).
 */
public record CaseLink(String agency, String caseNumber) {}
