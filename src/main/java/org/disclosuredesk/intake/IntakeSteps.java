package org.disclosuredesk.intake;

import org.disclosuredesk.route.RouteCases;
import static org.disclosuredesk.route.CaseVariables.COMPLETENESS;
import static org.disclosuredesk.route.CaseVariables.DEPARTMENT;
import static org.disclosuredesk.route.CaseVariables.OUTCOME;
import static org.disclosuredesk.route.CaseVariables.PROPOSED_DEPARTMENT;
import static org.disclosuredesk.route.CaseVariables.SUPPLEMENT_COUNT;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.deadline.DeadlineProperties;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteInputException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** The intake steps of the route: registration, department proposal, completeness check, supplement loop. */
@Service
class IntakeSteps {

  static final String LATE_SUPPLEMENT_DECISION = "lateSupplementDecision";
  /** How the supplement arrived (a {@link Channel} name); default: the application's channel. */
  static final String SUPPLEMENT_CHANNEL = "supplementChannel";
  /** Why “unreasonably many requests” cannot be chosen directly (Art. 35). */
  static final String ART_35 = "“无正当理由大量反复申请”须依第三十五条先要求申请人说明理由，本系统尚无该环节，不能直接选择";

  private final CaseRegistration registration;
  private final CaseRegister register;
  private final CaseClock caseClock;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties periods;
  private final Departments departments;
  private final AgencyClock clock;
  private final DecisionService decisions;
  private final Letters letters;
  private final Notifications notifications;

  private final RouteCases cases;

  IntakeSteps(CaseRegistration registration, CaseRegister register, CaseClock caseClock, WorkingDayCalendar calendar,
      DeadlineProperties periods, Departments departments, AgencyClock clock,
      @Lazy DecisionService decisions, Letters letters, Notifications notifications, RouteCases cases) {
    this.cases = cases;
    this.registration = registration;
    this.register = register;
    this.caseClock = caseClock;
    this.calendar = calendar;
    this.periods = periods;
    this.departments = departments;
    this.clock = clock;
    this.decisions = decisions;
    this.letters = letters;
    this.notifications = notifications;
  }

  /** Task_RegisterCase: a Tasklist start registers the case here; an API start registered it already. */
  void registerCase(DelegateExecution ex) {
    // Tasklist's start dialog may send an empty business key: the case number comes from the register
    String caseNumber = RegistrationValidator.blank(ex.getProcessBusinessKey()) ? null : ex.getProcessBusinessKey();
    // the instance's tenant is its agency (AgencyTenants): the one our registration named, or the starter's
    String agencyCode = ex.getTenantId() != null ? ex.getTenantId() : cases.agencyOf(ex);
    if (caseNumber != null) {
      routeForRegisteredCase(agencyCode, caseNumber);
    } else {
      RegistrationRequest request = StartFormRegistration.read(ex, clock.zone());
      try {
        caseNumber = registration.register(agencyCode, request, null, CaseVariables.string(ex, "initiator"));
      } catch (InvalidInputException e) {
        throw StartFormRegistration.asFormError(e);
      }
      ex.setProcessBusinessKey(caseNumber);
      ex.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
      ex.setVariable(CaseVariables.AGENCY, agencyCode);
      ex.removeVariables(StartFormRegistration.FIELDS);
    }
    register.linkProcessInstance(agencyCode, caseNumber, ex.getProcessInstanceId());
    ex.setVariable(SUPPLEMENT_COUNT, 0);
    caseClock.refresh(agencyCode, caseNumber, "登记");
    // the receipt (回执): handed over at the desk, or sent back the way the application came (Letters.receiptDelivery);
    // an applicant with an e-mail address is told at once
    letters.issue(agencyCode, caseNumber, LetterType.RECEIPT, CaseVariables.string(ex, "initiator"), Map.of());
    // the verification code travels only as a transient variable (never in the engine's tables or history)
    Object code = ex.getVariable(VERIFICATION_CODE);
    notifications.queueToApplicant(agencyCode, caseNumber, MailKind.ACKNOWLEDGEMENT, null,
        code == null ? null : "查询码：" + code + "\n凭案件编号和查询码可在网上查询办理进度、下载答复书；请妥善保管，遗失的可到接待室重新领取。");
  }

  /** Transient start variable: the applicant's verification code, for the acknowledgement mail only. */
  static final String VERIFICATION_CODE = "verificationCode";

