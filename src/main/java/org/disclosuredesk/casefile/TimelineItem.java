package org.disclosuredesk.casefile;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of 办理经过 as people read it: one event, or a run of mail delivery records folded into one
 * line ("邮件通知 3 封，均未发送：未配置邮件服务器") whose {@code mails} are shown behind a details toggle.
 *
 * @param mails the folded mail records, each with its reason stripped; empty for an ordinary event
 */
public record TimelineItem(LocalDateTime at, String kind, String actor, String detail, List<String> mails) {

  /** Kind of a folded run of mail records. */
  public static final String MAIL = "MAIL";
  private static final String NOT_CONFIGURED = "未发送：未配置邮件服务器（";

  public boolean folded() {
    return !mails.isEmpty();
  }

  /** Folds each run of consecutive MAIL_* records into one item; other events stay as they are. */
  public static List<TimelineItem> fold(List<TimelineEntry> timeline) {
    List<TimelineItem> items = new ArrayList<>();
    List<TimelineEntry> run = new ArrayList<>();
    for (TimelineEntry e : timeline) {
      if (e.kind() != null && e.kind().startsWith("MAIL_")) {
        run.add(e);
        continue;
      }
      flush(run, items);
      items.add(new TimelineItem(e.at(), e.kind(), e.actor(), e.detail(), List.of()));
    }
    flush(run, items);
    return items;
  }

  private static void flush(List<TimelineEntry> run, List<TimelineItem> items) {
    if (run.isEmpty()) {
      return;
    }
    long notConfigured = run.stream().filter(e -> e.detail() != null && e.detail().startsWith(NOT_CONFIGURED)).count();
    long sent = run.stream().filter(e -> "MAIL_SENT".equals(e.kind())).count();
    long failed = run.stream().filter(e -> "MAIL_FAILED".equals(e.kind())).count();
    long notSent = run.size() - sent - failed - notConfigured;
    StringBuilder summary = new StringBuilder("邮件通知 ").append(run.size()).append(" 封");
    if (notConfigured == run.size()) {
      summary.append("，均未发送：未配置邮件服务器");
    } else {
      StringBuilder parts = new StringBuilder();
      part(parts, sent, "已发送");
      part(parts, notSent, "未发送");
      part(parts, notConfigured, "因未配置邮件服务器未发送");
      part(parts, failed, "发送失败");
      summary.append("：").append(parts);
    }
    List<String> mails = run.stream().map(TimelineItem::mailLine).toList();
    TimelineEntry first = run.get(0);
    items.add(new TimelineItem(first.at(), MAIL, first.actor(), summary.toString(), mails));
    run.clear();
  }

  private static void part(StringBuilder parts, long count, String what) {
    if (count > 0) {
      parts.append(parts.isEmpty() ? "" : "，").append(what).append(' ').append(count).append(" 封");
    }
  }

  private static String mailLine(TimelineEntry e) {
    String d = e.detail() == null ? "" : e.detail();
    if (d.startsWith(NOT_CONFIGURED) && d.endsWith("）")) {
      d = "未发送：" + d.substring(NOT_CONFIGURED.length(), d.length() - 1);
    }
    return d;
  }
}
