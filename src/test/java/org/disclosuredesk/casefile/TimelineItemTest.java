package org.disclosuredesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineItemTest {

  private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 30, 9, 0);

  @Test
  void aRunOfMailRecordsIsOneLineAndNamesTheMissingMailServerOnce() {
    List<TimelineItem> items = TimelineItem.fold(List.of(
        new TimelineEntry(AT, "REGISTERED", "reception", "登记申请"),
        new TimelineEntry(AT, "MAIL_NOT_SENT", "system", "未发送：未配置邮件服务器（受理通知，申请人：已收到申请）"),
        new TimelineEntry(AT, "MAIL_NOT_SENT", "system", "未发送：未配置邮件服务器（新任务，接待室：审查）"),
        new TimelineEntry(AT, "MAIL_NOT_SENT", "system", "未发送：未配置邮件服务器（提醒，规划科：期限）"),
        new TimelineEntry(AT, "ASSIGNED", "reception", "交由规划科办理"),
        new TimelineEntry(AT, "MAIL_SENT", "system", "已发送邮件（新任务，规划科）"),
        new TimelineEntry(AT, "MAIL_NOT_SENT", "system", "未发送邮件（答复，申请人）：没有电子邮箱")));

    assertThat(items).extracting(TimelineItem::kind).containsExactly("REGISTERED", "MAIL", "ASSIGNED", "MAIL");
    TimelineItem first = items.get(1);
    assertThat(first.detail()).isEqualTo("邮件通知 3 封，均未发送：未配置邮件服务器");
    assertThat(first.mails()).containsExactly("未发送：受理通知，申请人：已收到申请", "未发送：新任务，接待室：审查",
        "未发送：提醒，规划科：期限");
    assertThat(String.join("", first.mails())).doesNotContain("未配置邮件服务器");
    assertThat(items.get(3).detail()).isEqualTo("邮件通知 2 封：已发送 1 封，未发送 1 封");
    assertThat(items.get(0).folded()).isFalse();
  }
}
