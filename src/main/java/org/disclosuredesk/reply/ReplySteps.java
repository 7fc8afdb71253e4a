package org.disclosuredesk.reply;

import org.disclosuredesk.route.RouteCases;
import static org.disclosuredesk.route.CaseVariables.OUTCOME;
import static org.disclosuredesk.route.CaseVariables.WITHHOLDING_GROUND;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.letters.ReplyParticulars;
import org.disclosuredesk.casefile.WithheldParts;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteInputException;
import org.springframework.stereotype.Service;

/** Replying, delivering and closing: the outcome lands in the register, where the annual report counts it. */
@Service
class ReplySteps {

  private final CaseRegister register;
  private final AgencyProperties agency;
  private final AgencyClock clock;
  private final Letters letters;
  private final Notifications notifications;

  private final RouteCases cases;
  private final WithheldParts withheldParts;
  private final ClosingLetter closingLetter;
  private final org.disclosuredesk.documents.DocumentReview documents;
  private final org.disclosuredesk.documents.ReleasedDocuments released;

  ReplySteps(CaseRegister register, AgencyProperties agency, AgencyClock clock, Letters letters,
      Notifications notifications, RouteCases cases, WithheldParts withheldParts, ClosingLetter closingLetter,
      org.disclosuredesk.documents.DocumentReview documents, org.disclosuredesk.documents.ReleasedDocuments released) {
    this.documents = documents;
    this.released = released;
    this.closingLetter = closingLetter;
    this.cases = cases;
    this.withheldParts = withheldParts;
    this.letters = letters;
    this.notifications = notifications;
    this.register = register;
    this.agency = agency;
    this.clock = clock;
  }

  /** Task_IssueReply: the agency replies with the outcome and its legal ground. */
  void issueReply(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    Outcome outcome = CaseVariables.enumValue(ex, OUTCOME, Outcome.class)
        .orElseThrow(() -> new IllegalStateException("case " + c.caseNumber() + " reached the reply without an outcome"));
    WithholdingGround ground = outcome.needsWithholdingGround()
        ? CaseVariables.enumValue(ex, WITHHOLDING_GROUND, WithholdingGround.class).orElseThrow(
            () -> new IllegalStateException("case " + c.caseNumber() + " is withheld without a ground"))
        : null;
    register.recordReply(c.agencyCode(), c.caseNumber(), outcome, ground, CaseVariables.string(ex, "replyNote"),
        clock.today());
    String articles = org.disclosuredesk.casefile.LegalBasis.basis(c.regime(), outcome, ground);
    String basis = articles.isEmpty() ? "" : "，依据" + org.disclosuredesk.casefile.LegalBasis.regulation(c.regime()) + articles;
    register.record(c.agencyCode(), c.caseNumber(), "REPLIED", null,
        "作出答复：" + outcome.label() + (ground == null ? "" : "（" + ground.label() + "）") + basis);
    IssuedLetter reply = letters.issue(c.agencyCode(), c.caseNumber(), LetterType.REPLY, null, replyDetails(ex, c, outcome));
    // the released files go with the mail, or (too large) the mail says where and until when to download them
    notifications.queueToApplicant(c.agencyCode(), c.caseNumber(), MailKind.REPLY, reply.id(),
        released.replyMailNote(c.agencyCode(), c.caseNumber(), clock.today()));
  }

  /** What the reply letter says beyond the outcome: the form's fields (ReplyParticulars), the withheld parts kept. */
  private java.util.Map<String, Object> replyDetails(DelegateExecution ex, CaseRecord c, Outcome outcome) {
    if (outcome == Outcome.PARTIAL) {
      withheldParts.record(c.agencyCode(), c.caseNumber(), ReplyParticulars.withheldParts(ex));
    }
    java.util.Map<String, Object> details = ReplyParticulars.letterDetails(ex, outcome);
    if (org.disclosuredesk.casefile.Outcome.DISCLOSING.contains(outcome)) {
      // the documents released after the confidentiality review, as the letter lists them
      java.util.List<String> released = documents.released(c.agencyCode(), c.caseNumber()).stream()
          .map(r -> "《" + r.version().name() + "》" + (r.redacted() ? "（遮盖处理后的版本）" : "（全文）"))
          .toList();
      if (!released.isEmpty()) {
        details = new java.util.HashMap<>(details);
        details.put("releasedDocuments", released);
      }
    }
    return details;
  }

  /** Task_RecordDelivery (complete): when and how the reply reached the applicant. */
  void validateDelivery(DelegateTask task) {
    CaseRecord c = register.get(cases.agencyOf(task), CaseVariables.caseNumber(task));
    LocalDate delivered;
    try {
      delivered = CaseVariables.date(task, "deliveredOn", agency.timeZone())
          .orElseThrow(() -> new RouteInputException("送达日期", "必须填写"));
    } catch (DateTimeParseException e) {
      throw new RouteInputException("送达日期", "日期格式应为 YYYY-MM-DD");
    }
    if (delivered.isAfter(clock.today())) {
      throw new RouteInputException("送达日期", "不能晚于今天");
    }
    if (c.repliedOn() != null && delivered.isBefore(c.repliedOn())) {
      throw new RouteInputException("送达日期", "不能早于答复日期 " + c.repliedOn());
    }
    if (CaseVariables.string(task, "deliveryMethod") == null) {
      throw new RouteInputException("送达方式", "必须选择");
    }
  }

  /** Task_CloseCase: concluded; it counts in the year of the reply. */
  void closeCase(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    register.close(c.agencyCode(), c.caseNumber(), c.outcome(), c.repliedOn() != null ? c.repliedOn() : clock.today());
    // the date as validated (validateDelivery), not as typed: engine REST may submit "2026-12-01T00:00:00.000+0800"
    String deliveredOn = CaseVariables.date(ex, "deliveredOn", agency.timeZone()).map(LocalDate::toString)
        .orElse(CaseVariables.string(ex, "deliveredOn"));
    register.record(c.agencyCode(), c.caseNumber(), "CLOSED", null, "答复已送达（" + deliveredOn
        + "，" + deliveryLabel(CaseVariables.string(ex, "deliveryMethod")) + "），结案归档");
  }

  /** Task_CloseWithdrawn: the applicant withdrew before the reply (其他处理). */
  void closeAsWithdrawn(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    register.close(c.agencyCode(), c.caseNumber(), Outcome.OTHER, clock.today());
    String note = CaseVariables.string(ex, "withdrawalNote");
    register.record(c.agencyCode(), c.caseNumber(), "WITHDRAWN", CaseVariables.string(ex, "withdrawnBy"),
        "申请人撤回申请，终止办理" + (note == null ? "" : "：" + note));
  }

  /** Task_CloseAbandoned: no supplement within the period; the application is deemed abandoned (Art. 30). */
  void closeAsAbandoned(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    register.close(c.agencyCode(), c.caseNumber(), Outcome.ABANDONED_NO_CORRECTION, clock.today());
    register.record(c.agencyCode(), c.caseNumber(), "DEEMED_ABANDONED", null,
        "申请人无正当理由逾期未补正（期限至 " + c.supplementDueOn() + "），视为放弃申请");
    closingLetter.issue(c.agencyCode(), c.caseNumber());
  }

  private static String deliveryLabel(String method) {
    if (method == null) {
      return "";
    }
    return switch (method) {
      case "PICKUP" -> "当面领取";
      case "POST" -> "邮寄";
      case "EMAIL" -> "电子邮件";
      case "FAX" -> "传真";
      default -> "其他方式";
    };
  }
}
