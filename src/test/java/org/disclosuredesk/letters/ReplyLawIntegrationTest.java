package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.Regime;
import org.disclosuredesk.casefile.WithholdingGround;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the reply letter cites, checked against tables written here by hand from the two texts of the
 * Regulations (2019: 国务院令第711号; 2007: 国务院令第492号) — not against the production enums — and
 * the remedies paragraph of every outcome against the reconsideration-first table ({@link Remedies}).
 */
@DeskSpringTest
class ReplyLawIntegrationTest {

  /** The article each outcome's reply rests on, 2019 text; "" where no article of the Regulations applies. */
  static final Map<Outcome, String> OUTCOME_2019 = new EnumMap<>(Map.ofEntries(
      Map.entry(Outcome.ALREADY_PUBLIC, "第三十六条第（一）项"),
      Map.entry(Outcome.DISCLOSE, "第三十六条第（二）项"),
      Map.entry(Outcome.PARTIAL, "第三十七条"),
      Map.entry(Outcome.WITHHOLD, "第三十六条第（三）项"),
      Map.entry(Outcome.NOT_EXIST, "第三十六条第（四）项"),
      Map.entry(Outcome.NOT_THIS_AGENCY, "第三十六条第（五）项"),
      Map.entry(Outcome.NEEDS_CREATION, "第三十八条"),
      Map.entry(Outcome.STILL_UNCLEAR, "第三十条"),
      Map.entry(Outcome.PETITION, "第三十九条第一款"),
      Map.entry(Outcome.REPEAT, "第三十六条第（六）项"),
      Map.entry(Outcome.PUBLICATION, "第三十九条第二款"),
      Map.entry(Outcome.EXCESSIVE, "第三十五条"),
      Map.entry(Outcome.CONFIRM_OR_REISSUE, ""),
      Map.entry(Outcome.SPECIAL_REGIME, "第三十六条第（七）项"),
      Map.entry(Outcome.ABANDONED_NO_CORRECTION, "第三十条"),
      Map.entry(Outcome.ABANDONED_FEE_UNPAID, "《政府信息公开信息处理费管理办法》"),
      Map.entry(Outcome.OTHER, "")));

  /**
   * 2007 text: Art. 21 (1) within the disclosure scope, (2) not disclosed, (3) not this agency's or not
   * existing, (4) unclear; Art. 22 partial. The other outcomes have no article in the 2007 text.
   */
  static final Map<Outcome, String> OUTCOME_2007 = new EnumMap<>(Map.ofEntries(
      Map.entry(Outcome.ALREADY_PUBLIC, "第二十一条第（一）项"),
      Map.entry(Outcome.DISCLOSE, "第二十一条第（一）项"),
      Map.entry(Outcome.PARTIAL, "第二十二条"),
      Map.entry(Outcome.WITHHOLD, "第二十一条第（二）项"),
      Map.entry(Outcome.NOT_EXIST, "第二十一条第（三）项"),
      Map.entry(Outcome.NOT_THIS_AGENCY, "第二十一条第（三）项"),
      Map.entry(Outcome.NEEDS_CREATION, ""),
      Map.entry(Outcome.STILL_UNCLEAR, "第二十一条第（四）项"),
      Map.entry(Outcome.PETITION, ""),
      Map.entry(Outcome.REPEAT, ""),
      Map.entry(Outcome.PUBLICATION, ""),
      Map.entry(Outcome.EXCESSIVE, ""),
      Map.entry(Outcome.CONFIRM_OR_REISSUE, ""),
      Map.entry(Outcome.SPECIAL_REGIME, ""),
      Map.entry(Outcome.ABANDONED_NO_CORRECTION, ""),
      Map.entry(Outcome.ABANDONED_FEE_UNPAID, ""),
      Map.entry(Outcome.OTHER, "")));

  /** The article of each withholding ground, 2019 text (Art. 14, 15, 16, 32, 36(7)). */
  static final Map<WithholdingGround, String> GROUND_2019 = new EnumMap<>(Map.of(
      WithholdingGround.STATE_SECRET, "第十四条",
      WithholdingGround.LAW_PROHIBITED, "第十四条",
      WithholdingGround.SECURITY_STABILITY, "第十四条",
      WithholdingGround.THIRD_PARTY_RIGHTS, "第十五条",
      WithholdingGround.INTERNAL_AFFAIRS, "第十六条第一款",
      WithholdingGround.PROCESS_INFO, "第十六条第二款",
      WithholdingGround.ENFORCEMENT_FILE, "第十六条第二款",
      WithholdingGround.ADMIN_QUERY, "第三十六条第（七）项"));

