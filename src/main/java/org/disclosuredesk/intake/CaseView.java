package org.disclosuredesk.intake;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.TimelineEntry;

/** {@code GET /api/requests/{caseNumber}}: the case as design.md lists it, with a few more fields. */
public record CaseView(
    String caseNumber,
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
    List<TimelineEntry> timeline) {}
