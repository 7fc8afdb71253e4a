package org.disclosuredesk.reply;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reply and closing delegates named in disclosure-request.bpmn; each only calls {@link ReplySteps}. */
@Configuration
class ReplyDelegates {

  @Bean
  JavaDelegate issueReply(ReplySteps steps) {
    return steps::issueReply;
  }

  @Bean
  TaskListener validateDelivery(ReplySteps steps) {
    return steps::validateDelivery;
  }

  @Bean
  JavaDelegate closeCase(ReplySteps steps) {
    return steps::closeCase;
  }

  @Bean
  JavaDelegate closeAsWithdrawn(ReplySteps steps) {
    return steps::closeAsWithdrawn;
  }

  @Bean
  JavaDelegate closeAsAbandoned(ReplySteps steps) {
    return steps::closeAsAbandoned;
  }
}
