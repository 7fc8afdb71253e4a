package org.disclosuredesk.handling;

import org.disclosuredesk.route.RouteCases;
import static org.disclosuredesk.route.CaseVariables.DEPARTMENT;
import static org.disclosuredesk.route.CaseVariables.HANDLING_ACTION;
import static org.disclosuredesk.route.CaseVariables.OUTCOME;
import static org.disclosuredesk.route.CaseVariables.WITHHOLDING_GROUND;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.PauseReason;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.fee.FeeProposal;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteInputException;
import org.disclosuredesk.web.FieldError;
import org.springframework.stereotype.Service;

/** The department's steps: what it decided, re-assignment, consultation with the clock paused, extension. */
@Service
class HandlingSteps {

  static final String REASSIGN_TO = "reassignTo";
  static final String CONSULTATION_KIND = "consultationKind";
  static final String CONSULTATION_PARTY = "consultationParty";
  static final String CONSULTATION_ANSWER = "consultationAnswer";
  static final String CONSULTATION_ANSWERED_ON = "consultationAnsweredOn";
  /** Routing flag: a consulted third party objected to disclosure (Art. 32); disclosure then needs a public-interest decision. */
  static final String THIRD_PARTY_OBJECTION = "thirdPartyObjection";
  static final String OBJECTING_THIRD_PARTY = "objectingThirdParty";
  static final String PUBLIC_INTEREST_DECISION = "publicInterestDecision";
  static final String PUBLIC_INTEREST_REASON = "publicInterestReason";
  static final String PUBLIC_INTEREST_DECIDED_BY = "publicInterestDecidedBy";
  static final String EXTENSION_REASON = "extensionReason";
  static final String EXTENSION_DAYS = "extensionDays";
  static final String EXTENSION_DECISION = "extensionDecision";
  static final String APPROVED_EXTENSION_DAYS = "approvedExtensionDays";

  private final CaseRegister register;
  private final CaseClock caseClock;
  private final org.disclosuredesk.agency.Departments departments;
  private final AgencyProperties agency;
  private final AgencyClock clock;
  private final Letters letters;
  private final Notifications notifications;
  private final FeeProposal feeProposal;

  private final RouteCases cases;

  HandlingSteps(CaseRegister register, CaseClock caseClock, org.disclosuredesk.agency.Departments departments, AgencyProperties agency,
      AgencyClock clock, Letters letters, Notifications notifications, FeeProposal feeProposal, RouteCases cases) {
    this.cases = cases;
    this.feeProposal = feeProposal;
    this.letters = letters;
    this.notifications = notifications;
    this.register = register;
    this.caseClock = caseClock;
    this.departments = departments;
    this.agency = agency;
    this.clock = clock;
  }

  /** Task_HandleRequest (complete): the officer's decision is whole and lawful before the route moves on. */
  void validateHandling(DelegateTask task) {
    CaseRecord c = cases.caseOf(task);
    List<FieldError> errors = new ArrayList<>();
    String action = CaseVariables.string(task, HANDLING_ACTION);
    if (action == null) {
      throw new RouteInputException("办理意见", "必须选择");
    }
    switch (action) {
      case "PROPOSE_REPLY" -> proposal(task, c, errors);
      case "REASSIGN" -> {
        String to = DepartmentProperties.normalise(CaseVariables.string(task, REASSIGN_TO));
        if (!departments.exists(c.agencyCode(), to)) {
          errors.add(new FieldError("改由哪个部门办理", "必须选择有效的部门"));
        } else if (to.equals(c.department())) {
          errors.add(new FieldError("改由哪个部门办理", "不能转给本部门"));
        }
      }
      case "CONSULT" -> {
        if (CaseVariables.string(task, CONSULTATION_KIND) == null
            || !List.of("THIRD_PARTY", "AGENCY").contains(CaseVariables.string(task, CONSULTATION_KIND))) {
          errors.add(new FieldError("征求意见对象类型", "必须选择第三方或其他机关"));
        }
        text(task, CONSULTATION_PARTY, "征求意见对象", 500, errors);
      }
      case "REQUEST_EXTENSION" -> extensionRequest(task, c, errors);
      case "CHARGE_FEE" -> feeProposal.validate(task);
      default -> errors.add(new FieldError("办理意见", "取值无效：" + action));
    }
    if (!errors.isEmpty()) {
      throw new RouteInputException(errors);
    }
    if ("PROPOSE_REPLY".equals(action)) {
      Outcome outcome = Outcome.valueOf(CaseVariables.string(task, OUTCOME));
      if (outcome.needsConfidentialityReview()) {
        register.setStatus(c.agencyCode(), c.caseNumber(), CaseStatus.IN_REVIEW);
      }
      register.record(c.agencyCode(), c.caseNumber(), "REPLY_PROPOSED", task.getAssignee(),
          "拟答复：" + outcome.label() + groundText(task));
    }
  }

