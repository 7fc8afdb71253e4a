package org.disclosuredesk.fee;

import org.disclosuredesk.route.RouteCases;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteInputException;
import org.springframework.stereotype.Service;

/**
 * The fee path of the route (2020 measures): the notice stops the clock, payment restarts it, no
 * payment within the period ends the case as {@link Outcome#ABANDONED_FEE_UNPAID}.
 */
@Service
class FeeSteps {

  static final String METHOD = "feeMethod";
  static final String UNITS = "feeUnits";
  static final String PAID_ON = "feePaidOn";
  static final String NOTICE_DELIVERY = "feeNoticeDelivery";
  static final String NOTICE_RECEIVED_ON = "feeNoticeReceivedOn";

  private final Fees fees;
  private final CaseRegister register;
  private final CaseClock caseClock;
  private final Notifications notifications;
  private final AgencyProperties agency;
  private final AgencyClock clock;

  private final RouteCases cases;
  private final org.disclosuredesk.reply.ClosingLetter closingLetter;

  FeeSteps(Fees fees, CaseRegister register, CaseClock caseClock, Notifications notifications,
      AgencyProperties agency, AgencyClock clock, RouteCases cases, org.disclosuredesk.reply.ClosingLetter closingLetter) {
    this.closingLetter = closingLetter;
    this.cases = cases;
    this.fees = fees;
    this.register = register;
    this.caseClock = caseClock;
    this.notifications = notifications;
    this.agency = agency;
    this.clock = clock;
  }

  /** Task_IssueFeeNotice: the fee notice goes out and the reply clock stops until payment. */
  void issueFeeNotice(DelegateExecution ex) {
    String agencyCode = cases.agencyOf(ex);
    String caseNumber = CaseVariables.caseNumber(ex);
    FeeMethod method = CaseVariables.enumValue(ex, METHOD, FeeMethod.class).orElseThrow();
    FeeAssessment assessment = fees.assess(agencyCode, caseNumber, method, CaseVariables.integer(ex, UNITS, 1));
    FeeNotice notice = fees.issueNotice(agencyCode, caseNumber, null, assessment);
    register.setStatus(agencyCode, caseNumber, CaseStatus.AWAITING_FEE);
    caseClock.refresh(agencyCode, caseNumber, "收费通知，暂停计时");
    notifications.queueToApplicant(agencyCode, caseNumber, MailKind.FEE_NOTICE, notice.letterId());
  }

  /** The officer's fee proposal (on Task_HandleRequest): a method, a plausible count, and not free. */
  void validateProposal(DelegateTask task) {
    FeeMethod method = CaseVariables.enumValue(task, METHOD, FeeMethod.class)
        .orElseThrow(() -> new RouteInputException("计费方式", "必须选择按件或按量计收"));
    int units = CaseVariables.integer(task, UNITS, 0);
    if (units < 1 || units > 100_000) {
      throw new RouteInputException("计费数量", "应为 1 至 100000");
    }
    FeeAssessment assessment = fees.assess(cases.agencyOf(task), CaseVariables.caseNumber(task), method, units);
    if (assessment.isFree()) {
      throw new RouteInputException("计费数量", "未超出免费范围（" + assessment.breakdown() + "），不收取信息处理费");
    }
    if (fees.openPaymentDueOn(cases.agencyOf(task), CaseVariables.caseNumber(task)).isPresent()) {
      throw new RouteInputException("办理意见", "已有未结的收费通知");
    }
    fees.refusal(cases.agencyOf(task), CaseVariables.caseNumber(task)).ifPresent(why -> {
      throw new RouteInputException("办理意见", why);
    });
  }

