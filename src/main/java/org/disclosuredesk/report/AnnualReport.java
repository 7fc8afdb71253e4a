package org.disclosuredesk.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The on-request part of an agency's annual report for one calendar year, counted from the case
 * register: table 三 (2021 format, {@link #columns} and {@link #rows} with the official labels), its
 * check, table 四 (reconsideration and litigation), and the older breakdowns by channel and by reply.
 *
 * @param warnings register rows that could not be counted as they stand (e.g. a closed case without outcome)
 * @param countedOn the day the figures were counted
 */
public record AnnualReport(
    int year,
    String agencyCode,
    String title,
    List<String> columns,
    List<ReportRow> rows,
    ReportCheck check,
    ReportTable table4,
    ReportTable channels,
    ReportTable replies,
    List<String> warnings,
    LocalDate countedOn) {

  /** Table 三 as a table, like the other tables. */
  public ReportTable table3() {
    return new ReportTable(Table3Row.TITLE, columns, rows);
  }
}
