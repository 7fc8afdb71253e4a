package org.disclosuredesk.supervision;

/**
 * A supervisor urged the handling of a case (督办催办). Published by supervision in its transaction;
 * notify mails the assignee (or the responsible department when nobody holds the task).
 */
public record CaseUrged(String agencyCode, String caseNumber, String urgedBy, String assignee, String note) {}
