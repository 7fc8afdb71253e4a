package org.disclosuredesk.casefile;

/** Where a case stands; every status but {@link #CLOSED} is open (counted as carried over at a year's end). */
public enum CaseStatus {
  REGISTERED("已登记"),
  AWAITING_SUPPLEMENT("等待补正"),
  IN_HANDLING("办理中"),
  IN_CONSULTATION("征求意见中"),
  AWAITING_FEE("等待缴费"),
  IN_REVIEW("保密审查中"),
  REPLIED("已答复待送达"),
  CLOSED("已办结");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != CLOSED;
  }

  /** The applicant may withdraw until the agency has replied. */
  public boolean acceptsWithdrawal() {
    return this != REPLIED && this != CLOSED;
  }
}
