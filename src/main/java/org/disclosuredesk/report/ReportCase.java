package org.disclosuredesk.report;

import java.time.LocalDate;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;

/** What the report needs of one register row. */
record ReportCase(
    String caseNumber,
    ApplicantType applicantType,
    Channel channel,
    LocalDate receivedOn,
    LocalDate closedOn,
    CaseStatus status,
    Outcome outcome,
    WithholdingGround withholdingGround) {}
