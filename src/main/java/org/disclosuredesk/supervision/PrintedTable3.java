package org.disclosuredesk.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.disclosuredesk.report.ReportRow;

/** Table 三 laid out as printed: the spanning group cells (rowspan) and how many label columns a row's label takes. */
final class PrintedTable3 {

  /**
   * @param groupRowspan the group cell starts here with this rowspan; 0: no group cell in this row
   * @param subGroupRowspan likewise for the sub-group cell
   * @param labelColspan 3 for a row without group, 2 without sub-group, else 1
   */
  record Line(ReportRow row, int groupRowspan, int subGroupRowspan, int labelColspan) {}

  private PrintedTable3() {}

  static List<Line> lines(List<ReportRow> rows) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ReportRow row = rows.get(i);
      if (row.group() == null) {
        lines.add(new Line(row, 0, 0, 3));
        continue;
      }
      boolean groupStarts = i == 0 || !Objects.equals(rows.get(i - 1).group(), row.group());
      int groupSpan = groupStarts ? run(rows, i, true) : 0;
      if (row.subGroup() == null) {
        lines.add(new Line(row, groupSpan, 0, 2));
        continue;
      }
      boolean subStarts = i == 0 || !Objects.equals(rows.get(i - 1).subGroup(), row.subGroup());
      lines.add(new Line(row, groupSpan, subStarts ? run(rows, i, false) : 0, 1));
    }
    return lines;
  }

  private static int run(List<ReportRow> rows, int from, boolean group) {
    int n = 0;
    ReportRow first = rows.get(from);
    for (int i = from; i < rows.size(); i++) {
      ReportRow r = rows.get(i);
      boolean same = group ? Objects.equals(r.group(), first.group()) : Objects.equals(r.subGroup(), first.subGroup());
      if (!same) {
        break;
      }
      n++;
    }
    return n;
  }
}
