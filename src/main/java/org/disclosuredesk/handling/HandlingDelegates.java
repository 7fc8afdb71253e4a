package org.disclosuredesk.handling;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handling delegates and listeners named in disclosure-request.bpmn; each only calls {@link HandlingSteps}. */
@Configuration
class HandlingDelegates {

  @Bean
  TaskListener validateHandling(HandlingSteps steps) {
    return steps::validateHandling;
  }

  @Bean
  JavaDelegate reassignDepartment(HandlingSteps steps) {
    return steps::reassignDepartment;
  }

  @Bean
  JavaDelegate startConsultation(HandlingSteps steps) {
    return steps::startConsultation;
  }

  @Bean
  TaskListener validateConsultationReply(HandlingSteps steps) {
    return steps::validateConsultationReply;
  }

  @Bean
  JavaDelegate endConsultation(HandlingSteps steps) {
    return steps::endConsultation;
  }

  @Bean
  TaskListener validatePublicInterestDecision(HandlingSteps steps) {
    return steps::validatePublicInterestDecision;
  }

  @Bean
  JavaDelegate recordPublicInterestDecision(HandlingSteps steps) {
    return steps::recordPublicInterestDecision;
  }

  @Bean
  TaskListener validateExtensionDecision(HandlingSteps steps) {
    return steps::validateExtensionDecision;
  }

  @Bean
  JavaDelegate recordExtensionDecision(HandlingSteps steps) {
    return steps::recordExtensionDecision;
  }
}
