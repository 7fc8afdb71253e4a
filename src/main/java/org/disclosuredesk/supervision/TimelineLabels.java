package org.disclosuredesk.supervision;

import java.util.Map;

/** Chinese names of the timeline's event kinds; an unknown kind shows as its code. */
final class TimelineLabels {

  static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("REGISTERED", "登记"),
      Map.entry("ACCEPTED", "受理"),
      Map.entry("SUPPLEMENT_NOTICE", "补正告知"),
      Map.entry("SUPPLEMENT_RECEIVED", "收到补正"),
      Map.entry("WITHDRAWN", "申请人撤回"),
      Map.entry("ASSIGNED", "分办"),
      Map.entry("REASSIGNED", "改派"),
      Map.entry("EXTENSION", "延期答复"),
      Map.entry("CONSULTATION", "征求意见"),
      Map.entry("REVIEW", "保密审查"),
      Map.entry("REPLIED", "答复"),
      Map.entry("DELIVERED", "送达"),
      Map.entry("CLOSED", "办结"),
      Map.entry("DUE_DATE_CHANGED", "答复期限变更"),
      Map.entry("REMINDER", "到期提醒"),
      Map.entry("ESCALATED", "超期上报"),
      Map.entry("MAIL_SENT", "邮件已发送"),
      Map.entry("MAIL_NOT_SENT", "邮件未发送"),
      Map.entry(Urging.URGED, "督办催办"),
      Map.entry("LEGAL_CHALLENGE_RECORDED", "登记复议/诉讼"),
      Map.entry("LEGAL_CHALLENGE_UPDATED", "更新复议/诉讼"));

  private TimelineLabels() {}
}
