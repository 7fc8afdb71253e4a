package org.disclosuredesk.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A year's report as served: the figures as published if the year is locked (with the differences a
 * fresh count of the register finds), otherwise a fresh count.
 *
 * @param report the figures (flattened into the JSON: year, columns, rows …)
 * @param lock who locked the year and when; null while the year is open
 * @param differences published against fresh, cell by cell; empty when unlocked or unchanged
 */
public record ReportView(
    @JsonUnwrapped AnnualReport report,
    boolean locked,
    Lock lock,
    List<Difference> differences) {

  /** The report as a spreadsheet (CSV or XLSX): all tables, the check, the lock and the differences. */
  public Spreadsheet spreadsheet() {
    return ReportSpreadsheet.of(this);
  }

  /** Who signed the year off and when. */
  public record Lock(String lockedBy, LocalDateTime lockedAt) {}

  /** One cell whose fresh count differs from the published figure. */
  public record Difference(String table, String row, String column, int published, int current) {}
}
