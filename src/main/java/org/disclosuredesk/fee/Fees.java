package org.disclosuredesk.fee;

import org.disclosuredesk.deadline.DeadlineProperties;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.PauseReason;
import org.disclosuredesk.letters.ChineseDates;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.web.ConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information-processing fees on a case (2020 measures): assess, send the fee notice and pause
 * the reply clock, then record payment (the clock runs again) or non-payment (the route closes the
 * case as ABANDONED_FEE_UNPAID). Every write joins the caller's transaction.
 */
@Service
public class Fees {

  private final CaseRegister register;
  private final FeeStore store;
  private final Letters letters;
  private final ObjectProvider<WorkingDayCalendar> calendar;
  private final AgencyClock clock;
  private final FeeProperties properties;
  private final DeadlineProperties periods;

  Fees(CaseRegister register, FeeStore store, Letters letters, ObjectProvider<WorkingDayCalendar> calendar,
      AgencyClock clock, FeeProperties properties, DeadlineProperties periods) {
    this.periods = periods;
    this.register = register;
    this.store = store;
    this.letters = letters;
    this.calendar = calendar;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * What the case would cost by {@code method}: per case, {@code units} is how many cases the
   * application counts as (usually 1) and the applicant's earlier applications this calendar month
   * are counted from the register; per page, {@code units} is the number of pages.
   */
  public FeeAssessment assess(String agencyCode, String caseNumber, FeeMethod method, int units) {
    CaseRecord c = register.get(agencyCode, caseNumber);
    return switch (method) {
      case PER_CASE -> FeeCalculator.perCase(store.earlierCasesInMonth(c), units);
      case PER_PAGE -> FeeCalculator.perPage(units);
    };
  }

  /**
   * Sends the fee notice (收费通知书): issues the FEE_NOTICE letter with a payment period of
   * {@code disclosure.deadline.fee-payment-working-days} working days from the day after the applicant
   * receives it, records the fee and opens a FEE_PAYMENT pause in the case's ledger from today. Until
   * {@link #recordNoticeReceipt} the last day to pay is provisional (as if received today).
   *
   * @throws ConflictException if the assessment is free or a fee notice is already open
   */
  @Transactional
  public FeeNotice issueNotice(String agencyCode, String caseNumber, String actor, FeeAssessment fee) {
    if (fee.isFree()) {
      throw new ConflictException("fee", "应缴金额为零，无需发出收费通知");
    }
    if (store.open(agencyCode, caseNumber).isPresent()) {
      throw new ConflictException("fee", "该案件已有未结的收费通知");
    }
    refusal(agencyCode, caseNumber).ifPresent(why -> {
      throw new ConflictException("fee", why);
    });
    WorkingDayCalendar days = calendar.getIfAvailable();
    if (days == null) {
      throw new IllegalStateException("没有工作日历（WorkingDayCalendar），无法计算缴费期限");
    }
    LocalDate today = clock.today();
    // provisional last day (as if received today) until the receipt of the notice is recorded
    LocalDate dueOn = days.addWorkingDays(agencyCode, today, periods.feePaymentWorkingDays());
    Map<String, Object> details = new HashMap<>();
    details.put("fee", fee);
    // the period runs from the day after the applicant receives the notice, which the letter states;
    // the last day is known once the receipt is recorded (recordNoticeReceipt)
    details.put("paymentWorkingDays", periods.feePaymentWorkingDays());
    details.put("paymentInstructions", properties.paymentInstructions());
    IssuedLetter letter = letters.issue(agencyCode, caseNumber, LetterType.FEE_NOTICE, actor, details);
    long feeId = store.insert(agencyCode, caseNumber, fee, letter.id(), today, dueOn, actor);
    register.openPause(agencyCode, caseNumber, PauseReason.FEE_PAYMENT, today,
        "收费通知：" + fee.amountYuan() + "元，缴费期限自申请人收到通知次日起" + periods.feePaymentWorkingDays() + "个工作日");
    register.record(agencyCode, caseNumber, "FEE_NOTICE", actor, "收取信息处理费%d元（%s），缴费期限自申请人收到通知次日起%d个工作日"
        .formatted(fee.amountYuan(), fee.method().label(), periods.feePaymentWorkingDays()));
    return new FeeNotice(feeId, letter.id(), fee.amountYuan(), today, dueOn);
  }

  /** The first day a fee may be charged: the 2020 fee measures are in force from 2021-01-01. */
  public static final LocalDate FEE_MEASURES_IN_FORCE = LocalDate.of(2021, 1, 1);

  /**
   * Why no fee may be charged on the case, if that is so: one fee per application, and none on an
   * application received before the 2020 measures took effect.
   */
  public Optional<String> refusal(String agencyCode, String caseNumber) {
    CaseRecord c = register.get(agencyCode, caseNumber);
    if (c.receivedOn().isBefore(FEE_MEASURES_IN_FORCE)) {
      return Optional.of("本申请于 " + c.receivedOn() + " 收到，早于《政府信息公开信息处理费管理办法》施行日（2021年1月1日），不收取信息处理费");
    }
    if (store.anyFee(agencyCode, caseNumber)) {
      return Optional.of("本申请已发出过收费通知；一件申请只能收取一次信息处理费");
    }
    return Optional.empty();
  }

  /**
   * The applicant received the fee notice: the payment period counts from the day after. The day of
   * receipt follows the delivery used (domain.md, receipt by channel): handed over — that day; by post
   * — the day the applicant signed for it; e-mail or fax — the day both sides confirmed, moved to the
   * next working day when that is a rest day.
   *
   * @return the last day to pay
   */
  @Transactional
  public LocalDate recordNoticeReceipt(String agencyCode, String caseNumber, String actor, String delivery,
      LocalDate receivedOn) {
    FeeStore.OpenFee fee = openFee(agencyCode, caseNumber);
    WorkingDayCalendar days = calendar.getObject();
    LocalDate received = "EMAIL".equals(delivery) || "FAX".equals(delivery)
        ? days.onOrNextWorkingDay(agencyCode, receivedOn) : receivedOn;
    LocalDate dueOn = days.addWorkingDays(agencyCode, received, periods.feePaymentWorkingDays());
    store.noticeReceived(fee.id(), received, dueOn);
    register.record(agencyCode, caseNumber, "FEE_NOTICE_RECEIVED", actor,
        "申请人收到收费通知（%s，收到日 %s），缴费期限自次日起 %d 个工作日，至 %s"
            .formatted(deliveryLabel(delivery), received, periods.feePaymentWorkingDays(), dueOn));
    return dueOn;
  }

  private static String deliveryLabel(String delivery) {
    return switch (delivery == null ? "" : delivery) {
      case "PICKUP" -> "当面送达";
      case "POST" -> "邮寄签收";
      case "EMAIL" -> "电子邮件确认";
      case "FAX" -> "传真确认";
      default -> "其他方式";
    };
  }

  /** The payment arrived on {@code paidOn}: the fee is settled and the clock pause ends. */
  @Transactional
  public void recordPayment(String agencyCode, String caseNumber, String actor, LocalDate paidOn) {
    FeeStore.OpenFee fee = openFee(agencyCode, caseNumber);
    store.settle(fee.id(), "PAID", paidOn);
    register.closePause(agencyCode, caseNumber, paidOn);
    register.record(agencyCode, caseNumber, "FEE_PAID", actor,
        "已缴纳信息处理费%d元（%s）".formatted(fee.amountYuan(), ChineseDates.format(paidOn)));
  }

  /**
   * The payment period ended unpaid: the fee is closed as unpaid and the pause ends today. The
   * route then closes the case with outcome ABANDONED_FEE_UNPAID.
   */
  @Transactional
  public void recordUnpaid(String agencyCode, String caseNumber, String actor) {
    FeeStore.OpenFee fee = openFee(agencyCode, caseNumber);
    LocalDate today = clock.today();
    store.settle(fee.id(), "UNPAID", today);
    register.closePause(agencyCode, caseNumber, today);
    register.record(agencyCode, caseNumber, "FEE_UNPAID", actor,
        "逾期（%s）未缴纳信息处理费，视为放弃申请".formatted(ChineseDates.format(fee.paymentDueOn())));
  }

  /**
   * The payment period ran out, but reception recorded a justified reason for the delay (正当理由):
   * a new period of {@code disclosure.deadline.fee-payment-working-days} runs from today.
   */
  @Transactional
  public LocalDate reopenPaymentPeriod(String agencyCode, String caseNumber, String reason) {
    FeeStore.OpenFee fee = openFee(agencyCode, caseNumber);
    LocalDate today = clock.today();
    LocalDate dueOn = calendar.getObject().addWorkingDays(agencyCode, today, periods.feePaymentWorkingDays());
    store.moveDue(fee.id(), dueOn);
    register.record(agencyCode, caseNumber, "JUSTIFIED_DELAY", null,
        "申请人逾期未缴费有正当理由（%s），重新给予缴费期限至 %s".formatted(reason, dueOn));
    return dueOn;
  }

  /** The last day to pay the open fee notice, if one is open. */
  public Optional<LocalDate> openPaymentDueOn(String agencyCode, String caseNumber) {
    return store.open(agencyCode, caseNumber).map(FeeStore.OpenFee::paymentDueOn);
  }

  private FeeStore.OpenFee openFee(String agencyCode, String caseNumber) {
    return store.open(agencyCode, caseNumber)
        .orElseThrow(() -> new ConflictException("fee", "该案件没有未结的收费通知"));
  }
}
