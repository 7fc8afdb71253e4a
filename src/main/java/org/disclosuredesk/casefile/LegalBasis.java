package org.disclosuredesk.casefile;

import java.util.EnumMap;
import java.util.Map;

/**
 * The articles a case's letters cite, by the regime of the case (domain.md; domain-reference.md §0,
 * §3, §5): the 2019 revision (国务院令第711号) or, for applications received before 2019-05-15, the
 * 2007 text (国务院令第492号). An empty article means the text of that regime has no article for it;
 * letters then state the facts without citing one, never an article of the other text.
 */
public final class LegalBasis {

  /** How a letter names the regulations of each regime. */
  private static final Map<Regime, String> REGULATION = new EnumMap<>(Map.of(
      Regime.R2019, "《中华人民共和国政府信息公开条例》",
      Regime.R2007, "《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令第492号公布）"));

  /**
   * 2007 Art. 21: (一) within the disclosure scope → how to obtain it; (二) not disclosed, with reasons;
   * (三) not this agency's, or not existing; (四) unclear → change or add to it. Art. 22: partial
   * disclosure. The 2007 text has no article for the other outcomes (no Art. 35/38/39 equivalents, no
   * deemed abandonment, no information-processing fee).
   */
  private static final Map<Outcome, String> OUTCOME_2007 = new EnumMap<>(Map.of(
      Outcome.ALREADY_PUBLIC, "第二十一条第（一）项",
      Outcome.DISCLOSE, "第二十一条第（一）项",
      Outcome.PARTIAL, "第二十二条",
      Outcome.WITHHOLD, "第二十一条第（二）项",
      Outcome.NOT_EXIST, "第二十一条第（三）项",
      Outcome.NOT_THIS_AGENCY, "第二十一条第（三）项",
      Outcome.STILL_UNCLEAR, "第二十一条第（四）项"));

  /**
   * 2007 Art. 8 (not endangering national, public, economic security or social stability), Art. 14
   * para 4 (state secrets, trade secrets, personal privacy), Art. 23 (third-party consultation). The
   * 2007 text has no article for the other grounds (they came with the 2019 Art. 14–16).
   */
  private static final Map<WithholdingGround, String> GROUND_2007 = new EnumMap<>(Map.of(
      WithholdingGround.STATE_SECRET, "第十四条第四款",
      WithholdingGround.SECURITY_STABILITY, "第八条",
      WithholdingGround.THIRD_PARTY_RIGHTS, "第十四条第四款、第二十三条"));

  private LegalBasis() {}

  /** The regulations as a letter of the regime names them. */
  public static String regulation(Regime regime) {
    return REGULATION.get(regime);
  }

  /** The article the outcome rests on under the regime (2019: {@link Outcome#basis()}); "" where none. */
  public static String outcomeArticle(Regime regime, Outcome outcome) {
    return regime == Regime.R2007 ? OUTCOME_2007.getOrDefault(outcome, "") : outcome.basis();
  }

  /** The article of a withholding ground under the regime (2019: {@link WithholdingGround#article()}); "" where none. */
  public static String groundArticle(Regime regime, WithholdingGround ground) {
    return regime == Regime.R2007 ? GROUND_2007.getOrDefault(ground, "") : ground.article();
  }

  /** Outcome and ground articles joined, without repeating one: 第三十六条第（三）项、第十四条. */
  public static String basis(Regime regime, Outcome outcome, WithholdingGround ground) {
    String article = outcomeArticle(regime, outcome);
    String groundArticle = ground == null ? "" : groundArticle(regime, ground);
    if (groundArticle.isEmpty() || article.contains(groundArticle)) {
      return article;
    }
    return article.isEmpty() ? groundArticle : article + "、" + groundArticle;
  }

  /** Whether the article is one of the Regulations (printed after the regulation's name) or another instrument. */
  public static boolean isArticleOfRegulations(String article) {
    return article.startsWith("第");
  }
}
