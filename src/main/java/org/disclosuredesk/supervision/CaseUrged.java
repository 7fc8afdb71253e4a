package org.disclosuredesk.supervision;

/**
 * A supervisor urged (督办催办) the holder of a case's open task. Published by supervision after the
 * urge is on the case's timeline, in the same transaction; notify mails the assignee (or the
 * responsible department when nobody holds the task).
 *
 * @param assignee the user holding the open task; null when the task is not claimed
 * @param note the supervisor's words, possibly empty
 */
public record CaseUrged(String agencyCode, String caseNumber, String urgedBy, String assignee, String note) {}
