package org.disclosuredesk.report;

import java.time.LocalDate;

/**
 * A reconsideration or lawsuit as entered (API body and form): to record it, update it or conclude it
 * (a result other than PENDING with the day it was decided).
 *
 * @param result null means {@link LegalChallengeResult#PENDING}
 */
public record LegalChallengeInput(
    LegalChallengeKind kind,
    LocalDate filedOn,
    LegalChallengeResult result,
    LocalDate concludedOn,
    String note) {

  LegalChallengeResult resultOrPending() {
    return result == null ? LegalChallengeResult.PENDING : result;
  }
}
