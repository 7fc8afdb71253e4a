package org.disclosuredesk.route;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision reception takes when a period given to the applicant ran out (supplement, Art. 30;
 * fee payment, 2020 measures): confirm that the application is deemed abandoned, or record a
 * justified reason for the delay (正当理由), which reopens the period instead (bean
 * {@code validateLapseDecision} on Task_ConfirmNoSupplement and Task_ConfirmFeeUnpaid).
 */
@Component("validateLapseDecision")
class LapseDecision implements TaskListener {

  static final String DECISION = "lapseDecision";
  static final String REASON = "justifiedReason";

  @Override
  public void notify(DelegateTask task) {
    String decision = CaseVariables.string(task, DECISION);
    if (!"CONFIRM".equals(decision) && !"JUSTIFIED".equals(decision)) {
      throw new RouteInputException("处理意见", "必须选择确认逾期或有正当理由");
    }
    String reason = CaseVariables.string(task, REASON);
    if ("JUSTIFIED".equals(decision) && reason == null) {
      throw new RouteInputException("正当理由", "重新给予期限的，必须写明申请人逾期的正当理由");
    }
    if (reason != null && reason.length() > 2000) {
      throw new RouteInputException("正当理由", "不能超过 2000 个字符");
    }
  }
}