  private void proposal(DelegateTask task, CaseRecord c, List<FieldError> errors) {
    Outcome outcome = CaseVariables.enumValue(task, "proposedOutcome", Outcome.class).orElse(null);
    if (outcome == null || Outcome.PROCEDURAL.contains(outcome)) {
      errors.add(new FieldError("拟答复类型", "必须选择"));
      return;
    }
    if (Outcome.NEEDS_OWN_STEP.contains(outcome)) {
      errors.add(new FieldError("拟答复类型",
          "“无正当理由大量反复申请”须依第三十五条先要求申请人说明理由，本系统尚无该环节，不能直接选择"));
      return;
    }
    WithholdingGround ground = CaseVariables.enumValue(task, "proposedGround", WithholdingGround.class).orElse(null);
    if (outcome.needsWithholdingGround() && ground == null) {
      errors.add(new FieldError("不予公开理由", "不予公开必须选择理由"));
    }
    text(task, "replyNote", "答复要点", 4000, errors);
    errors.addAll(org.disclosuredesk.letters.ReplyParticulars.validate(task, outcome));
    if (errors.isEmpty()) {
      task.setVariable(OUTCOME, outcome.name());
      task.setVariable(WITHHOLDING_GROUND, outcome.needsWithholdingGround() ? ground.name() : null);
    }
  }

  private void extensionRequest(DelegateTask task, CaseRecord c, List<FieldError> errors) {
    text(task, EXTENSION_REASON, "延期理由", 2000, errors);
    int days = CaseVariables.integer(task, EXTENSION_DAYS, 0);
    int max = c.regime().maxExtensionWorkingDays();
    if (days < 1 || days > max) {
      errors.add(new FieldError("延长工作日数", "应为 1 至 " + max + " 个工作日"));
    }
    if (c.extensionDays() > 0) {
      errors.add(new FieldError("办理意见", "本案已延期一次，不能再次延期"));
    }
    if (c.dueOn() != null && clock.today().isAfter(c.dueOn())) {
      errors.add(new FieldError("办理意见", "延期须在答复期限（" + c.dueOn() + "）届满前申请"));
    }
  }

  /** Task_ReassignDepartment: the case moves to another department's queue. */
  void reassignDepartment(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    String to = DepartmentProperties.normalise(CaseVariables.string(ex, REASSIGN_TO));
    ex.setVariable(DEPARTMENT, to);
    register.setDepartment(c.agencyCode(), c.caseNumber(), to);
    register.record(c.agencyCode(), c.caseNumber(), "REASSIGNED", null,
        "由" + departments.name(c.department()) + "改由" + departments.name(to) + "办理" + note(ex, "handlingNote"));
  }

  /** Task_StartConsultation: the written consultation goes out and the reply clock stops (Art. 33 para 3). */
  void startConsultation(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    PauseReason reason = "AGENCY".equals(CaseVariables.string(ex, CONSULTATION_KIND))
        ? PauseReason.AGENCY_CONSULTATION : PauseReason.THIRD_PARTY_CONSULTATION;
    String party = CaseVariables.string(ex, CONSULTATION_PARTY);
    ex.removeVariable(CONSULTATION_ANSWER);
    ex.removeVariable(CONSULTATION_ANSWERED_ON);
    register.openPause(c.agencyCode(), c.caseNumber(), reason, clock.today(), party);
    register.setStatus(c.agencyCode(), c.caseNumber(), CaseStatus.IN_CONSULTATION);
    register.record(c.agencyCode(), c.caseNumber(), "CONSULTATION_STARTED", null,
        reason.label() + "：" + party + (c.regime().excludesFromReplyPeriod(reason)
            ? "，期间不计入答复期限" : "（2007年条例仅不计征求第三方意见的时间，该期间计入答复期限）"));
    LocalDate due = caseClock.refresh(c.agencyCode(), c.caseNumber(), reason.label());
    if (reason == PauseReason.AGENCY_CONSULTATION) {
      letters.issue(c.agencyCode(), c.caseNumber(), LetterType.AGENCY_CONSULTATION, null,
          java.util.Map.of("consultedAgency", party));
    } else {
      letters.issue(c.agencyCode(), c.caseNumber(), LetterType.THIRD_PARTY_CONSULTATION, null,
          java.util.Map.of("thirdParty", party));
    }
  }