  /**
   * One case, one route: a start with a business key is the route of a case just registered through
   * the API (same transaction, no route yet). A start naming an unknown case, or a case that has (or
   * had) a route — even a closed one — is refused before anything is written.
   */
  private void routeForRegisteredCase(String agencyCode, String caseNumber) {
    CaseRecord c = register.find(agencyCode, caseNumber)
        .orElseThrow(() -> new RouteInputException("案件编号",
            "未知的案件编号 " + caseNumber + "：新申请请通过登记表登记（不填业务键），案件编号由系统生成"));
    if (c.processInstanceId() != null || c.status() != CaseStatus.REGISTERED) {
      throw new RouteInputException("案件编号", "案件 " + caseNumber + " 已有办理流程（状态：" + c.status().label()
          + "），不能再次启动");
    }
  }

  /** Task_ProposeDepartment: the department given at registration, else the routing table's proposal. */
  void proposeDepartment(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    String proposed = c.department();
    if (proposed == null) {
      proposed = decisions.evaluateDecisionTableByKey("departmentRouting", Map.of("description", c.description()))
          .getSingleResult().getSingleEntry();
      // the routing table is the platform's: a proposal outside this agency becomes its catch-all department
      proposed = departments.proposalFor(c.agencyCode(), proposed);
    }
    ex.setVariable(PROPOSED_DEPARTMENT, proposed);
    ex.setVariable(DEPARTMENT, proposed);
  }

  /** Task_CheckCompleteness (complete): the decision must be whole before the route moves on. */
  void validateCompletenessCheck(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String decision = CaseVariables.string(task, COMPLETENESS);
    int supplements = CaseVariables.integer(task, SUPPLEMENT_COUNT, 0);
    if (decision == null) {
      errors.add(new FieldError("审查结论", "必须选择"));
    } else {
      switch (decision) {
        case "COMPLETE" -> {
          if (!departments.exists(cases.agencyOf(task), CaseVariables.string(task, DEPARTMENT))) {
            errors.add(new FieldError("承办部门", "必须选择有效的承办部门"));
          } else {
            // the candidate group dept-${department} names a real group only with the normal form
            task.setVariable(DEPARTMENT, DepartmentProperties.normalise(CaseVariables.string(task, DEPARTMENT)));
          }
        }
        case "NEEDS_SUPPLEMENT", "LATE_SUPPLEMENT" -> {
          LocalDate noticeDue = supplementNoticeDue(cases.caseOf(task));
          boolean late = clock.today().isAfter(noticeDue);
          if ("NEEDS_SUPPLEMENT".equals(decision) && late && supplements == 0) {
            errors.add(new FieldError("审查结论", "补正告知须在收到申请之日起 " + periods.supplementNoticeWorkingDays()
                + " 个工作日内（至 " + noticeDue + "）一次性发出，现已逾期；确需补正的，请选择“逾期补正，报督办审批”"));
          }
          if ("LATE_SUPPLEMENT".equals(decision) && !late) {
            errors.add(new FieldError("审查结论", "补正告知期限（至 " + noticeDue + "）尚未届满，请直接选择“需要补正”"));
          }
          String items = CaseVariables.string(task, "supplementItems");
          if (items == null) {
            errors.add(new FieldError("需补正的内容", "必须一次性列明需要补正的全部事项"));
          } else if (items.length() > 2000) {
            errors.add(new FieldError("需补正的内容", "不能超过 2000 个字符"));
          }
          if (supplements > 0) {
            errors.add(new FieldError("审查结论", "已发出过补正告知；补正后仍不明确的，请选择“补正后仍不明确”"));
          }
        }
        case "NOT_OGI" -> {
          Outcome o = CaseVariables.enumValue(task, "nonOgiOutcome", Outcome.class).orElse(null);
          if (o != null && Outcome.NEEDS_OWN_STEP.contains(o)) {
            errors.add(new FieldError("不予处理的情形", ART_35));
          } else if (o == null || !Outcome.NOT_OGI.contains(o)) {
            errors.add(new FieldError("不予处理的情形", "必须选择"));
          } else {
            task.setVariable(OUTCOME, o.name());
          }
        }
        case "STILL_UNCLEAR" -> {
          if (supplements == 0) {
            errors.add(new FieldError("审查结论", "尚未发出补正告知，不能认定“补正后仍不明确”"));
          } else {
            task.setVariable(OUTCOME, Outcome.STILL_UNCLEAR.name());
          }
        }
        default -> errors.add(new FieldError("审查结论", "取值无效：" + decision));
      }
    }
    if (!errors.isEmpty()) {
      throw new RouteInputException(errors);
    }
    register.record(cases.agencyOf(task), CaseVariables.caseNumber(task), "COMPLETENESS_CHECKED", task.getAssignee(),
        switch (decision) {
          case "COMPLETE" -> "申请内容完整，予以受理";
          case "NEEDS_SUPPLEMENT" -> "申请需要补正";
          case "LATE_SUPPLEMENT" -> "申请需要补正，但已超过补正告知期限（" + supplementNoticeDue(cases.caseOf(task))
              + "），报督办审批";
          case "NOT_OGI" -> "不属于政府信息公开申请：" + Outcome.valueOf(CaseVariables.string(task, OUTCOME)).label();
          default -> "补正后申请内容仍不明确";
        });
  }