  /**
   * Task_DeliverFeeNotice (complete): how and when the applicant received the fee notice; the
   * payment period then counts from the day after (validated: not before the notice, not in the future).
   */
  void recordNoticeDelivery(DelegateTask task) {
    String delivery = CaseVariables.string(task, NOTICE_DELIVERY);
    if (delivery == null || !java.util.List.of("PICKUP", "POST", "EMAIL", "FAX").contains(delivery)) {
      throw new RouteInputException("送达方式", "必须选择");
    }
    LocalDate received;
    try {
      received = CaseVariables.date(task, NOTICE_RECEIVED_ON, agency.timeZone())
          .orElseThrow(() -> new RouteInputException("收到通知日期", "必须填写"));
    } catch (DateTimeParseException e) {
      throw new RouteInputException("收到通知日期", "日期格式应为 YYYY-MM-DD");
    }
    String agencyCode = cases.agencyOf(task);
    String caseNumber = CaseVariables.caseNumber(task);
    LocalDate issuedOn = register.pauses(agencyCode, caseNumber).stream()
        .filter(p -> p.isOpen() && p.reason() == org.disclosuredesk.casefile.PauseReason.FEE_PAYMENT)
        .map(org.disclosuredesk.casefile.ClockPause::startedOn).findFirst().orElse(null);
    if (issuedOn != null && received.isBefore(issuedOn)) {
      throw new RouteInputException("收到通知日期", "不能早于收费通知发出日期 " + issuedOn);
    }
    if (received.isAfter(clock.today())) {
      throw new RouteInputException("收到通知日期", "不能晚于今天（" + clock.today() + "）");
    }
    fees.recordNoticeReceipt(agencyCode, caseNumber, task.getAssignee(), delivery, received);
  }

  /** Task_RecordFeePayment (complete): the day the fee was paid, within the period. */
  void validatePayment(DelegateTask task) {
    LocalDate paid;
    try {
      paid = CaseVariables.date(task, PAID_ON, agency.timeZone())
          .orElseThrow(() -> new RouteInputException("缴费日期", "必须填写"));
    } catch (DateTimeParseException e) {
      throw new RouteInputException("缴费日期", "日期格式应为 YYYY-MM-DD");
    }
    if (paid.isAfter(clock.today())) {
      throw new RouteInputException("缴费日期", "不能晚于今天");
    }
    fees.openPaymentDueOn(cases.agencyOf(task), CaseVariables.caseNumber(task)).ifPresent(due -> {
      if (paid.isAfter(due)) {
        throw new RouteInputException("缴费日期", "已超过缴费期限 " + due);
      }
    });
  }

  /** Task_RecordFeePaid: paid; the clock runs again from the day of payment. */
  void recordPayment(DelegateExecution ex) {
    String agencyCode = cases.agencyOf(ex);
    String caseNumber = CaseVariables.caseNumber(ex);
    LocalDate paid = CaseVariables.date(ex, PAID_ON, agency.timeZone()).orElse(clock.today());
    fees.recordPayment(agencyCode, caseNumber, null, paid);
    register.setStatus(agencyCode, caseNumber, CaseStatus.IN_HANDLING);
    caseClock.refresh(agencyCode, caseNumber, "已缴费，恢复计时");
  }

  /** Task_CloseFeeUnpaid: the payment period ended unpaid; the agency no longer handles the application. */
  void closeAsFeeUnpaid(DelegateExecution ex) {
    String agencyCode = cases.agencyOf(ex);
    String caseNumber = CaseVariables.caseNumber(ex);
    fees.recordUnpaid(agencyCode, caseNumber, null);
    register.close(agencyCode, caseNumber, Outcome.ABANDONED_FEE_UNPAID, clock.today());
    closingLetter.issue(agencyCode, caseNumber);
  }

  /** Task_ReopenFeePaymentPeriod: reception recorded a justified reason for the delay; a new period runs from today. */
  void reopenPaymentPeriod(DelegateExecution ex) {
    String agencyCode = cases.agencyOf(ex);
    String caseNumber = CaseVariables.caseNumber(ex);
    fees.reopenPaymentPeriod(agencyCode, caseNumber, CaseVariables.string(ex, "justifiedReason"));
    caseClock.refresh(agencyCode, caseNumber, "正当理由，重新给予缴费期限");
  }

  /** The last day to pay, for timers and the task's due date. */
  LocalDate paymentDueOn(DelegateExecution ex) {
    return fees.openPaymentDueOn(cases.agencyOf(ex), CaseVariables.caseNumber(ex))
        .orElseThrow(() -> new IllegalStateException("no open fee notice on " + CaseVariables.caseNumber(ex)));
  }
}
