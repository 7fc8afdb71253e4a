package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Table4TallyTest {

  @Test
  void countsChallengesFiledInTheYearWithTheirResultAtTheYearsEnd() {
    List<LegalChallenge> challenges = List.of(
        challenge(LegalChallengeKind.RECONSIDERATION, "2025-02-01", LegalChallengeResult.MAINTAINED, "2025-04-01"),
        challenge(LegalChallengeKind.RECONSIDERATION, "2025-03-01", LegalChallengeResult.CORRECTED, "2025-05-01"),
        // decided only in 2026: still pending at the end of 2025
        challenge(LegalChallengeKind.RECONSIDERATION, "2025-11-01", LegalChallengeResult.OTHER, "2026-01-15"),
        challenge(LegalChallengeKind.LITIGATION_DIRECT, "2025-06-01", LegalChallengeResult.PENDING, null),
        challenge(LegalChallengeKind.LITIGATION_AFTER_RECONSIDERATION, "2025-07-01", LegalChallengeResult.OTHER,
            "2025-09-01"),
        // filed in 2024: not in 2025's table
        challenge(LegalChallengeKind.LITIGATION_DIRECT, "2024-12-01", LegalChallengeResult.MAINTAINED, "2025-03-01"));

    ReportTable t = Table4Tally.count(2025, challenges);

    assertThat(t.title()).isEqualTo("四、政府信息公开行政复议、行政诉讼情况");
    assertThat(t.columns()).containsExactly("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    assertThat(t.rows()).extracting(ReportRow::label)
        .containsExactly("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）");
    assertThat(t.rows().get(0).values().values()).containsExactly(1, 1, 0, 1, 3);
    assertThat(t.rows().get(1).values().values()).containsExactly(0, 0, 0, 1, 1);
    assertThat(t.rows().get(2).values().values()).containsExactly(0, 0, 1, 0, 1);
    // and the 2024 one, decided in 2025, was pending at the end of 2024
    assertThat(Table4Tally.count(2024, challenges).rows().get(1).values().values()).containsExactly(0, 0, 0, 1, 1);
  }

  private static LegalChallenge challenge(LegalChallengeKind kind, String filed, LegalChallengeResult result,
      String concluded) {
    return new LegalChallenge(1, "GK-2025-00001", kind, LocalDate.parse(filed), result,
        concluded == null ? null : LocalDate.parse(concluded), null);
  }
}
