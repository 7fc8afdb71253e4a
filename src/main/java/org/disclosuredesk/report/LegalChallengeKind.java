package org.disclosuredesk.report;

/** How an applicant challenged a case's reply: the three column groups of table 四. */
public enum LegalChallengeKind {
  RECONSIDERATION("行政复议"),
  LITIGATION_DIRECT("行政诉讼（未经复议直接起诉）"),
  LITIGATION_AFTER_RECONSIDERATION("行政诉讼（复议后起诉）");

  private final String label;

  LegalChallengeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
