package org.disclosuredesk.casefile;

/** How an application reached the agency (Art. 29, 31); the receipt date follows the channel's rule. */
public enum Channel {
  IN_PERSON("当面"),
  LETTER("信函"),
  FAX("传真"),
  EMAIL("电子邮件"),
  ONLINE("网上"),
  OTHER("其他");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Online, fax and e-mail are received on the day both sides confirm: a rest day confirms on the next working day. */
  public boolean confirmedOnWorkingDay() {
    return this == ONLINE || this == FAX || this == EMAIL;
  }
}
