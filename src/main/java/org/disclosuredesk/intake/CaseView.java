package org.disclosuredesk.intake;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.TimelineEntry;
import org.disclosuredesk.referral.CaseLink;

/**
 * {@code GET /api/requests/{caseNumber}}: the case as design.md lists it, with a few more fields.
 *
 * @param agency the code of the agency whose case it is
 * @param referredFrom the case of another agency this one was referred from (issue 10), else null
 * @param referredTo the case of another agency this one was referred to, else null; either link names
 *     the other case without giving access to it
 */
public record CaseView(
    String caseNumber,
    String agency,
    String channel,
    LocalDate receivedOn,
    LocalDate dueOn,
    String status,
    String department,
    String outcome,
    String withholdingGround,
    Integer workingDaysLeft,
    boolean overdue,
    String applicantType,
    int extensionDays,
    LocalDate repliedOn,
    LocalDate closedOn,
    String currentTask,
    String assignee,
    List<ClockPause> pauses,
    List<TimelineEntry> timeline,
    CaseLink referredFrom,
    CaseLink referredTo) {}
