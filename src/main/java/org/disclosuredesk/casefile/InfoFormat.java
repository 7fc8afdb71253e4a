package org.disclosuredesk.casefile;

/** The form in which the applicant wants the information. */
public enum InfoFormat {
  PAPER("纸质"),
  ELECTRONIC("电子");

  private final String label;

  InfoFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