  /** Task_RecordConsultationReply (complete): the answer, and the day it arrived (not before the consultation, not in the future). */
  void validateConsultationReply(DelegateTask task) {
    CaseRecord c = cases.caseOf(task);
    String answer = CaseVariables.string(task, CONSULTATION_ANSWER);
    if (answer == null || !List.of("CONSENT", "OBJECTION", "PARTIAL_CONSENT").contains(answer)) {
      throw new RouteInputException("征求意见结果", "必须选择");
    }
    LocalDate answeredOn;
    try {
      answeredOn = CaseVariables.date(task, CONSULTATION_ANSWERED_ON, agency.timeZone())
          .orElseThrow(() -> new RouteInputException("收到答复日期", "必须填写"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new RouteInputException("收到答复日期", "日期格式应为 YYYY-MM-DD");
    }
    LocalDate sentOn = openConsultation(c).startedOn();
    if (answeredOn.isBefore(sentOn)) {
      throw new RouteInputException("收到答复日期", "不能早于发出征求意见的日期 " + sentOn);
    }
    if (answeredOn.isAfter(clock.today())) {
      throw new RouteInputException("收到答复日期", "不能晚于今天（" + clock.today() + "）");
    }
  }

  /**
   * Task_EndConsultation: the answer arrived or the period ended; the clock runs again. The pause
   * ends on the day the answer arrived, and never later than the period's last day (at most 15
   * working days are excluded, Art. 32, 34), so the final figure is the running estimate's.
   */
  void endConsultation(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    LocalDate lastDay = caseClock.plannedEnd(c.agencyCode(), openConsultation(c));
    LocalDate answeredOn = CaseVariables.string(ex, CONSULTATION_ANSWER) == null ? null
        : CaseVariables.date(ex, CONSULTATION_ANSWERED_ON, agency.timeZone()).orElse(clock.today());
    LocalDate endedOn = answeredOn == null || answeredOn.isAfter(lastDay) ? lastDay : answeredOn;
    register.closePause(c.agencyCode(), c.caseNumber(), endedOn);
    register.setStatus(c.agencyCode(), c.caseNumber(), CaseStatus.IN_HANDLING);
    String answer = CaseVariables.string(ex, CONSULTATION_ANSWER);
    if ("OBJECTION".equals(answer) && !"AGENCY".equals(CaseVariables.string(ex, CONSULTATION_KIND))) {
      ex.setVariable(THIRD_PARTY_OBJECTION, true);
      ex.setVariable(OBJECTING_THIRD_PARTY, CaseVariables.string(ex, CONSULTATION_PARTY));
    }
    String text = switch (answer == null ? "NO_ANSWER" : answer) {
      case "CONSENT" -> "被征求意见方同意公开";
      case "OBJECTION" -> "被征求意见方不同意公开" + note(ex, "consultationNote");
      case "PARTIAL_CONSENT" -> "被征求意见方部分同意" + note(ex, "consultationNote");
      default -> "征求意见期限届满未答复（第三方由本机关依法决定；其他机关视为同意）";
    };
    register.record(c.agencyCode(), c.caseNumber(), "CONSULTATION_ENDED", null, text + "，恢复计算答复期限");
    caseClock.refresh(c.agencyCode(), c.caseNumber(), "征求意见结束");
  }

  /**
   * Task_DecidePublicInterest (complete): after a third party's objection, disclosure needs the
   * decision that withholding would seriously harm the public interest (Art. 32), with its reason
   * and who took it; otherwise the information is withheld to protect the third party's rights.
   */
  void validatePublicInterestDecision(DelegateTask task) {
    String decision = CaseVariables.string(task, PUBLIC_INTEREST_DECISION);
    if (!"DISCLOSE".equals(decision) && !"WITHHOLD".equals(decision)) {
      throw new RouteInputException("公共利益决定", "必须选择予以公开或不予公开");
    }
    String reason = CaseVariables.string(task, PUBLIC_INTEREST_REASON);
    if ("DISCLOSE".equals(decision) && reason == null) {
      throw new RouteInputException("公开理由", "基于公共利益决定公开的，必须说明不公开会对公共利益造成重大影响的理由");
    }
    if (reason != null && reason.length() > 2000) {
      throw new RouteInputException("公开理由", "不能超过 2000 个字符");
    }
    String decidedBy = task.getAssignee() != null ? task.getAssignee() : org.disclosuredesk.casefile.Actors.current();
    if (decidedBy == null) {
      throw new RouteInputException("公共利益决定", "无法确定作出决定的人员，请先签收任务");
    }
    task.setVariable(PUBLIC_INTEREST_DECIDED_BY, decidedBy);
  }

  /**
   * Task_RecordPublicInterestDecision: records the decision on the timeline; a disclosure issues the
   * public-interest notice to the third party (公共利益公开告知书), a refusal makes the outcome
   * withholding for third-party rights (Art. 15, 32).
   */
  void recordPublicInterestDecision(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    String decidedBy = CaseVariables.string(ex, PUBLIC_INTEREST_DECIDED_BY);
    String reason = CaseVariables.string(ex, PUBLIC_INTEREST_REASON);
    String thirdParty = CaseVariables.string(ex, OBJECTING_THIRD_PARTY);
    if ("DISCLOSE".equals(CaseVariables.string(ex, PUBLIC_INTEREST_DECISION))) {
      register.record(c.agencyCode(), c.caseNumber(), "PUBLIC_INTEREST_DECIDED", decidedBy,
          "第三方（" + thirdParty + "）不同意公开；经认定不公开会对公共利益造成重大影响，决定予以公开（第三十二条）。理由："
              + reason);
      java.util.Map<String, Object> details = new java.util.HashMap<>();
      details.put("thirdParty", thirdParty == null ? "第三方" : thirdParty);
      details.put("reason", reason);
      String redactions = CaseVariables.string(ex, "redactions");
      if (redactions != null) {
        details.put("information", c.description() + "（作区分处理：" + redactions + "）");
      }
      letters.issue(c.agencyCode(), c.caseNumber(), LetterType.THIRD_PARTY_DISCLOSURE_NOTICE, decidedBy, details);
    } else {
      ex.setVariable(OUTCOME, Outcome.WITHHOLD.name());
      ex.setVariable(WITHHOLDING_GROUND, WithholdingGround.THIRD_PARTY_RIGHTS.name());
      register.record(c.agencyCode(), c.caseNumber(), "PUBLIC_INTEREST_DECIDED", decidedBy,
          "第三方（" + thirdParty + "）不同意公开，未认定公共利益需要公开，不予公开（保护第三方合法权益）"
              + (reason == null ? "" : "：" + reason));
    }
  }

  /** Task_ApproveExtension (complete): the head of the OGI office decided, within the law's limit. */
  void validateExtensionDecision(DelegateTask task) {
    CaseRecord c = cases.caseOf(task);
    String decision = CaseVariables.string(task, EXTENSION_DECISION);
    if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
      throw new RouteInputException("审批意见", "必须选择同意或不同意");
    }
    if ("APPROVE".equals(decision)) {
      int max = c.regime().maxExtensionWorkingDays();
      int days = CaseVariables.integer(task, APPROVED_EXTENSION_DAYS, 0);
      if (days < 1 || days > max) {
        throw new RouteInputException("批准延长工作日数", "应为 1 至 " + max + " 个工作日");
      }
      if (c.dueOn() != null && clock.today().isAfter(c.dueOn())) {
        throw new RouteInputException("审批意见", "答复期限（" + c.dueOn() + "）已届满，不能再批准延期");
      }
    }
  }

  /** Task_RecordExtensionDecision: an approved extension moves the due date; the applicant is told in writing. */
  void recordExtensionDecision(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    if ("APPROVE".equals(CaseVariables.string(ex, EXTENSION_DECISION))) {
      int days = CaseVariables.integer(ex, APPROVED_EXTENSION_DAYS, 0);
      register.setExtensionDays(c.agencyCode(), c.caseNumber(), days);
      register.record(c.agencyCode(), c.caseNumber(), "EXTENSION_APPROVED", null,
          "批准延期答复 " + days + " 个工作日，并书面告知申请人（延期答复告知书）" + note(ex, "extensionNote"));
      LocalDate newDue = caseClock.refresh(c.agencyCode(), c.caseNumber(), "延期答复");
      IssuedLetter notice = letters.issue(c.agencyCode(), c.caseNumber(), LetterType.EXTENSION_NOTICE, null,
          java.util.Map.of("reason", String.valueOf(CaseVariables.string(ex, EXTENSION_REASON)),
              "extensionDays", days, "newDueOn", newDue));
      notifications.queueToApplicant(c.agencyCode(), c.caseNumber(), MailKind.EXTENSION_NOTICE, notice.id());
    } else {
      register.record(c.agencyCode(), c.caseNumber(), "EXTENSION_REFUSED", null, "不同意延期" + note(ex, "extensionNote"));
    }
  }

  private org.disclosuredesk.casefile.ClockPause openConsultation(CaseRecord c) {
    return register.pauses(c.agencyCode(), c.caseNumber()).stream()
        .filter(p -> p.isOpen() && p.reason() != PauseReason.FEE_PAYMENT).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no consultation running for " + c.caseNumber()));
  }

  private static void text(VariableScope scope, String name, String label, int max, List<FieldError> errors) {
    String value = CaseVariables.string(scope, name);
    if (value == null) {
      errors.add(new FieldError(label, "必须填写"));
    } else if (value.length() > max) {
      errors.add(new FieldError(label, "不能超过 " + max + " 个字符"));
    }
  }

  private static String groundText(VariableScope scope) {
    return CaseVariables.enumValue(scope, WITHHOLDING_GROUND, WithholdingGround.class)
        .map(g -> "（" + g.label() + "）").orElse("");
  }

  private static String note(VariableScope scope, String name) {
    String n = CaseVariables.string(scope, name);
    return n == null ? "" : "：" + n;
  }
}
