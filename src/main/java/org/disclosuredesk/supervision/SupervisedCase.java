package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;

/**
 * An open case as supervision sees it.
 *
 * @param workingDaysLeft working days from today to the due date; negative when overdue (the working
 *     days since the due date); null while no due date runs (e.g. awaiting a supplement)
 * @param overdue the due date has passed (overdue from the day after it)
 */
record SupervisedCase(
    String caseNumber,
    String processInstanceId,
    String department,
    String departmentName,
    String applicantName,
    LocalDate receivedOn,
    LocalDate dueOn,
    Integer workingDaysLeft,
    boolean overdue,
    CaseStatus status,
    Channel channel,
    String currentTask,
    String assignee,
    LocalDateTime currentTaskSince) {}
