package org.disclosuredesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The city-wide report (issue 10): each table of the agencies' reports summed cell by cell — table 三
 * column by column, table 四 and the older breakdowns likewise — with table 三's check counted afresh
 * over the summed rows, so that it is shown to hold for the sum and not merely assumed.
 */
final class CityAggregate {

  /** The agency code of the city aggregate ({@code ?agency=all}). */
  static final String CITY = "all";

  private CityAggregate() {}

  /**
   * The sum of the agencies' reports of one year, in the official layout (the rows of an empty count, so
   * a row an older published report lacks counts as 0).
   *
   * @param reports the agencies' reports as served (published where locked), with the agency's name
   */
  static AnnualReport sum(int year, Map<String, AnnualReport> reports, Map<String, String> names, LocalDate countedOn) {
    Table3Tally empty = Table3Tally.count(year, List.of());
    List<AnnualReport> all = List.copyOf(reports.values());
    List<ReportRow> table3 = sumRows(empty.rows(), Table3Tally.COLUMNS, all.stream().map(AnnualReport::rows).toList());
    List<String> warnings = new ArrayList<>();
    reports.forEach((code, r) -> r.warnings().forEach(w -> warnings.add(names.getOrDefault(code, code) + "：" + w)));
    return new AnnualReport(year, CITY, year + "年政府信息公开工作年度报告（依申请公开部分）全市汇总", Table3Tally.COLUMNS,
        table3, Table3Tally.check(table3),
        sumTable(Table4Tally.count(year, List.of()), all.stream().map(AnnualReport::table4).toList()),
        sumTable(empty.channels(), all.stream().map(AnnualReport::channels).toList()),
        sumTable(empty.replies(), all.stream().map(AnnualReport::replies).toList()),
        warnings, countedOn);
  }

  private static ReportTable sumTable(ReportTable layout, List<ReportTable> tables) {
    return new ReportTable(layout.title(), layout.columns(),
        sumRows(layout.rows(), layout.columns(), tables.stream().map(ReportTable::rows).toList()));
  }

  private static List<ReportRow> sumRows(List<ReportRow> layout, List<String> columns, List<List<ReportRow>> tables) {
    List<ReportRow> summed = new ArrayList<>();
    for (ReportRow row : layout) {
      Map<String, Integer> values = new LinkedHashMap<>();
      for (String column : columns) {
        int n = 0;
        for (List<ReportRow> rows : tables) {
          n += rows.stream().filter(r -> row.key().equals(r.key())).mapToInt(r -> r.value(column)).sum();
        }
        values.put(column, n);
      }
      summed.add(new ReportRow(row.key(), row.group(), row.subGroup(), row.label(), values));
    }
    return summed;
  }
}
