package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;

/**
 * An open case as supervision sees it.
 *
 * @param agencyCode the agency holding the case (its calendar counts the working days)
 * @param workingDaysLeft working days from today to the due date; negative when overdue (the working
 *     days since the due date); null while no due date runs (e.g. awaiting a supplement)
 * @param overdue the due date has passed (overdue from the day after it)
 */
record SupervisedCase(
    String agencyCode,
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
    LocalDateTime currentTaskSince) {

  /** Shown (on the page and in exports) for a case not yet assigned to a department. */
  static final String NO_DEPARTMENT = "未分办";
  /** Shown for a case whose current task nobody has claimed (or that has no user task now). */
  static final String NOT_CLAIMED = "未签收";
  /** Shown for a missing value. */
  static final String NONE = "—";

  /** The department as the list and its exports show it. */
  public String departmentShown() {
    return departmentName != null ? departmentName : NO_DEPARTMENT;
  }

  /** The current task as the list and its exports show it. */
  public String currentTaskShown() {
    return currentTask != null ? currentTask : NONE;
  }

  /** The assignee as the list and its exports show it. */
  public String assigneeShown() {
    return assignee != null ? assignee : NOT_CLAIMED;
  }
}
