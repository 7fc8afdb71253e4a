package org.disclosuredesk.casefile;

/** How the applicant wants to receive the reply. */
public enum Delivery {
  PICKUP("自行领取"),
  POST("邮寄"),
  EMAIL("电子邮件"),
  FAX("传真");

  private final String label;

  Delivery(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
