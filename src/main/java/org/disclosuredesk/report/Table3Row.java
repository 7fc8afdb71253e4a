package org.disclosuredesk.report;

import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;

/**
 * The data rows of table 三 "收到和处理政府信息公开申请情况" in the 2021 format (国办公开办函〔2021〕30号),
 * in order, with the official labels (domain-reference §7.2).
 */
enum Table3Row {
  RECEIVED(null, null, "一、本年新收政府信息公开申请数量"),
  CARRIED_OVER(null, null, "二、上年结转政府信息公开申请数量"),
  DISCLOSED(Groups.RESULTS, null, "（一）予以公开"),
  PARTIAL(Groups.RESULTS, null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
  WITHHELD_STATE_SECRET(Groups.RESULTS, Groups.WITHHELD, "1.属于国家秘密"),
  WITHHELD_LAW_PROHIBITED(Groups.RESULTS, Groups.WITHHELD, "2.其他法律行政法规禁止公开"),
  WITHHELD_SECURITY_STABILITY(Groups.RESULTS, Groups.WITHHELD, "3.危及\"三安全一稳定\""),
  WITHHELD_THIRD_PARTY(Groups.RESULTS, Groups.WITHHELD, "4.保护第三方合法权益"),
  WITHHELD_INTERNAL_AFFAIRS(Groups.RESULTS, Groups.WITHHELD, "5.属于三类内部事务信息"),
  WITHHELD_PROCESS_INFO(Groups.RESULTS, Groups.WITHHELD, "6.属于四类过程性信息"),
  WITHHELD_ENFORCEMENT_FILE(Groups.RESULTS, Groups.WITHHELD, "7.属于行政执法案卷"),
  WITHHELD_ADMIN_QUERY(Groups.RESULTS, Groups.WITHHELD, "8.属于行政查询事项"),
  UNABLE_NOT_HELD(Groups.RESULTS, Groups.UNABLE, "1.本机关不掌握相关政府信息"),
  UNABLE_NEEDS_CREATION(Groups.RESULTS, Groups.UNABLE, "2.没有现成信息需要另行制作"),
  UNABLE_STILL_UNCLEAR(Groups.RESULTS, Groups.UNABLE, "3.补正后申请内容仍不明确"),
  NOT_PROCESSED_PETITION(Groups.RESULTS, Groups.NOT_PROCESSED, "1.信访举报投诉类申请"),
  NOT_PROCESSED_REPEAT(Groups.RESULTS, Groups.NOT_PROCESSED, "2.重复申请"),
  NOT_PROCESSED_PUBLICATION(Groups.RESULTS, Groups.NOT_PROCESSED, "3.要求提供公开出版物"),
  NOT_PROCESSED_EXCESSIVE(Groups.RESULTS, Groups.NOT_PROCESSED, "4.无正当理由大量反复申请"),
  NOT_PROCESSED_CONFIRM(Groups.RESULTS, Groups.NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
  OTHER_NO_CORRECTION(Groups.RESULTS, Groups.OTHER,
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
  OTHER_FEE_UNPAID(Groups.RESULTS, Groups.OTHER,
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
  OTHER_OTHER(Groups.RESULTS, Groups.OTHER, "3.其他"),
  CONCLUDED_TOTAL(Groups.RESULTS, null, "（七）总计"),
  CARRIED_FORWARD(null, null, "四、结转下年度继续办理");

  static final String TITLE = "三、收到和处理政府信息公开申请情况";
  static final String CHECK_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和";

  private final String group;
  private final String subGroup;
  private final String label;

  Table3Row(String group, String subGroup, String label) {
    this.group = group;
    this.subGroup = subGroup;
    this.label = label;
  }

  String group() {
    return group;
  }

  String subGroup() {
    return subGroup;
  }

  String label() {
    return label;
  }

  /**
   * The row of 三、本年度办理结果 a concluded case counts in (domain.md "Outcomes and the annual-report
   * rows"): PARTIAL only in （二）; WITHHOLD by its ground; SPECIAL_REGIME in 不予公开 8; NOT_EXIST and
   * NOT_THIS_AGENCY in 无法提供 1. Returns null when the case lacks what the mapping needs (no outcome,
   * WITHHOLD without a ground): the caller counts it in （六）3 and warns.
   */
  static Table3Row concludedAs(Outcome outcome, WithholdingGround ground) {
    if (outcome == null) {
      return null;
    }
    return switch (outcome) {
      case ALREADY_PUBLIC, DISCLOSE -> DISCLOSED;
      case PARTIAL -> PARTIAL;
      case WITHHOLD -> ground == null ? null : withheld(ground);
      case SPECIAL_REGIME -> WITHHELD_ADMIN_QUERY;
      case NOT_EXIST, NOT_THIS_AGENCY -> UNABLE_NOT_HELD;
      case NEEDS_CREATION -> UNABLE_NEEDS_CREATION;
      case STILL_UNCLEAR -> UNABLE_STILL_UNCLEAR;
      case PETITION -> NOT_PROCESSED_PETITION;
      case REPEAT -> NOT_PROCESSED_REPEAT;
      case PUBLICATION -> NOT_PROCESSED_PUBLICATION;
      case EXCESSIVE -> NOT_PROCESSED_EXCESSIVE;
      case CONFIRM_OR_REISSUE -> NOT_PROCESSED_CONFIRM;
      case ABANDONED_NO_CORRECTION -> OTHER_NO_CORRECTION;
      case ABANDONED_FEE_UNPAID -> OTHER_FEE_UNPAID;
      case OTHER -> OTHER_OTHER;
    };
  }

  private static Table3Row withheld(WithholdingGround ground) {
    return switch (ground) {
      case STATE_SECRET -> WITHHELD_STATE_SECRET;
      case LAW_PROHIBITED -> WITHHELD_LAW_PROHIBITED;
      case SECURITY_STABILITY -> WITHHELD_SECURITY_STABILITY;
      case THIRD_PARTY_RIGHTS -> WITHHELD_THIRD_PARTY;
      case INTERNAL_AFFAIRS -> WITHHELD_INTERNAL_AFFAIRS;
      case PROCESS_INFO -> WITHHELD_PROCESS_INFO;
      case ENFORCEMENT_FILE -> WITHHELD_ENFORCEMENT_FILE;
      case ADMIN_QUERY -> WITHHELD_ADMIN_QUERY;
    };
  }

  /** The spanning labels of the official layout. */
  static final class Groups {
    static final String RESULTS = "三、本年度办理结果";
    static final String WITHHELD = "（三）不予公开";
    static final String UNABLE = "（四）无法提供";
    static final String NOT_PROCESSED = "（五）不予处理";
    static final String OTHER = "（六）其他处理";

    private Groups() {}
  }
}