  /** 2007 text: Art. 8 (三安全一稳定), Art. 14 para 4 (secrets, trade secrets, privacy), Art. 23 (third party). */
  static final Map<WithholdingGround, String> GROUND_2007 = new EnumMap<>(Map.of(
      WithholdingGround.STATE_SECRET, "第十四条第四款",
      WithholdingGround.LAW_PROHIBITED, "",
      WithholdingGround.SECURITY_STABILITY, "第八条",
      WithholdingGround.THIRD_PARTY_RIGHTS, "第二十三条",
      WithholdingGround.INTERNAL_AFFAIRS, "",
      WithholdingGround.PROCESS_INFO, "",
      WithholdingGround.ENFORCEMENT_FILE, "",
      WithholdingGround.ADMIN_QUERY, ""));

  /** Articles that exist only in the 2019 text: none may appear in the body of a 2007 case's reply. */
  static final List<String> ONLY_2019 = List.of("第三十条", "第三十二条", "第三十三条", "第三十五条", "第三十六条", "第三十七条",
      "第三十八条", "第三十九条", "第十五条", "第十六条", "第四十二条", "处理费管理办法", "国务院令第711号");

  @Autowired Letters letters;
  @Autowired CaseRegister register;

  String case2019;
  String case2007;

  @BeforeEach
  void cases() {
    at("2026-11-23T10:00");
    case2019 = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");
    case2007 = SampleCases.create(register, LocalDate.of(2019, 3, 4), "lisi@example.com");
    assertThat(register.get(SampleCases.AGENCY, case2007).regime()).isEqualTo(Regime.R2007);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theTablesOfThisTestCoverEveryOutcomeAndGround() {
    assertThat(OUTCOME_2019.keySet()).containsExactlyInAnyOrder(Outcome.values());
    assertThat(OUTCOME_2007.keySet()).containsExactlyInAnyOrder(Outcome.values());
    assertThat(GROUND_2019.keySet()).containsExactlyInAnyOrder(WithholdingGround.values());
    assertThat(GROUND_2007.keySet()).containsExactlyInAnyOrder(WithholdingGround.values());
  }

  @Test
  void a2019ReplyCitesTheArticleOfItsOutcome() {
    List<String> wrong = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      String body = body(reply(case2019, outcome, WithholdingGround.STATE_SECRET));
      String article = OUTCOME_2019.get(outcome);
      if (!article.isEmpty() && !body.contains(article)) {
        wrong.add(outcome + " does not cite " + article + ": " + body);
      }
      if (body.contains("第492号") || body.contains("第二十一条")) {
        wrong.add(outcome + " cites the 2007 text: " + body);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void a2007ReplyCitesThe2007TextAndNo2019Article() {
    List<String> wrong = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      String body = body(reply(case2007, outcome, WithholdingGround.STATE_SECRET));
      String article = OUTCOME_2007.get(outcome);
      if (!article.isEmpty() && !(body.contains(article) && body.contains("国务院令第492号"))) {
        wrong.add(outcome + " does not cite 2007 " + article + ": " + body);
      }
      ONLY_2019.stream().filter(body::contains).forEach(a -> wrong.add(outcome + " cites 2019 " + a + ": " + body));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyWithholdingGroundIsStatedWithItsArticleInBothRegimes() {
    List<String> wrong = new ArrayList<>();
    for (WithholdingGround ground : WithholdingGround.values()) {
      String body2019 = body(reply(case2019, Outcome.WITHHOLD, ground));
      if (!body2019.contains(GROUND_2019.get(ground)) || !body2019.contains("第三十六条第（三）项")) {
        wrong.add("2019 " + ground + " should cite " + GROUND_2019.get(ground) + ": " + body2019);
      }
      String body2007 = body(reply(case2007, Outcome.WITHHOLD, ground));
      if (!body2007.contains("第二十一条第（二）项") || !body2007.contains(GROUND_2007.get(ground))) {
        wrong.add("2007 " + ground + " should cite " + GROUND_2007.get(ground) + ": " + body2007);
      }
      ONLY_2019.stream().filter(body2007::contains).forEach(a -> wrong.add("2007 " + ground + " cites 2019 " + a));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyOutcomesRemediesFollowTheReconsiderationFirstTable() {
    // the table covers every outcome, and its reading of Art. 23(1)(4) 行政复议法: every reply that does
    // not give the applicant the information sought is a 不予公开 in the sense of the law
    assertThat(Remedies.PATHS.keySet()).containsExactlyInAnyOrder(Outcome.values());
    Set<Outcome> reconsiderationFirst = EnumSet.of(Outcome.WITHHOLD, Outcome.PARTIAL, Outcome.SPECIAL_REGIME,
        Outcome.NOT_EXIST, Outcome.NOT_THIS_AGENCY, Outcome.NEEDS_CREATION, Outcome.STILL_UNCLEAR, Outcome.PETITION,
        Outcome.REPEAT, Outcome.PUBLICATION, Outcome.EXCESSIVE, Outcome.CONFIRM_OR_REISSUE,
        Outcome.ABANDONED_NO_CORRECTION, Outcome.ABANDONED_FEE_UNPAID);
    List<String> wrong = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      boolean first = Remedies.PATHS.get(outcome) == Remedies.Path.RECONSIDERATION_FIRST;
      if (first != reconsiderationFirst.contains(outcome)) {
        wrong.add(outcome + " in the table: " + Remedies.PATHS.get(outcome));
      }
      for (String caseNumber : List.of(case2019, case2007)) {
        String remedies = remedies(reply(caseNumber, outcome, WithholdingGround.PROCESS_INFO));
        if (first) {
          if (!remedies.contains("应当先向示例市人民政府申请行政复议") || !remedies.contains("《中华人民共和国行政复议法》第二十三条")
              || !remedies.contains("15日内") || remedies.contains("6个月内")) {
            wrong.add(outcome + " should say reconsideration first: " + remedies);
          }
        } else if (!remedies.contains("60日内向示例市人民政府申请行政复议，或者") || !remedies.contains("6个月内")
            || remedies.contains("应当先")) {
          wrong.add(outcome + " should offer either remedy: " + remedies);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void beforeTheRevisedReconsiderationLawEveryReplyOffersEitherRemedy() {
    at("2023-12-29T10:00");
    for (Outcome outcome : Outcome.values()) {
      String remedies = remedies(reply(case2007, outcome, WithholdingGround.STATE_SECRET));
      assertThat(remedies).as(outcome.name()).contains("6个月内").doesNotContain("应当先");
    }
  }

  @Test
  void theOtherLettersOfA2007CaseCiteThe2007Text() {
    Map<LetterType, Map<String, String>> expected = Map.of(
        LetterType.RECEIPT, Map.of("2007", "第二十四条", "2019", "第三十三条"),
        LetterType.EXTENSION_NOTICE, Map.of("2007", "第二十四条第二款", "2019", "第三十三条第二款"),
        LetterType.SUPPLEMENT_NOTICE, Map.of("2007", "第二十一条第（四）项", "2019", "第三十条"),
        LetterType.THIRD_PARTY_CONSULTATION, Map.of("2007", "第二十三条", "2019", "第三十二条"),
        LetterType.THIRD_PARTY_DISCLOSURE_NOTICE, Map.of("2007", "第二十三条", "2019", "第三十二条"),
        LetterType.AGENCY_CONSULTATION, Map.of("2007", "", "2019", "第三十四条"));
    List<String> wrong = new ArrayList<>();
    expected.forEach((type, articles) -> {
      Map<String, Object> details = Map.of("thirdParty", "某公司", "consultedAgency", "某局", "items", "文号");
      String text2007 = text(letters.preview(SampleCases.AGENCY, case2007, type, details));
      String text2019 = text(letters.preview(SampleCases.AGENCY, case2019, type, details));
      if (!text2007.contains(articles.get("2007")) || !articles.get("2007").isEmpty() && !text2007.contains("第492号")) {
        wrong.add(type + " 2007 should cite " + articles.get("2007") + ": " + text2007);
      }
      ONLY_2019.stream().filter(text2007::contains).forEach(a -> wrong.add(type + " 2007 cites " + a));
      if (!text2019.contains(articles.get("2019")) || text2019.contains("第492号")) {
        wrong.add(type + " 2019 should cite " + articles.get("2019"));
      }
    });
    assertThat(text(letters.preview(SampleCases.AGENCY, case2007, LetterType.RECEIPT, Map.of())))
        .contains("15个工作日内", "征求第三方意见所需时间不计算在上述期限内").doesNotContain("其他机关意见");
    assertThat(wrong).isEmpty();
  }

  private String reply(String caseNumber, Outcome outcome, WithholdingGround ground) {
    Map<String, Object> details = new HashMap<>(Map.of("outcome", outcome, "ground", ground));
    details.put("withheldParts", List.of(Map.of("description", "第2页", "ground", ground.name())));
    return text(letters.preview(SampleCases.AGENCY, caseNumber, LetterType.REPLY, details));
  }

  /** The reply's decision: after "答复如下", before the remedies. */
  private static String body(String text) {
    int start = text.indexOf("答复如下");
    int end = text.indexOf("如对本答复不服");
    assertThat(start).as(text).isPositive();
    assertThat(end).as(text).isGreaterThan(start);
    return text.substring(start, end);
  }

  /** The remedies paragraph: after the decision, before the seal. */
  private static String remedies(String text) {
    int start = text.indexOf("如对本答复不服");
    int end = text.indexOf("示例市人民政府办公室（政府信息公开专用章）", start);
    assertThat(start).as(text).isPositive();
    assertThat(end).as(text).isGreaterThan(start);
    return text.substring(start, end);
  }

  /** The letter's visible text without tags and the stylesheet. */
  static String text(String html) {
    return html.replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<title.*?</title>", "")
        .replaceAll("<[^>]+>", "").replaceAll("\\s+", "");
  }
}
