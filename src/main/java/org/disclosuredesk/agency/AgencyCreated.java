package org.disclosuredesk.agency;

/** An administrator added an agency to the platform (its tenant and departments exist): give it a calendar. */
public record AgencyCreated(String code) {}
