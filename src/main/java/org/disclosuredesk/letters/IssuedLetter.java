package org.disclosuredesk.letters;

import java.time.LocalDateTime;

/**
 * A letter as issued on a case; its HTML is kept and served again exactly as issued.
 *
 * @param delivery how it reaches the recipient: a {@code Delivery} name, {@code HANDED_OVER} or, for a receipt, {@code ONLINE}; may be null
 * @param recipient to whom it is addressed (the applicant, a third party or an agency)
 */
public record IssuedLetter(
    long id,
    String agencyCode,
    String caseNumber,
    LetterType type,
    LocalDateTime issuedAt,
    String issuedBy,
    String delivery,
    String recipient) {

  public String title() {
    return type.title();
  }
}
