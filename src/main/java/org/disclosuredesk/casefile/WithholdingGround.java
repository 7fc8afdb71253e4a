package org.disclosuredesk.casefile;

/** Grounds for not disclosing (不予公开), rows 1–8 of table 三（三）. */
public enum WithholdingGround {
  STATE_SECRET("属于国家秘密", "第十四条"),
  LAW_PROHIBITED("其他法律行政法规禁止公开", "第十四条"),
  SECURITY_STABILITY("危及“三安全一稳定”", "第十四条"),
  THIRD_PARTY_RIGHTS("保护第三方合法权益", "第十五条、第三十二条"),
  INTERNAL_AFFAIRS("属于三类内部事务信息", "第十六条第一款"),
  PROCESS_INFO("属于四类过程性信息", "第十六条第二款"),
  ENFORCEMENT_FILE("属于行政执法案卷", "第十六条第二款"),
  ADMIN_QUERY("属于行政查询事项", "第三十六条第（七）项");

  private final String label;
  private final String article;

  WithholdingGround(String label, String article) {
    this.label = label;
    this.article = article;
  }

  public String label() {
    return label;
  }

  /** The article of the 2019 regulations the ground rests on. */
  public String article() {
    return article;
  }
}
