package org.disclosuredesk.review;

import static org.disclosuredesk.route.CaseVariables.OUTCOME;
import static org.disclosuredesk.route.CaseVariables.REVIEW_RESULT;
import static org.disclosuredesk.route.CaseVariables.WITHHOLDING_GROUND;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteCases;
import org.disclosuredesk.route.RouteInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Listener {@code recordReview} on Task_ConfidentialityReview (complete): checks the reviewer's
 * decision, records the review (reviewer, date, result, redactions) and sets the outcome it implies:
 * approve keeps the proposal, redaction makes it a partial disclosure, refusal withholds with a ground.
 */
@Component("recordReview")
class ConfidentialityReview implements TaskListener {

  private final CaseRegister register;
  private final JdbcClient jdbc;
  private final AgencyClock clock;

  private final RouteCases cases;
  private final org.disclosuredesk.documents.DocumentReview documents;

  ConfidentialityReview(CaseRegister register, JdbcClient jdbc, RouteCases cases, AgencyClock clock,
      org.disclosuredesk.documents.DocumentReview documents) {
    this.documents = documents;
    this.cases = cases;
    this.register = register;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String result = CaseVariables.string(task, REVIEW_RESULT);
    String redactions = CaseVariables.string(task, "redactions");
    String note = CaseVariables.string(task, "reviewNote");
    String agencyCode = cases.agencyOf(task);
    String caseNumber = CaseVariables.caseNumber(task);
    String detail;
    switch (result == null ? "" : result) {
      case "APPROVE" -> detail = "保密审查通过，同意按拟定意见答复" + outcomeFromDocuments(task, agencyCode, caseNumber);
      case "REDACT" -> {
        java.util.List<org.disclosuredesk.web.FieldError> errors = new java.util.ArrayList<>();
        if (redactions == null) {
          errors.add(new org.disclosuredesk.web.FieldError("需删除/遮盖的内容", "选择部分公开时必须列明需处理的内容"));
        }
        errors.addAll(org.disclosuredesk.letters.ReplyParticulars.validate(task, Outcome.PARTIAL));
        if (!errors.isEmpty()) {
          throw new RouteInputException(errors);
        }
        task.setVariable(OUTCOME, Outcome.PARTIAL.name());
        detail = "保密审查：删除涉密或不宜公开内容后部分公开";
      }
      case "REFUSE" -> {
        WithholdingGround ground = CaseVariables.enumValue(task, "reviewGround", WithholdingGround.class)
            .orElseThrow(() -> new RouteInputException("不予公开理由", "不同意公开时必须选择理由"));
        task.setVariable(OUTCOME, Outcome.WITHHOLD.name());
        task.setVariable(WITHHOLDING_GROUND, ground.name());
        detail = "保密审查：不予公开（" + ground.label() + "）";
      }
      case "RETURN" -> {
        if (note == null) {
          throw new RouteInputException("审查意见", "退回承办部门时必须说明理由");
        }
        register.setStatus(agencyCode, caseNumber, CaseStatus.IN_HANDLING);
        detail = "保密审查退回承办部门";
      }
      default -> throw new RouteInputException("审查结论", "必须选择");
    }
    if (redactions != null && redactions.length() > 4000 || note != null && note.length() > 4000) {
      throw new RouteInputException("审查意见", "不能超过 4000 个字符");
    }
    // the holder of the task, else whoever completed it (engine identity), else said plainly
    String authenticated = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    String reviewer = task.getAssignee() != null ? task.getAssignee() : authenticated != null ? authenticated : "未签收";
    LocalDate today = clock.today();
    jdbc.sql("insert into dd_confidentiality_review (agency_code, case_number, reviewer, reviewed_on, result, redactions, note)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, reviewer, today, result, redactions, note).update();
    register.record(agencyCode, caseNumber, "CONFIDENTIALITY_REVIEWED", reviewer,
        detail + (note == null ? "" : "：" + note));
  }

  /**
   * When the case has responsive documents and each is decided, the reply's outcome follows from them (all
   * released whole: DISCLOSE; some redacted or withheld: PARTIAL with the withheld parts; none: WITHHOLD).
   */
  private String outcomeFromDocuments(DelegateTask task, String agencyCode, String caseNumber) {
    java.util.Optional<Outcome> outcome = documents.outcome(agencyCode, caseNumber);
    if (outcome.isEmpty()) {
      return "";
    }
    java.util.List<org.disclosuredesk.documents.DocumentReview.WithheldPart> parts =
        documents.withheldParts(agencyCode, caseNumber);
    task.setVariable(OUTCOME, outcome.get().name());
    if (outcome.get() == Outcome.PARTIAL) {
      int rows = org.disclosuredesk.letters.ReplyParticulars.WITHHELD_PART_ROWS;
      for (int row = 1; row <= rows; row++) {
        String description = null;
        String ground = null;
        if (row <= parts.size()) {
          description = parts.get(row - 1).description();
          ground = parts.get(row - 1).ground().name();
        }
        if (row == rows && parts.size() > rows) {
          description = parts.subList(rows - 1, parts.size()).stream()
              .map(org.disclosuredesk.documents.DocumentReview.WithheldPart::description)
              .collect(java.util.stream.Collectors.joining("；"));
        }
        task.setVariable(org.disclosuredesk.letters.ReplyParticulars.partKey(row), description);
        task.setVariable(org.disclosuredesk.letters.ReplyParticulars.groundKey(row), ground);
      }
    } else if (outcome.get() == Outcome.WITHHOLD) {
      task.setVariable(WITHHOLDING_GROUND, parts.get(0).ground().name());
    }
    return "（依逐件审定的文件：" + outcome.get().label() + "）";
  }
}
