package org.disclosuredesk.fee;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.disclosuredesk.deadline.DeadlineTimers;
import org.springframework.stereotype.Component;

/**
 * The fee path's task due date and timer (bean {@code feeTimers} in disclosure-request.bpmn), from the
 * payment date written on the fee notice itself, so the engine and the letter never disagree.
 */
@Component("feeTimers")
public class FeeTimers {

  private final FeeSteps steps;
  private final DeadlineTimers deadlines;

  FeeTimers(FeeSteps steps, DeadlineTimers deadlines) {
    this.steps = steps;
    this.deadlines = deadlines;
  }

  public Date paymentDue(DelegateExecution execution) {
    return deadlines.endOfDay(steps.paymentDueOn(execution));
  }

  /** Unpaid when the day after the last day to pay begins. */
  public Date paymentExpires(DelegateExecution execution) {
    return deadlines.expiresAfter(steps.paymentDueOn(execution));
  }
}
