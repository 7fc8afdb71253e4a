package org.disclosuredesk.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Drains the outbox every {@code disclosure.mail.drain-every} on every node where the engine's job
 * executor runs (the tests turn both off and drain by hand). A Spring schedule rather than an engine
 * job: the outbox rows are the durable state, so a restart loses nothing, and two nodes share the
 * work through the rows' leases.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class MailDrainSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(MailDrainSchedule.class);

  private final MailDrainer drainer;
  private final NotifyProperties properties;

  MailDrainSchedule(MailDrainer drainer, NotifyProperties properties) {
    this.drainer = drainer;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(() -> {
      try {
        drainer.drain();
      } catch (RuntimeException e) {
        // the database may be away for a moment; the next run tries again
        log.warn("mail outbox not drained: {}", e.toString());
      }
    }, properties.drainEvery());
  }
}
