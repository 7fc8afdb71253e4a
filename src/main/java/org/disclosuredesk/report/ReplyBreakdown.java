package org.disclosuredesk.report;

import java.util.List;
import org.disclosuredesk.casefile.Outcome;

/**
 * The 2008-era breakdown of replies by result (同意公开 / 同意部分公开 / 否决公开 …) over the cases
 * concluded in the year.
 */
final class ReplyBreakdown {

  static final String TITLE = "对申请的答复情况（2008年版年报口径）";
  static final String ROW = "本年度对申请的答复数";
  static final List<String> COLUMNS =
      List.of("同意公开", "同意部分公开", "否决公开", "政府信息不存在", "非本机关政府信息", "其他", "答复总数");

  private ReplyBreakdown() {}

  static int columnOf(Outcome outcome) {
    if (outcome == null) {
      return 5;
    }
    return switch (outcome) {
      case ALREADY_PUBLIC, DISCLOSE -> 0;
      case PARTIAL -> 1;
      case WITHHOLD, SPECIAL_REGIME -> 2;
      case NOT_EXIST -> 3;
      case NOT_THIS_AGENCY -> 4;
      default -> 5;
    };
  }
}
