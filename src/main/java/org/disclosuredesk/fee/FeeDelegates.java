package org.disclosuredesk.fee;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fee path's delegates and listeners named in disclosure-request.bpmn; each only calls {@link FeeSteps}. */
@Configuration
class FeeDelegates {

  @Bean
  JavaDelegate issueFeeNotice(FeeSteps steps) {
    return steps::issueFeeNotice;
  }

  @Bean
  TaskListener recordFeeNoticeDelivery(FeeSteps steps) {
    return steps::recordNoticeDelivery;
  }

  @Bean
  TaskListener validateFeePayment(FeeSteps steps) {
    return steps::validatePayment;
  }

  @Bean
  JavaDelegate recordFeePayment(FeeSteps steps) {
    return steps::recordPayment;
  }

  @Bean
  JavaDelegate reopenFeePaymentPeriod(FeeSteps steps) {
    return steps::reopenPaymentPeriod;
  }

  @Bean
  JavaDelegate closeAsFeeUnpaid(FeeSteps steps) {
    return steps::closeAsFeeUnpaid;
  }
}
