package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.junit.jupiter.api.Test;

/**
 * The city aggregate sums the agencies' tables cell by cell, and its check is counted over the sums: a
 * random register spread over five agencies, summed per agency, reads as the whole register counted at
 * once, and the check and the carry-over hold for the sum.
 */
class CityAggregateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

  @Test
  void theSumOfTheAgenciesTablesIsTheWholeRegisterCountedAtOnceAndItsCheckHolds() {
    // Given 3,000 cases of five agencies received 2021–2026
    Random random = new Random(20261130L);
    Map<String, List<ReportCase>> byAgency = new LinkedHashMap<>();
    List<ReportCase> whole = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      ReportCase c = randomCase(random, i);
      byAgency.computeIfAbsent("a" + random.nextInt(5), k -> new ArrayList<>()).add(c);
      whole.add(c);
    }
    Map<String, String> names = new LinkedHashMap<>();
    byAgency.keySet().forEach(code -> names.put(code, "机关" + code));

    for (int year = 2021; year <= 2026; year++) {
      // When each agency's year is counted and the counts are summed
      Map<String, AnnualReport> reports = new LinkedHashMap<>();
      for (var e : byAgency.entrySet()) {
        reports.put(e.getKey(), report(e.getKey(), year, e.getValue()));
      }
      AnnualReport city = CityAggregate.sum(year, reports, names, TODAY);

      // Then every cell of every table is the sum, which is the count of the whole register
      AnnualReport counted = report("whole", year, whole);
      assertThat(cells(city.table3())).as("table 三 %d", year).isEqualTo(cells(counted.table3()));
      assertThat(cells(city.channels())).isEqualTo(cells(counted.channels()));
      assertThat(cells(city.replies())).isEqualTo(cells(counted.replies()));
      for (ReportRow row : city.rows()) {
        for (String column : city.columns()) {
          int sum = reports.values().stream().mapToInt(r -> value(r.table3(), row.key(), column)).sum();
          assertThat(row.value(column)).as("%d %s %s", year, row.label(), column).isEqualTo(sum);
        }
      }
      // and the check, counted over the sums, holds in every column
      assertThat(city.check().columns()).hasSize(7).allMatch(ReportCheck.ColumnCheck::holds);
      assertThat(city.check().holds()).isTrue();
      assertThat(city.agencyCode()).isEqualTo("all");
      assertThat(city.rows()).extracting(ReportRow::label).containsExactlyElementsOf(Table3RowTest.OFFICIAL_LABELS);
    }
  }

  @Test
  void aCheckThatFailsInTheSumsIsShownAsFailingNotAssumed() {
    // Given one agency's published figures that were typed wrongly (一 one too many)
    AnnualReport good = report("a", 2025, List.of(new ReportCase("N1", ApplicantType.NATURAL_PERSON, Channel.ONLINE,
        LocalDate.of(2025, 3, 3), null, CaseStatus.IN_HANDLING, null, null)));
    List<ReportRow> rows = new ArrayList<>();
    for (ReportRow r : good.rows()) {
      Map<String, Integer> values = new LinkedHashMap<>(r.values());
      if (r.key().equals("RECEIVED")) {
        values.put("自然人", values.get("自然人") + 1);
      }
      rows.add(new ReportRow(r.key(), r.group(), r.subGroup(), r.label(), values));
    }
    AnnualReport bad = new AnnualReport(2025, "b", good.title(), good.columns(), rows, good.check(), good.table4(),
        good.channels(), good.replies(), List.of(), TODAY);

    AnnualReport city = CityAggregate.sum(2025, Map.of("a", good, "b", bad), Map.of(), TODAY);

    assertThat(city.check().holds()).isFalse();
    assertThat(city.check().columns()).filteredOn(c -> !c.holds()).extracting(ReportCheck.ColumnCheck::column)
        .containsExactly("自然人");
  }

  static AnnualReport report(String agency, int year, List<ReportCase> cases) {
    Table3Tally t = Table3Tally.count(year, cases);
    return new AnnualReport(year, agency, "t", Table3Tally.COLUMNS, t.rows(), t.check(), Table4Tally.count(year, List.of()),
        t.channels(), t.replies(), t.warnings(), TODAY);
  }

  static ReportCase randomCase(Random random, int i) {
    LocalDate received = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365 * 5 + 160));
    boolean stillOpen = random.nextInt(8) == 0;
    LocalDate closed = stillOpen ? null : received.plusDays(random.nextInt(120));
    Outcome o = stillOpen ? null : Outcome.values()[random.nextInt(Outcome.values().length)];
    WithholdingGround g = o == Outcome.WITHHOLD ? WithholdingGround.values()[random.nextInt(8)] : null;
    return new ReportCase("R" + i, ApplicantType.values()[random.nextInt(6)], Channel.values()[random.nextInt(6)],
        received, closed, stillOpen ? CaseStatus.IN_HANDLING : CaseStatus.CLOSED, o, g);
  }

  static Map<String, Integer> cells(ReportTable t) {
    Map<String, Integer> cells = new LinkedHashMap<>();
    t.rows().forEach(r -> r.values().forEach((column, n) -> cells.put(r.key() + "|" + column, n)));
    return cells;
  }

  static int value(ReportTable t, String key, String column) {
    return t.rows().stream().filter(r -> r.key().equals(key)).mapToInt(r -> r.value(column)).sum();
  }
}
