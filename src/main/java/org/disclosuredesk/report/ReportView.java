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
 * @param carryOver the previous year's 四 (as published, if locked) against this year's 二; null for 2008
 * @param agencies the agencies counted: the one agency, or for the city aggregate each agency with its
 *     totals and whether its year is locked (its published figures are the ones summed)
 */
public record ReportView(
    @JsonUnwrapped AnnualReport report,
    boolean locked,
    Lock lock,
    List<Difference> differences,
    CarryOver carryOver,
    List<AgencyPart> agencies) {

  /** Whether this is the city aggregate ({@code ?agency=all}) rather than one agency's report. */
  public boolean city() {
    return CityAggregate.CITY.equals(report.agencyCode());
  }

  /**
   * One agency's share of a report: its table 三 totals (总计 column) as served, and whether its year is
   * locked.
   */
  public record AgencyPart(String code, String name, boolean locked, int received, int carriedOver, int concluded,
      int carriedForward, boolean checkHolds) {

    static AgencyPart of(String name, AnnualReport r, boolean locked) {
      return new AgencyPart(r.agencyCode(), name, locked, total(r, Table3Row.RECEIVED), total(r, Table3Row.CARRIED_OVER),
          total(r, Table3Row.CONCLUDED_TOTAL), total(r, Table3Row.CARRIED_FORWARD), Table3Tally.check(r.rows()).holds());
    }

    private static int total(AnnualReport r, Table3Row key) {
      String total = Table3Tally.COLUMNS.get(Table3Tally.COLUMNS.size() - 1);
      return r.rows().stream().filter(row -> key.name().equals(row.key())).mapToInt(row -> row.value(total)).sum();
    }
  }

  /** The report as a spreadsheet (CSV or XLSX): all tables, the check, the lock and the differences. */
  public Spreadsheet spreadsheet() {
    return ReportSpreadsheet.of(this);
  }

  /** Who signed the year off and when. */
  public record Lock(String lockedBy, LocalDateTime lockedAt) {}

  /**
   * The cross-year reconciliation: the previous year's 四、结转下年度继续办理 — as published when that year is
   * locked — must equal this year's 二、上年结转政府信息公开申请数量, in every column. It fails when a case of a
   * locked year is changed afterwards.
   *
   * @param previousLocked whether the previous year's figures are the published ones (else a fresh count)
   */
  public record CarryOver(int previousYear, boolean previousLocked, String note, List<CarryOverColumn> columns,
      boolean holds) {}

  /** One column of the reconciliation: the previous year's 四 and this year's 二. */
  public record CarryOverColumn(String column, int carriedForward, int carriedOver, boolean holds) {}

  /** One cell whose fresh count differs from the published figure. */
  public record Difference(String table, String row, String column, int published, int current) {}
}
