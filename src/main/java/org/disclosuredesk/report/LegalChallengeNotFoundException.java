package org.disclosuredesk.report;

/** The case has no reconsideration or lawsuit with that id: 404. */
class LegalChallengeNotFoundException extends RuntimeException {
  LegalChallengeNotFoundException(String caseNumber, long id) {
    super("案件 " + caseNumber + " 没有编号为 " + id + " 的复议/诉讼记录");
  }
}
