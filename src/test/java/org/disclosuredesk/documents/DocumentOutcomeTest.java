package org.disclosuredesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.documents.DocumentDecision.Decision.RELEASE;
import static org.disclosuredesk.documents.DocumentDecision.Decision.RELEASE_REDACTED;
import static org.disclosuredesk.documents.DocumentDecision.Decision.WITHHOLD;

import java.util.List;
import org.disclosuredesk.casefile.Outcome;
import org.junit.jupiter.api.Test;

/** The reply's outcome from the per-document decisions. */
class DocumentOutcomeTest {

  @Test
  void allReleasedWholeDisclosesSomeRedactedOrWithheldIsPartialNoneReleasedWithholds() {
    assertThat(DocumentReview.outcomeOf(List.of(RELEASE))).isEqualTo(Outcome.DISCLOSE);
    assertThat(DocumentReview.outcomeOf(List.of(RELEASE, RELEASE))).isEqualTo(Outcome.DISCLOSE);
    assertThat(DocumentReview.outcomeOf(List.of(RELEASE, RELEASE_REDACTED))).isEqualTo(Outcome.PARTIAL);
    assertThat(DocumentReview.outcomeOf(List.of(RELEASE_REDACTED))).isEqualTo(Outcome.PARTIAL);
    assertThat(DocumentReview.outcomeOf(List.of(RELEASE, WITHHOLD))).isEqualTo(Outcome.PARTIAL);
    assertThat(DocumentReview.outcomeOf(List.of(WITHHOLD, WITHHOLD))).isEqualTo(Outcome.WITHHOLD);
  }
}
