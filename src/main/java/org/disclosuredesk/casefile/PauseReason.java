package org.disclosuredesk.casefile;

/** Why the reply clock stands still. */
public enum PauseReason {
  THIRD_PARTY_CONSULTATION("征求第三方意见"),
  AGENCY_CONSULTATION("征求其他机关意见"),
  FEE_PAYMENT("缴纳信息处理费");

  private final String label;

  PauseReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
