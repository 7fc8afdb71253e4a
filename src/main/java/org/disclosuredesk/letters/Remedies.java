package org.disclosuredesk.letters;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.disclosuredesk.casefile.Outcome;

/**
 * The remedies a reply states: the one table of which outcomes must go to administrative
 * reconsideration before any lawsuit.
 *
 * <p>Source: 《中华人民共和国行政复议法》 (revised 2023-09-01, in force 2024-01-01) Art. 23 para 1 item (四)
 * "申请政府信息公开，行政机关不予公开" — the applicant shall first apply for reconsideration, and may sue only
 * against the reconsideration decision; Art. 23 para 2: the agency must say so when it decides. Periods:
 * reconsideration within 60 days (Art. 20), suit within 15 days of the reconsideration decision
 * (行政诉讼法 Art. 45), otherwise suit within 6 months (行政诉讼法 Art. 46).
 *
 * <p>Reading (domain.md "Letters": reconsideration "generally comes before litigation for these disputes";
 * domain-reference.md §10.1: mandatory "for most OGI refusal disputes"): 不予公开 in Art. 23 covers every
 * reply by which the agency, on an application, does not give the applicant the information sought —
 * the rows 不予公开 (incl. 36(7) special regimes, table 三 row 8), 部分公开 for its withheld part, 无法提供,
 * 不予处理, and the two 其他处理 rows where the agency stops handling the application. A disclosure
 * (including telling where published information is, Art. 36(1)) and a withdrawal by the applicant are
 * not refusals: there the applicant may choose reconsideration or a suit.
 */
final class Remedies {

  /** The path a reply's remedies paragraph states. */
  enum Path { RECONSIDERATION_FIRST, EITHER }

  /** The day the revised 行政复议法 took effect; replies issued earlier offered either path for every outcome. */
  static final LocalDate RECONSIDERATION_LAW_IN_FORCE = LocalDate.of(2024, 1, 1);

  /** Every outcome, with its path from {@link #RECONSIDERATION_LAW_IN_FORCE}. */
  static final Map<Outcome, Path> PATHS;

  static {
    Map<Outcome, Path> paths = new EnumMap<>(Outcome.class);
    paths.put(Outcome.ALREADY_PUBLIC, Path.EITHER);
    paths.put(Outcome.DISCLOSE, Path.EITHER);
    paths.put(Outcome.PARTIAL, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.WITHHOLD, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.SPECIAL_REGIME, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.NOT_EXIST, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.NOT_THIS_AGENCY, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.NEEDS_CREATION, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.STILL_UNCLEAR, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.PETITION, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.REPEAT, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.PUBLICATION, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.EXCESSIVE, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.CONFIRM_OR_REISSUE, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.ABANDONED_NO_CORRECTION, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.ABANDONED_FEE_UNPAID, Path.RECONSIDERATION_FIRST);
    paths.put(Outcome.OTHER, Path.EITHER);
    PATHS = java.util.Collections.unmodifiableMap(paths);
  }

  private Remedies() {}

  /** The path a reply with this outcome, issued on {@code issuedOn}, states. */
  static Path pathOf(Outcome outcome, LocalDate issuedOn) {
    if (outcome == null || issuedOn != null && issuedOn.isBefore(RECONSIDERATION_LAW_IN_FORCE)) {
      return Path.EITHER;
    }
    return PATHS.get(outcome);
  }
}
