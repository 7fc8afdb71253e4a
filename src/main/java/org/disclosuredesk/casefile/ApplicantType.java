package org.disclosuredesk.casefile;

/** The applicant kinds that are the columns of table 三 of the annual report. */
public enum ApplicantType {
  NATURAL_PERSON("自然人"),
  COMMERCIAL_ENTERPRISE("商业企业"),
  RESEARCH_INSTITUTION("科研机构"),
  PUBLIC_INTEREST_ORG("社会公益组织"),
  LEGAL_SERVICE_ORG("法律服务机构"),
  OTHER_ORG("其他");

  private final String label;

  ApplicantType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
