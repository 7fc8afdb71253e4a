package org.disclosuredesk.casefile;

import java.time.LocalDate;

/** One row of the case register. */
public record CaseRecord(
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    Channel channel,
    LocalDate receivedOn,
    LocalDate clockStartOn,
    Regime regime,
    int extensionDays,
    LocalDate supplementRequestedOn,
    LocalDate supplementDueOn,
    LocalDate dueOn,
    Applicant applicant,
    String description,
    String purpose,
    InfoFormat format,
    Delivery delivery,
    String department,
    CaseStatus status,
    Outcome outcome,
    WithholdingGround withholdingGround,
    String replyNote,
    LocalDate repliedOn,
    LocalDate closedOn,
    String currentTask,
    String currentAssignee,
    /** Why a supervisor allowed a supplement notice after the 7 working days (Art. 30); null when none was late. */
    String lateSupplementReason) {

  public boolean isOpen() {
    return status.isOpen();
  }
}
