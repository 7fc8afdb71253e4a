package org.disclosuredesk.report;

import java.util.List;

/**
 * The check printed with table 三: 一 + 二 = 三（七） + 四, in every column.
 *
 * @param note the official wording of the check
 * @param columns the check per column
 * @param holds whether it holds in every column
 */
public record ReportCheck(String note, List<ColumnCheck> columns, boolean holds) {

  /** One column: {@code received + carriedOver} against {@code concluded + carriedForward}. */
  public record ColumnCheck(String column, int receivedPlusCarriedOver, int concludedPlusCarriedForward, boolean holds) {}
}
