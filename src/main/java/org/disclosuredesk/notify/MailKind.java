package org.disclosuredesk.notify;

/** What a mail is about; the subject and body are composed from the case when it is queued. */
public enum MailKind {
  /** To the applicant: the application was received, case number and due date. */
  ACKNOWLEDGEMENT("申请已收到"),
  /** To the applicant: the supplement notice (补正告知书) attached. */
  SUPPLEMENT_NOTICE("补正告知"),
  /** To the applicant: the extension notice (延期答复告知书) attached. */
  EXTENSION_NOTICE("延期答复告知"),
  /** To the applicant: the fee notice (收费通知书) attached. */
  FEE_NOTICE("收费通知"),
  /** To the applicant: the reply letter (答复书) attached as PDF. */
  REPLY("申请答复"),
  /** To officers: a new task for their group. */
  NEW_TASK("新待办任务"),
  /** To officers: the due date approaches. */
  REMINDER("到期提醒"),
  /** To supervisors: the due date is reached or passed. */
  ESCALATION("超期督办"),
  /** To the assignee: a supervisor urges the case. */
  URGE("催办");

  private final String label;

  MailKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
