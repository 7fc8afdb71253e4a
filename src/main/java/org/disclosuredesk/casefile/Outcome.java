package org.disclosuredesk.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a case ended (domain.md "Outcomes"), with its legal basis. The annual-report row each outcome
 * counts in is kept by the report feature.
 */
public enum Outcome {
  ALREADY_PUBLIC("已主动公开，告知获取途径", "第三十六条第（一）项"),
  DISCLOSE("予以公开", "第三十六条第（二）项"),
  PARTIAL("部分公开", "第三十七条"),
  WITHHOLD("不予公开", "第三十六条第（三）项"),
  NOT_EXIST("本机关不掌握相关政府信息", "第三十六条第（四）项"),
  NOT_THIS_AGENCY("不属于本机关负责公开，告知负责机关", "第三十六条第（五）项"),
  NEEDS_CREATION("没有现成信息需要另行制作", "第三十八条"),
  STILL_UNCLEAR("补正后申请内容仍不明确", "第三十条"),
  PETITION("信访举报投诉类申请", "第三十九条第一款"),
  REPEAT("重复申请", "第三十六条第（六）项"),
  PUBLICATION("要求提供公开出版物", "第三十九条第二款"),
  EXCESSIVE("无正当理由大量反复申请", "第三十五条"),
  CONFIRM_OR_REISSUE("要求行政机关确认或重新出具已获取信息", ""),
  SPECIAL_REGIME("按其他法律法规规定的程序办理", "第三十六条第（七）项"),
  ABANDONED_NO_CORRECTION("申请人无正当理由逾期不补正", "第三十条"),
  ABANDONED_FEE_UNPAID("申请人逾期未缴纳信息处理费", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
  OTHER("其他处理（如申请人撤回申请）", "");

  /** Outcomes that disclose information and therefore pass confidentiality review first (Art. 17). */
  public static final Set<Outcome> DISCLOSING = EnumSet.of(DISCLOSE, PARTIAL);

  /** Outcomes a reception officer can decide at the completeness check: not an OGI request at all. */
  public static final Set<Outcome> NOT_OGI = EnumSet.of(PETITION, REPEAT, PUBLICATION, EXCESSIVE, CONFIRM_OR_REISSUE);

  /**
   * Outcomes that only a step of their own may reach, never chosen directly: Art. 35 requires asking
   * the applicant for reasons first, and the route has no such step yet.
   */
  public static final Set<Outcome> NEEDS_OWN_STEP = EnumSet.of(EXCESSIVE);

  /** Outcomes the process reaches by itself, never proposed by an officer. */
  public static final Set<Outcome> PROCEDURAL = EnumSet.of(ABANDONED_NO_CORRECTION, ABANDONED_FEE_UNPAID, OTHER);

  private final String label;
  private final String basis;

  Outcome(String label, String basis) {
    this.label = label;
    this.basis = basis;
  }

  public String label() {
    return label;
  }

  /** The article of the 2019 regulations (or measures) the outcome rests on; empty where none. */
  public String basis() {
    return basis;
  }

  public boolean needsWithholdingGround() {
    return this == WITHHOLD;
  }

  public boolean needsConfidentialityReview() {
    return DISCLOSING.contains(this);
  }
}
