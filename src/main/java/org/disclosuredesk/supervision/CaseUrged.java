package org.disclosuredesk.supervision;

/**
 * A supervisor urged (催办) the holder of a case's open task; published after the urge is on the
 * case's timeline, in the same transaction.
 *
 * @param assignee the user holding the open task; null when the task is not claimed (notify the department)
 * @param note the supervisor's words, possibly empty
 */
public record CaseUrged(String agencyCode, String caseNumber, String urgedBy, String assignee, String note) {}
