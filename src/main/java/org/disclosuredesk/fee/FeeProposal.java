package org.disclosuredesk.fee;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Checks an officer's proposal to charge a fee before the route sends the notice (used by the handling step). */
@Component
public class FeeProposal {

  private final FeeSteps steps;

  FeeProposal(FeeSteps steps) {
    this.steps = steps;
  }

  /** Throws a form error naming the field when the proposal cannot go out. */
  public void validate(DelegateTask task) {
    steps.validateProposal(task);
  }
}
