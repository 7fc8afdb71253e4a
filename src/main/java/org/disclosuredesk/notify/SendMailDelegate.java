package org.disclosuredesk.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendMail}}: kept only for {@code outgoingMail} instances started by versions before the
 * outbox drainer. Their mail rows are sent by {@link MailDrainer} now; the old instance just ends.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // nothing: the row stays QUEUED and the drainer sends it
  }
}
