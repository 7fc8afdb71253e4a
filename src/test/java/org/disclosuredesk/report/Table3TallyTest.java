package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.casefile.ApplicantType.COMMERCIAL_ENTERPRISE;
import static org.disclosuredesk.casefile.ApplicantType.LEGAL_SERVICE_ORG;
import static org.disclosuredesk.casefile.ApplicantType.NATURAL_PERSON;
import static org.disclosuredesk.casefile.ApplicantType.OTHER_ORG;
import static org.disclosuredesk.casefile.ApplicantType.PUBLIC_INTEREST_ORG;
import static org.disclosuredesk.casefile.ApplicantType.RESEARCH_INSTITUTION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.junit.jupiter.api.Test;

class Table3TallyTest {

  // Given a register spanning 2024–2026
  static final List<ReportCase> REGISTER = List.of(
      // received 2024, open over new year, concluded 2025: carried over into 2025
      closed("A", NATURAL_PERSON, Channel.IN_PERSON, "2024-12-20", "2025-01-10", Outcome.DISCLOSE, null),
      // received 2024, still open at the end of 2025: carried over and carried forward
      open("B", COMMERCIAL_ENTERPRISE, Channel.LETTER, "2024-11-01"),
      closed("C", NATURAL_PERSON, Channel.ONLINE, "2025-03-01", "2025-03-20", Outcome.PARTIAL, null),
      // received 2025, concluded 2026: carried forward out of 2025
      closed("D", RESEARCH_INSTITUTION, Channel.EMAIL, "2025-12-15", "2026-01-08", Outcome.WITHHOLD,
          WithholdingGround.STATE_SECRET),
      // concluded before 2025: not in 2025 at all
      closed("E", LEGAL_SERVICE_ORG, Channel.FAX, "2024-05-01", "2024-06-01", Outcome.DISCLOSE, null),
      // received after 2025
      open("F", OTHER_ORG, Channel.OTHER, "2026-01-05"),
      closed("G", PUBLIC_INTEREST_ORG, Channel.ONLINE, "2025-06-01", "2025-06-20", Outcome.SPECIAL_REGIME, null),
      closed("H", NATURAL_PERSON, Channel.ONLINE, "2025-07-01", "2025-07-05", Outcome.NOT_THIS_AGENCY, null),
      closed("I", NATURAL_PERSON, Channel.IN_PERSON, "2025-07-01", "2025-07-08", Outcome.NOT_EXIST, null),
      // concluded on the last day of 2025, received on the first
      closed("J", OTHER_ORG, Channel.LETTER, "2025-01-01", "2025-12-31", Outcome.WITHHOLD,
          WithholdingGround.PROCESS_INFO));

