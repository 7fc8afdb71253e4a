package org.disclosuredesk.documents;

import java.time.LocalDateTime;
import org.disclosuredesk.casefile.WithholdingGround;

/**
 * The confidentiality reviewer's decision on one responsive document: {@code RELEASE} (the original, whole),
 * {@code RELEASE_REDACTED} (the burnt-in version {@code releasedDocumentId}) or {@code WITHHOLD} ({@code ground}).
 */
public record DocumentDecision(long documentId, Decision decision, Long releasedDocumentId, WithholdingGround ground,
    String decidedBy, LocalDateTime decidedAt) {

  /** What is done with a responsive document. */
  public enum Decision { RELEASE, RELEASE_REDACTED, WITHHOLD }
}
