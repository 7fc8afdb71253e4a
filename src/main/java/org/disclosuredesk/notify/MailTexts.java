package org.disclosuredesk.notify;

import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.letters.ChineseDates;
import org.disclosuredesk.letters.LettersProperties;
import org.springframework.stereotype.Component;

/** The subject and body of each kind of mail, composed from the case when the mail is queued. */
@Component
class MailTexts {

  record Text(String subject, String body) {}

  private static final String AUTOMATIC = "（本邮件由政府信息公开申请办理系统自动发送，请勿直接回复。）";

  private final Agencies agencies;
  private final LettersProperties letters;
  private final NotifyProperties mail;

  MailTexts(Agencies agencies, LettersProperties letters, NotifyProperties mail) {
    this.agencies = agencies;
    this.letters = letters;
    this.mail = mail;
  }

  /** The agency's name as its mails are signed. */
  String agencyName(String agencyCode) {
    return agencies.get(agencyCode).name();
  }

  Text compose(MailKind kind, CaseRecord c, String detail) {
    String n = c.caseNumber();
    String a = agencyName(c.agencyCode());
    String extra = detail == null || detail.isBlank() ? "" : detail.strip() + "\n\n";
    return switch (kind) {
      case ACKNOWLEDGEMENT -> applicant(c, "【" + a + "】您的政府信息公开申请已收到（" + n + "）",
          "本机关已于" + date(c.receivedOn()) + "收到您的政府信息公开申请，案件编号：" + n + "。\n"
              + "申请获取的信息：" + c.description() + "\n"
              + "法定答复期限：" + (c.dueOn() == null ? "自收到申请之日起" + c.regime().replyWorkingDays() + "个工作日内"
                  : date(c.dueOn()) + "前") + "。需要延长答复期限的，本机关将另行书面告知。\n\n"
              + extra + "查询办理进度时，请提供上述案件编号。" + contact(c));
      case SUPPLEMENT_NOTICE -> applicant(c, "【" + a + "】政府信息公开申请补正告知（" + n + "）",
          "您的政府信息公开申请（案件编号：" + n + "）需要补正，详见所附《补正告知书》。\n"
              + "答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请。\n\n" + extra + contact(c));
      case EXTENSION_NOTICE -> applicant(c, "【" + a + "】政府信息公开申请延期答复告知（" + n + "）",
          "您的政府信息公开申请（案件编号：" + n + "）的答复期限已依法延长"
              + (c.dueOn() == null ? "" : "，本机关将于" + date(c.dueOn()) + "前作出答复") + "，详见所附《延期答复告知书》。\n\n"
              + extra + contact(c));
      case FEE_NOTICE -> applicant(c, "【" + a + "】政府信息公开信息处理费收费通知（" + n + "）",
          "您的政府信息公开申请（案件编号：" + n + "）需缴纳信息处理费，金额、期限和缴费方式详见所附《收费通知书》。"
              + "逾期未缴纳的，视为放弃申请。\n\n" + extra + contact(c));
      case REPLY -> applicant(c, "【" + a + "】政府信息公开申请答复（" + n + "）",
          "本机关已对您的政府信息公开申请（案件编号：" + n + "）作出答复，《政府信息公开申请答复书》见附件（PDF）。\n\n"
              + extra + contact(c));
      case NEW_TASK -> staff(c, "【待办】" + (detail == null ? "新任务" : detail) + "：" + n,
          "您所在的小组有一项新的待办任务。\n任务：" + (detail == null ? "" : detail) + "\n" + facts(c)
              + "\n请登录任务列表认领并办理：" + mail.tasklistUrl());
      case REMINDER -> staff(c, "【到期提醒】" + n + " 将于" + date(c.dueOn()) + "到期",
          "以下政府信息公开申请即将到达答复期限，请抓紧办理。\n" + facts(c) + "\n" + extra + "任务列表：" + mail.tasklistUrl());
      case ESCALATION -> staff(c, "【超期督办】" + n + " 已到答复期限（" + date(c.dueOn()) + "）",
          "以下政府信息公开申请已到或已超过法定答复期限，请督促办理。\n" + facts(c) + "\n" + extra + "任务列表：" + mail.tasklistUrl());
      case URGE -> staff(c, "【催办】" + n + " 请尽快办理",
          "督办人对以下政府信息公开申请进行了催办。\n" + facts(c) + "\n" + extra + "任务列表：" + mail.tasklistUrl());
    };
  }

  private Text applicant(CaseRecord c, String subject, String body) {
    return new Text(subject, c.applicant().name() + "：\n\n" + body + "\n\n" + agencyName(c.agencyCode()) + "\n" + AUTOMATIC);
  }

  private Text staff(CaseRecord c, String subject, String body) {
    return new Text(subject, body + "\n\n" + agencyName(c.agencyCode()) + " 政府信息公开申请办理系统\n" + AUTOMATIC);
  }

  private static String facts(CaseRecord c) {
    return "案件编号：" + c.caseNumber() + "\n申请人：" + c.applicant().name() + "\n所需信息：" + c.description()
        + "\n答复期限：" + (c.dueOn() == null ? "未定" : date(c.dueOn())) + "\n";
  }

  private String contact(CaseRecord c) {
    StringBuilder s = new StringBuilder();
    Agency agency = agencies.get(c.agencyCode());
    if (!agency.contactPhone().isBlank()) {
      s.append("\n联系电话：").append(agency.contactPhone());
    }
    if (!agency.contactAddress().isBlank()) {
      s.append("\n地址：").append(agency.contactAddress());
    }
    if (!letters.enquiryUrl().isBlank()) {
      s.append("\n网上查询：").append(letters.enquiryUrl());
    }
    return s.toString();
  }

  private static String date(java.time.LocalDate d) {
    return d == null ? "未定" : ChineseDates.format(d);
  }
}
