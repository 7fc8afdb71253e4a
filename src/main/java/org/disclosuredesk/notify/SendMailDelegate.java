package org.disclosuredesk.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.Letters;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendMail}}: the service task of outgoingMail. Sends the queued mail and notes it on the
 * case timeline; with no mail server configured it notes "not sent" and completes. An SMTP failure
 * is thrown so the job retries (R5/PT5M) and then raises an incident. Idempotent: a mail already
 * handled is not sent again.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

  static final String SENT = "MAIL_SENT";
  static final String NOT_SENT = "MAIL_NOT_SENT";

  private final MailStore store;
  private final MailGateway gateway;
  private final Letters letters;
  private final CaseRegister register;
  private final org.disclosuredesk.documents.ReleasedDocuments released;

  SendMailDelegate(MailStore store, MailGateway gateway, Letters letters, CaseRegister register,
      org.disclosuredesk.documents.ReleasedDocuments released) {
    this.released = released;
    this.store = store;
    this.gateway = gateway;
    this.letters = letters;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(Notifications.MAIL_ID)).longValue();
    OutgoingMail mail = store.find(id).orElseThrow(() -> new IllegalStateException("邮件不存在：" + id));
    if (mail.status() != OutgoingMail.Status.QUEUED) {
      return;
    }
    String what = "%s，%s：%s".formatted(mail.kind().label(), mail.recipientLabel(), mail.subject());
    if (!gateway.configured()) {
      store.mark(id, OutgoingMail.Status.NOT_SENT);
      register.record(mail.agencyCode(), mail.caseNumber(), NOT_SENT, Notifications.ACTOR,
          "未发送：未配置邮件服务器（" + what + "）");
      return;
    }
    java.util.List<MailGateway.Attachment> attachments = new java.util.ArrayList<>();
    MailGateway.Attachment letter = attachment(mail);
    if (letter != null) {
      attachments.add(letter);
    }
    if (mail.kind() == MailKind.REPLY && mail.letterId() != null) {
      // the released versions of the case's documents go with the reply (documents.ReleasedDocuments)
      released.forReplyMail(mail.agencyCode(), mail.caseNumber()).forEach(f ->
          attachments.add(new MailGateway.Attachment(f.fileName(), f.content(), f.contentType())));
    }
    gateway.send(mail, attachments);
    store.mark(id, OutgoingMail.Status.SENT);
    register.record(mail.agencyCode(), mail.caseNumber(), SENT, Notifications.ACTOR, "已发送邮件（" + what + "）");
  }

  private MailGateway.Attachment attachment(OutgoingMail mail) {
    if (mail.letterId() == null) {
      return null;
    }
    IssuedLetter letter = letters.find(mail.agencyCode(), mail.letterId())
        .orElseThrow(() -> new IllegalStateException("附件文书不存在：" + mail.letterId()));
    return new MailGateway.Attachment(Letters.fileName(letter, "pdf"), letters.pdf(letter));
  }
}
