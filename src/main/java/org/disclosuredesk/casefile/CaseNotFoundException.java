package org.disclosuredesk.casefile;

/** No case with that number in the caller's agency (or the caller may not see it). */
public class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String caseNumber) {
    super("案件不存在：" + caseNumber);
  }
}
