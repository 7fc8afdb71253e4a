package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;

/** What the supervision lists read of an open case in the register. */
record OpenCaseRow(
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    String department,
    LocalDate receivedOn,
    LocalDate dueOn,
    CaseStatus status,
    Channel channel,
    String applicantName,
    ApplicantType applicantType,
    String currentTask,
    String assignee,
    LocalDateTime currentTaskSince) {}
