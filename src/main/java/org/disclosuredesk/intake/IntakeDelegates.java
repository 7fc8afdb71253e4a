package org.disclosuredesk.intake;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake delegates and listeners named in disclosure-request.bpmn; each only calls {@link IntakeSteps}. */
@Configuration
class IntakeDelegates {

  @Bean
  JavaDelegate registerCase(IntakeSteps steps) {
    return steps::registerCase;
  }

  @Bean
  JavaDelegate proposeDepartment(IntakeSteps steps) {
    return steps::proposeDepartment;
  }

  @Bean
  TaskListener validateCompletenessCheck(IntakeSteps steps) {
    return steps::validateCompletenessCheck;
  }

  @Bean
  TaskListener validateLateSupplementApproval(IntakeSteps steps) {
    return steps::validateLateSupplementApproval;
  }

  @Bean
  JavaDelegate acceptCase(IntakeSteps steps) {
    return steps::acceptCase;
  }

  @Bean
  JavaDelegate issueSupplementNotice(IntakeSteps steps) {
    return steps::issueSupplementNotice;
  }

  @Bean
  TaskListener validateSupplement(IntakeSteps steps) {
    return steps::validateSupplement;
  }

  @Bean
  JavaDelegate reopenSupplementPeriod(IntakeSteps steps) {
    return steps::reopenSupplementPeriod;
  }

  @Bean
  JavaDelegate restartClock(IntakeSteps steps) {
    return steps::restartClock;
  }

  @Bean
  JavaDelegate remindSupplementNotice(IntakeSteps steps) {
    return ex -> {
      if (steps.needsSupplementNoticeReminder(ex)) {
        steps.recordSupplementNoticeReminder(ex);
      }
    };
  }
}