  @Test
  void countsReceivedCarriedOverConcludedAndCarriedForwardPerColumn() {
    // When 2025 is counted
    Table3Tally t = Table3Tally.count(2025, REGISTER);

    // Then
    Map<String, ReportRow> rows = byKey(t.rows());
    assertThat(rows.get("RECEIVED").values()).containsExactly(
        Map.entry("自然人", 3), Map.entry("商业企业", 0), Map.entry("科研机构", 1), Map.entry("社会公益组织", 1),
        Map.entry("法律服务机构", 0), Map.entry("其他", 1), Map.entry("总计", 6));
    assertThat(values(rows.get("CARRIED_OVER"))).containsExactly(1, 1, 0, 0, 0, 0, 2);
    assertThat(values(rows.get("DISCLOSED"))).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(values(rows.get("PARTIAL"))).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(values(rows.get("WITHHELD_ADMIN_QUERY"))).containsExactly(0, 0, 0, 1, 0, 0, 1);
    assertThat(values(rows.get("WITHHELD_PROCESS_INFO"))).containsExactly(0, 0, 0, 0, 0, 1, 1);
    assertThat(values(rows.get("WITHHELD_STATE_SECRET"))).containsExactly(0, 0, 0, 0, 0, 0, 0);
    assertThat(values(rows.get("UNABLE_NOT_HELD"))).containsExactly(2, 0, 0, 0, 0, 0, 2);
    assertThat(values(rows.get("CONCLUDED_TOTAL"))).containsExactly(4, 0, 0, 1, 0, 1, 6);
    assertThat(values(rows.get("CARRIED_FORWARD"))).containsExactly(0, 1, 1, 0, 0, 0, 2);
    assertThat(t.check().holds()).isTrue();
    assertThat(t.check().columns()).allMatch(ReportCheck.ColumnCheck::holds).hasSize(7);
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void whatOneYearCarriesForwardTheNextCarriesOver() {
    Table3Tally y2025 = Table3Tally.count(2025, REGISTER);
    Table3Tally y2026 = Table3Tally.count(2026, REGISTER);

    assertThat(byKey(y2026.rows()).get("CARRIED_OVER").values())
        .isEqualTo(byKey(y2025.rows()).get("CARRIED_FORWARD").values());
    // D is concluded in 2026 under 不予公开 1
    assertThat(values(byKey(y2026.rows()).get("WITHHELD_STATE_SECRET"))).containsExactly(0, 0, 1, 0, 0, 0, 1);
    assertThat(values(byKey(y2026.rows()).get("RECEIVED"))).containsExactly(0, 0, 0, 0, 0, 1, 1);
    assertThat(y2026.check().holds()).isTrue();
    assertThat(Table3Tally.count(2024, REGISTER).check().holds()).isTrue();
  }

  @Test
  void theCheckHoldsInEveryColumnOfEveryYearOfARandomRegister() {
    Random random = new Random(20251231L);
    List<ReportCase> register = new ArrayList<>();
    Outcome[] outcomes = Outcome.values();
    for (int i = 0; i < 2000; i++) {
      LocalDate received = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365 * 5));
      boolean stillOpen = random.nextInt(10) == 0;
      LocalDate closed = stillOpen ? null : received.plusDays(random.nextInt(90));
      Outcome o = stillOpen ? null : outcomes[random.nextInt(outcomes.length)];
      WithholdingGround g = o == Outcome.WITHHOLD ? WithholdingGround.values()[random.nextInt(8)] : null;
      register.add(new ReportCase("R" + i, ApplicantType.values()[random.nextInt(6)],
          Channel.values()[random.nextInt(6)], received, closed, stillOpen ? CaseStatus.IN_HANDLING : CaseStatus.CLOSED,
          o, g));
    }
    for (int year = 2021; year <= 2026; year++) {
      Table3Tally t = Table3Tally.count(year, register);
      assertThat(t.check().holds()).as("check %d", year).isTrue();
      Map<String, ReportRow> rows = byKey(t.rows());
      for (String column : Table3Tally.COLUMNS) {
        int results = t.rows().stream()
            .filter(r -> "三、本年度办理结果".equals(r.group()) && !r.key().equals("CONCLUDED_TOTAL"))
            .mapToInt(r -> r.value(column)).sum();
        assertThat(results).as("%d %s: （七）总计 is the sum of the result rows", year, column)
            .isEqualTo(rows.get("CONCLUDED_TOTAL").value(column));
      }
      if (year < 2026) {
        assertThat(byKey(Table3Tally.count(year + 1, register).rows()).get("CARRIED_OVER").values())
            .as("carried forward %d = carried over %d", year, year + 1)
            .isEqualTo(rows.get("CARRIED_FORWARD").values());
      }
      int received = rows.get("RECEIVED").value("总计");
      assertThat(byKey(t.channels().rows()).get("RECEIVED_BY_CHANNEL").value("总数")).isEqualTo(received);
      assertThat(byKey(t.replies().rows()).get("REPLIES_BY_RESULT").value("答复总数"))
          .isEqualTo(rows.get("CONCLUDED_TOTAL").value("总计"));
    }
  }

  @Test
  void aClosedCaseWithoutOutcomeCountsInOtherAndIsReported() {
    Table3Tally t = Table3Tally.count(2025, List.of(
        closed("X", NATURAL_PERSON, Channel.ONLINE, "2025-02-01", "2025-02-10", null, null),
        closed("Y", NATURAL_PERSON, Channel.ONLINE, "2025-02-01", "2025-02-10", Outcome.WITHHOLD, null)));

    assertThat(byKey(t.rows()).get("OTHER_OTHER").value("自然人")).isEqualTo(2);
    assertThat(t.check().holds()).isTrue();
    assertThat(t.warnings()).hasSize(2).allMatch(w -> w.contains("（六）其他处理"));
  }

  @Test
  void aClosedStatusWithoutClosingDateStaysOpenAndIsReported() {
    ReportCase odd = new ReportCase("Z", NATURAL_PERSON, Channel.ONLINE, LocalDate.of(2025, 3, 3), null,
        CaseStatus.CLOSED, Outcome.DISCLOSE, null);

    Table3Tally t = Table3Tally.count(2025, List.of(odd));

    assertThat(byKey(t.rows()).get("CARRIED_FORWARD").value("自然人")).isEqualTo(1);
    assertThat(t.warnings()).singleElement().asString().contains("Z");
  }

  @Test
  void channelsAndRepliesFollowTheOlderFormat() {
    Table3Tally t = Table3Tally.count(2025, REGISTER);

    assertThat(t.channels().columns()).containsExactly("当面", "信函", "传真", "电子邮件", "网上", "其他", "总数");
    assertThat(values(t.channels().rows().get(0))).containsExactly(1, 1, 0, 1, 3, 0, 6);
    assertThat(t.replies().columns())
        .containsExactly("同意公开", "同意部分公开", "否决公开", "政府信息不存在", "非本机关政府信息", "其他", "答复总数");
    // A disclose, C partial, G special regime + J withhold, I not exist, H not this agency
    assertThat(values(t.replies().rows().get(0))).containsExactly(1, 1, 2, 1, 1, 0, 6);
  }

  static ReportCase closed(String n, ApplicantType type, Channel channel, String received, String closed, Outcome o,
      WithholdingGround g) {
    return new ReportCase(n, type, channel, LocalDate.parse(received), LocalDate.parse(closed), CaseStatus.CLOSED, o, g);
  }

  static ReportCase open(String n, ApplicantType type, Channel channel, String received) {
    return new ReportCase(n, type, channel, LocalDate.parse(received), null, CaseStatus.IN_HANDLING, null, null);
  }

  static Map<String, ReportRow> byKey(List<ReportRow> rows) {
    Map<String, ReportRow> map = new java.util.LinkedHashMap<>();
    rows.forEach(r -> map.put(r.key(), r));
    return map;
  }

  static List<Integer> values(ReportRow row) {
    return List.copyOf(row.values().values());
  }
}
