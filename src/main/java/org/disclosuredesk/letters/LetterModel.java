package org.disclosuredesk.letters;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.stereotype.Component;

/**
 * The variables every letter template sees (the names an administrator uses in an overriding
 * template): {@code agency}, {@code letter}, {@code caseFile}, {@code applicant}, {@code details},
 * {@code reply}, {@code fmt} and {@code css}.
 */
@Component
class LetterModel {

  /**
   * Refusals that since 2024-01-01 go to administrative reconsideration before any lawsuit
   * (行政复议法 2023, Art. 23(1)(4): 申请政府信息公开，行政机关不予公开); other replies may be
   * taken to reconsideration or straight to court.
   */
  static final Set<Outcome> RECONSIDERATION_FIRST = EnumSet.of(Outcome.WITHHOLD, Outcome.PARTIAL);

  private final AgencyProperties agency;
  private final LettersProperties letters;

  LetterModel(AgencyProperties agency, LettersProperties letters) {
    this.agency = agency;
    this.letters = letters;
  }

  /** The issuing agency as printed. */
  record AgencyView(String name, String sealText, String contactPhone, String contactAddress, String enquiryUrl,
      String reconsiderationBody, String court) {}

  /** The letter itself. */
  record LetterView(LetterType type, String title, LocalDate issuedOn) {}

  /** What the reply decides: outcome, ground, the officer's note, and which remedy path applies. */
  record ReplyView(Outcome outcome, WithholdingGround ground, String note, boolean reconsiderationFirst) {

    /** The legal basis as printed: the outcome's article and, when withholding, the ground's. */
    public String basis() {
      if (outcome == null) {
        return "";
      }
      return ground != null && !ground.article().isBlank() && !outcome.basis().contains(ground.article())
          ? outcome.basis() + "、" + ground.article() : outcome.basis();
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
    String name = letters.agencyName().isBlank() ? agency.name() : letters.agencyName();
    v.put("agency", new AgencyView(name, letters.sealText().isBlank() ? name : letters.sealText(),
        letters.contactPhone(), letters.contactAddress(), letters.enquiryUrl(), letters.reconsiderationBody(),
        letters.court()));
    v.put("letter", new LetterView(type, type.title(), issuedOn));
    v.put("caseFile", caseFile);
    v.put("applicant", caseFile.applicant());
    v.put("details", new LenientMap(details));
    v.put("reply", reply(caseFile, details));
    v.put("fmt", new Fmt());
    return v;
  }

  private static ReplyView reply(CaseRecord caseFile, Map<String, Object> details) {
    Outcome outcome = enumDetail(details.get("outcome"), Outcome.class, caseFile.outcome());
    WithholdingGround ground = enumDetail(details.get("ground"), WithholdingGround.class, caseFile.withholdingGround());
    Object note = details.get("note");
    return new ReplyView(outcome, ground, note != null ? note.toString() : caseFile.replyNote(),
        outcome != null && RECONSIDERATION_FIRST.contains(outcome));
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
