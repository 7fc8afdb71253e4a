package org.disclosuredesk.casefile;

/** Proof of identity (Art. 29 para 2). */
public enum IdType {
  RESIDENT_ID("居民身份证"),
  PASSPORT("护照"),
  USCC("统一社会信用代码"),
  OTHER("其他证件");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
