package org.disclosuredesk.report;

import java.time.LocalDate;

/**
 * An administrative reconsideration or lawsuit about a case, as recorded by a supervisor.
 *
 * @param concludedOn null while {@code result} is {@link LegalChallengeResult#PENDING}
 */
public record LegalChallenge(
    long id,
    String caseNumber,
    LegalChallengeKind kind,
    LocalDate filedOn,
    LegalChallengeResult result,
    LocalDate concludedOn,
    String note) {

  /** The result as known at the end of {@code day}: pending unless concluded by then. */
  LegalChallengeResult resultAsOf(LocalDate day) {
    return concludedOn != null && !concludedOn.isAfter(day) ? result : LegalChallengeResult.PENDING;
  }
}
