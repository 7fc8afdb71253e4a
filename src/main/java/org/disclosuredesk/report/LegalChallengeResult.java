package org.disclosuredesk.report;

/** The result of a reconsideration or lawsuit as table 四 counts it. */
public enum LegalChallengeResult {
  MAINTAINED("维持", "结果维持"),
  CORRECTED("纠正", "结果纠正"),
  OTHER("其他", "其他结果"),
  PENDING("尚未审结", "尚未审结");

  private final String label;
  private final String column;

  LegalChallengeResult(String label, String column) {
    this.label = label;
    this.column = column;
  }

  public String label() {
    return label;
  }

  /** The column of table 四 this result counts in. */
  public String column() {
    return column;
  }

  public boolean isConcluded() {
    return this != PENDING;
  }
}
