package org.disclosuredesk.fee;

/** The two methods of the 2020 measures (Art. 3): one per application, never both. */
public enum FeeMethod {
  /** Art. 4: by the applicant's count of applications in the calendar month. */
  PER_CASE("按件计收"),
  /** Art. 5: by the pages provided (paper, e-mail, copied data). */
  PER_PAGE("按量计收");

  private final String label;

  FeeMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
