package org.disclosuredesk.supervision;

import java.util.Map;

/** Chinese names of the timeline's event kinds; an unknown kind shows as its code. */
final class TimelineLabels {

  static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("REGISTERED", "登记"),
      Map.entry("COMPLETENESS_CHECKED", "完整性审查"),
      Map.entry("SUPPLEMENT_NOTICE", "补正告知"),
      Map.entry("SUPPLEMENT_RECEIVED", "收到补正"),
      Map.entry("ASSIGNED", "分办"),
      Map.entry("REASSIGNED", "改派"),
      Map.entry("REPLY_PROPOSED", "拟答复"),
      Map.entry("CONSULTATION_STARTED", "征求意见"),
      Map.entry("CONSULTATION_ENDED", "征求意见结束"),
      Map.entry("EXTENSION_APPROVED", "同意延期"),
      Map.entry("EXTENSION_REFUSED", "不同意延期"),
      Map.entry("CONFIDENTIALITY_REVIEWED", "保密审查"),
      Map.entry("REPLIED", "答复"),
      Map.entry("CLOSED", "办结"),
      Map.entry("WITHDRAWN", "申请人撤回"),
      Map.entry("DEEMED_ABANDONED", "视为放弃"),
      Map.entry("DUE_DATE_CHANGED", "答复期限变更"),
      Map.entry("REMINDER", "到期提醒"),
      Map.entry("ESCALATED", "超期上报"),
      Map.entry("FEE_NOTICE", "收费通知"),
      Map.entry("FEE_PAID", "已缴费"),
      Map.entry("FEE_UNPAID", "逾期未缴费"),
      Map.entry("FEE_NOTICE_RECEIVED", "收费通知送达"),
      Map.entry("LATE_SUPPLEMENT_APPROVED", "同意逾期补正告知"),
      Map.entry("LATE_SUPPLEMENT_REFUSED", "不同意逾期补正告知"),
      Map.entry("JUSTIFIED_DELAY", "逾期有正当理由"),
      Map.entry("PUBLIC_INTEREST_DECIDED", "公共利益认定"),
      Map.entry("LETTER_ISSUED", "出具文书"),
      Map.entry("MAIL_SENT", "邮件已发送"),
      Map.entry("MAIL_NOT_SENT", "邮件未发送"),
      Map.entry("MAIL_FAILED", "邮件发送失败"),
      Map.entry(Urging.URGED, "督办催办"),
      Map.entry("LEGAL_CHALLENGE_RECORDED", "登记复议/诉讼"),
      Map.entry("LEGAL_CHALLENGE_UPDATED", "更新复议/诉讼"),
      Map.entry("REFERRED_OUT", "转送其他机关"),
      Map.entry("REFERRED_IN", "其他机关转来"));

  private TimelineLabels() {}
}
