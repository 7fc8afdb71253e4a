package org.disclosuredesk.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Counts table 四 "政府信息公开行政复议、行政诉讼情况" of one year: the reconsiderations and lawsuits
 * filed in the year, each with its result as known at the year's end (尚未审结 if not concluded by then),
 * so a published year does not change when a case is decided later.
 */
final class Table4Tally {

  static final String TITLE = "四、政府信息公开行政复议、行政诉讼情况";
  static final List<String> COLUMNS = Stream.concat(Arrays.stream(LegalChallengeResult.values())
      .map(LegalChallengeResult::column), Stream.of("总计")).toList();

  private Table4Tally() {}

  static ReportTable count(int year, Iterable<LegalChallenge> challenges) {
    LocalDate lastDay = LocalDate.of(year, 12, 31);
    Map<LegalChallengeKind, ColumnCounts> counts = new EnumMap<>(LegalChallengeKind.class);
    for (LegalChallengeKind kind : LegalChallengeKind.values()) {
      counts.put(kind, new ColumnCounts(COLUMNS));
    }
    for (LegalChallenge c : challenges) {
      if (c.filedOn().getYear() == year) {
        counts.get(c.kind()).add(c.resultAsOf(lastDay).ordinal());
      }
    }
    List<ReportRow> rows = counts.entrySet().stream()
        .map(e -> new ReportRow(e.getKey().name(), null, null, e.getKey().label(), e.getValue().values()))
        .toList();
    return new ReportTable(TITLE, COLUMNS, rows);
  }
}
