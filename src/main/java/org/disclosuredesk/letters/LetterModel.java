package org.disclosuredesk.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.LegalBasis;
import org.disclosuredesk.casefile.Regime;
import org.disclosuredesk.casefile.WithheldPart;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.stereotype.Component;

/**
 * The variables every letter template sees (the names an administrator uses in an overriding
 * template): {@code agency}, {@code letter}, {@code caseFile}, {@code applicant}, {@code details},
 * {@code reply}, {@code law} (the articles of the case's regime), {@code fmt} and {@code css}.
 */
@Component
class LetterModel {

  private final Agencies agencies;
  private final LettersProperties letters;

  LetterModel(Agencies agencies, LettersProperties letters) {
    this.agencies = agencies;
    this.letters = letters;
  }

  /** The issuing agency as printed. */
  record AgencyView(String name, String sealText, String contactPhone, String contactAddress, String enquiryUrl,
      String reconsiderationBody, String court) {}

  /** The letter itself. */
  record LetterView(LetterType type, String title, LocalDate issuedOn) {}

  /**
   * What the reply decides, under the case's regime: outcome, ground, the withheld parts of a partial
   * disclosure (each with its ground), the officer's note, and the remedy path ({@link Remedies}).
   */
  record ReplyView(Regime regime, Outcome outcome, WithholdingGround ground, List<WithheldPartView> withheldParts,
      String note, boolean reconsiderationFirst) {

    /** The legal basis as printed: the outcome's article and, when withholding, the ground's (regime's text). */
    public String basis() {
      return outcome == null ? "" : LegalBasis.basis(regime, outcome, ground);
    }

    /** The outcome's article under the case's regime; "" where that text has none. */
    public String article() {
      return outcome == null ? "" : LegalBasis.outcomeArticle(regime, outcome);
    }

    /**
     * "根据《…条例》第三十六条第（一）项的规定，" for the outcome (with the ground when withholding), or ""
     * where the case's text of the regulations has no article for it.
     */
    public String according() {
      return according(basis());
    }

    /** The same for the outcome alone (a partial disclosure states its grounds part by part). */
    public String accordingToOutcome() {
      return according(article());
    }

    private String according(String articles) {
      if (articles.isEmpty()) {
        return "";
      }
      return LegalBasis.isArticleOfRegulations(articles)
          ? "根据" + LegalBasis.regulation(regime) + articles + "的规定，"
          : "根据" + articles + "的规定，";
    }
  }

  /** One withheld part of a partial disclosure, its ground and the ground's article under the case's regime. */
  record WithheldPartView(String description, WithholdingGround ground, String article, String regulation) {

    /** "（《中华人民共和国政府信息公开条例》第十六条第二款）", or "" where the regime's text has no article for it. */
    public String citation() {
      return article.isEmpty() ? "" : "（" + regulation + article + "）";
    }
  }

  /** The regime's articles that letters other than the reply cite, and how they name the regulations. */
  record LawView(Regime regime, String regulation, String replyPeriodArticle, String extensionArticle,
      String supplementArticle, String thirdPartyArticle, String agencyConsultationArticle, String notCounted,
      boolean supplementNoticeWithinSevenDays) {

    static LawView of(Regime regime) {
      return regime == Regime.R2007
          ? new LawView(regime, LegalBasis.regulation(regime), "第二十四条", "第二十四条第二款", "第二十一条第（四）项",
              "第二十三条", "", "征求第三方意见所需时间", false)
          : new LawView(regime, LegalBasis.regulation(regime), "第三十三条", "第三十三条第二款", "第三十条", "第三十二条",
              "第三十四条", "征求第三方或者其他机关意见所需时间", true);
    }
  }

  /** Formatting helpers for templates: {@code ${fmt.date(caseFile.receivedOn)}}. */
  static final class Fmt {
    public String date(LocalDate date) {
      return ChineseDates.format(date);
    }

    public String yuan(Number amount) {
      return amount == null ? "" : "%,d".formatted(amount.longValue());
    }

    /** A detail's text, or the fallback when it is missing or blank. */
    public String or(Object value, Object fallback) {
      return value == null || value.toString().isBlank() ? (fallback == null ? "" : fallback.toString()) : value.toString();
    }
  }

  /** Details as templates read them: a missing key is null ({@code details.reason}), not an error. */
  static final class LenientMap extends HashMap<String, Object> {
    LenientMap(Map<String, Object> values) {
      super(values);
    }

    @Override
    public boolean containsKey(Object key) {
      return true;
    }
  }

  Map<String, Object> variables(CaseRecord caseFile, LetterType type, LocalDate issuedOn, Map<String, Object> details) {
    Map<String, Object> v = new HashMap<>();
    // the case's agency: its name, seal text, contact and remedy bodies (each agency edits its own)
    Agency a = agencies.get(caseFile.agencyCode());
    v.put("agency", new AgencyView(a.name(), a.sealText().isBlank() ? a.name() : a.sealText(), a.contactPhone(),
        a.contactAddress(), letters.enquiryUrl(), a.reconsiderationBody(), a.court()));
    v.put("letter", new LetterView(type, type.title(), issuedOn));
    v.put("caseFile", caseFile);
    v.put("applicant", caseFile.applicant());
    v.put("details", new LenientMap(details));
    v.put("reply", reply(caseFile, details, issuedOn));
    v.put("law", LawView.of(caseFile.regime()));
    v.put("fmt", new Fmt());
    return v;
  }

  private static ReplyView reply(CaseRecord caseFile, Map<String, Object> details, LocalDate issuedOn) {
    Outcome outcome = enumDetail(details.get("outcome"), Outcome.class, caseFile.outcome());
    WithholdingGround ground = enumDetail(details.get("ground"), WithholdingGround.class, caseFile.withholdingGround());
    Object note = details.get("note");
    return new ReplyView(caseFile.regime(), outcome, ground, withheldParts(caseFile.regime(), details.get("withheldParts")),
        note != null ? note.toString() : caseFile.replyNote(),
        Remedies.pathOf(outcome, issuedOn) == Remedies.Path.RECONSIDERATION_FIRST);
  }

  /** {@code withheldParts}: a list of {@code {description, ground}} maps (or {@link WithheldPart}s). */
  private static List<WithheldPartView> withheldParts(Regime regime, Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<WithheldPartView> parts = new ArrayList<>();
    for (Object item : list) {
      String description;
      WithholdingGround ground;
      if (item instanceof WithheldPart p) {
        description = p.description();
        ground = p.ground();
      } else if (item instanceof Map<?, ?> m) {
        description = String.valueOf(m.get("description"));
        ground = enumDetail(m.get("ground"), WithholdingGround.class, null);
      } else {
        continue;
      }
      parts.add(new WithheldPartView(description, ground, ground == null ? "" : LegalBasis.groundArticle(regime, ground),
          LegalBasis.regulation(regime)));
    }
    return parts;
  }

  private static <E extends Enum<E>> E enumDetail(Object value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    return Enum.valueOf(type, value.toString());
  }
}