  /** The last day for the supplement notice: 7 working days after the application was received (Art. 30). */
  private LocalDate supplementNoticeDue(CaseRecord c) {
    return calendar.addWorkingDays(c.agencyCode(), c.receivedOn(), periods.supplementNoticeWorkingDays());
  }

  /**
   * Task_ApproveLateSupplementNotice (complete): a supervisor allows or refuses a supplement notice
   * after the 7 working days; allowing it needs the reason, which is kept on the case and its timeline.
   */
  void validateLateSupplementApproval(DelegateTask task) {
    CaseRecord c = cases.caseOf(task);
    String decision = CaseVariables.string(task, LATE_SUPPLEMENT_DECISION);
    if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
      throw new RouteInputException("审批意见", "必须选择同意或不同意");
    }
    String reason = CaseVariables.string(task, "lateSupplementReason");
    if (reason != null && reason.length() > 2000) {
      throw new RouteInputException("逾期理由", "不能超过 2000 个字符");
    }
    LocalDate noticeDue = supplementNoticeDue(c);
    if ("APPROVE".equals(decision)) {
      if (reason == null) {
        throw new RouteInputException("逾期理由", "同意逾期发出补正告知的，必须说明逾期理由");
      }
      register.recordLateSupplementNotice(c.agencyCode(), c.caseNumber(), reason);
      register.record(c.agencyCode(), c.caseNumber(), "LATE_SUPPLEMENT_APPROVED", task.getAssignee(),
          "同意逾期发出补正告知（补正告知期限至 " + noticeDue + "）；逾期理由：" + reason);
    } else {
      register.record(c.agencyCode(), c.caseNumber(), "LATE_SUPPLEMENT_REFUSED", task.getAssignee(),
          "不同意逾期发出补正告知（补正告知期限至 " + noticeDue + "）" + (reason == null ? "" : "：" + reason));
    }
  }

  /** Task_AcceptCase: the department confirmed by reception takes the case. */
  void acceptCase(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    String department = CaseVariables.string(ex, DEPARTMENT);
    register.setDepartment(c.agencyCode(), c.caseNumber(), department);
    register.setStatus(c.agencyCode(), c.caseNumber(), CaseStatus.IN_HANDLING);
    register.record(c.agencyCode(), c.caseNumber(), "ASSIGNED", null, "交由" + departments.name(department) + "办理");
  }

  /** Task_IssueSupplementNotice: one notice listing everything, with the period to supplement. */
  void issueSupplementNotice(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    LocalDate today = clock.today();
    LocalDate due = calendar.addWorkingDays(c.agencyCode(), today, periods.supplementPeriodWorkingDays());
    register.requestSupplement(c.agencyCode(), c.caseNumber(), today, due);
    ex.setVariable(SUPPLEMENT_COUNT, CaseVariables.integer(ex, SUPPLEMENT_COUNT, 0) + 1);
    String items = CaseVariables.string(ex, "supplementItems");
    register.record(c.agencyCode(), c.caseNumber(), "SUPPLEMENT_NOTICE", null,
        "发出补正告知，补正期限至 " + due + "；需补正：" + items);
    caseClock.refresh(c.agencyCode(), c.caseNumber(), "等待补正");
    IssuedLetter notice = letters.issue(c.agencyCode(), c.caseNumber(), LetterType.SUPPLEMENT_NOTICE, null,
        Map.of("items", items, "supplementDueOn", due, "supplementWorkingDays", periods.supplementPeriodWorkingDays()));
    notifications.queueToApplicant(c.agencyCode(), c.caseNumber(), MailKind.SUPPLEMENT_NOTICE, notice.id());
  }

  /** Task_AwaitSupplement (complete): the day the supplement arrived is known and plausible. */
  void validateSupplement(DelegateTask task) {
    CaseRecord c = register.get(cases.agencyOf(task), CaseVariables.caseNumber(task));
    LocalDate received;
    try {
      received = CaseVariables.date(task, "supplementReceivedOn", clock.zone())
          .orElseThrow(() -> new RouteInputException("收到补正日期", "必须填写"));
    } catch (DateTimeParseException e) {
      throw new RouteInputException("收到补正日期", "日期格式应为 YYYY-MM-DD");
    }
    if (received.isAfter(clock.today())) {
      throw new RouteInputException("收到补正日期", "不能晚于今天");
    }
    if (c.supplementRequestedOn() != null && received.isBefore(c.supplementRequestedOn())) {
      throw new RouteInputException("收到补正日期", "不能早于补正告知日期 " + c.supplementRequestedOn());
    }
    if (c.supplementDueOn() != null && received.isAfter(c.supplementDueOn())) {
      throw new RouteInputException("收到补正日期", "已超过补正期限 " + c.supplementDueOn() + "，申请视为放弃");
    }
  }

  /** Task_RestartClock: the reply period counts afresh from the day the supplement arrived (Art. 30). */
  void restartClock(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    LocalDate arrived = CaseVariables.date(ex, "supplementReceivedOn", clock.zone()).orElse(clock.today());
    // Art. 31: a supplement sent online, by fax or e-mail is received on the day both sides confirm,
    // which for one that arrives on a rest day is the next working day
    Channel channel = CaseVariables.enumValue(ex, SUPPLEMENT_CHANNEL, Channel.class).orElse(c.channel());
    LocalDate received = channel.confirmedOnWorkingDay() ? calendar.onOrNextWorkingDay(c.agencyCode(), arrived) : arrived;
    register.restartClock(c.agencyCode(), c.caseNumber(), received);
    register.setStatus(c.agencyCode(), c.caseNumber(), CaseStatus.REGISTERED);
    register.record(c.agencyCode(), c.caseNumber(), "SUPPLEMENT_RECEIVED", null,
        "收到申请人补正（" + channel.label() + "，" + (received.equals(arrived) ? received.toString()
            : arrived + " 休息日提交，确认收到日为 " + received) + "），答复期限重新计算" + noteOf(ex));
    caseClock.refresh(c.agencyCode(), c.caseNumber(), "收到补正");
  }

  /**
   * Task_ReopenSupplementPeriod: the period ran out, but reception recorded a justified reason for
   * the delay (Art. 30: only 无正当理由逾期不补正 is deemed abandoned); a new period runs from today.
   */
  void reopenSupplementPeriod(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    LocalDate due = calendar.addWorkingDays(c.agencyCode(), clock.today(), periods.supplementPeriodWorkingDays());
    register.requestSupplement(c.agencyCode(), c.caseNumber(), c.supplementRequestedOn(), due);
    register.record(c.agencyCode(), c.caseNumber(), "JUSTIFIED_DELAY", null,
        "申请人逾期未补正有正当理由（" + CaseVariables.string(ex, "justifiedReason") + "），重新给予补正期限至 " + due);
    caseClock.refresh(c.agencyCode(), c.caseNumber(), "正当理由，重新给予补正期限");
  }

  /** Task_RemindSupplementNotice: only the first check has the 7-working-day limit. */
  boolean needsSupplementNoticeReminder(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    return CaseVariables.integer(ex, SUPPLEMENT_COUNT, 0) == 0 && c.status() == CaseStatus.REGISTERED;
  }

  void recordSupplementNoticeReminder(DelegateExecution ex) {
    CaseRecord c = cases.caseOf(ex);
    String text = "如需补正，须在收到申请之日起 " + periods.supplementNoticeWorkingDays() + " 个工作日内一次性告知";
    register.record(c.agencyCode(), c.caseNumber(), "REMINDER", null, "提醒接待室：" + text);
    notifications.queueToGroup(c.agencyCode(), c.caseNumber(), Groups.RECEPTION, MailKind.REMINDER, text);
  }

  private static String noteOf(DelegateExecution ex) {
    String note = CaseVariables.string(ex, "supplementNote");
    return note == null ? "" : "：" + note;
  }
}
