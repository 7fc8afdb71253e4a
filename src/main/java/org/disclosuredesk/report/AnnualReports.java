package org.disclosuredesk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report of the agency, counted from the case register alone (never engine history), and
 * the year lock: once a supervisor signs a year off, its figures are kept as published and a later
 * change to a case of that year shows as a difference against a fresh count.
 */
@Service
public class AnnualReports {

  /** The first year of on-request disclosure (2007 regulations in force 2008-05-01). */
  static final int FIRST_YEAR = 2008;

  private final ReportCaseQuery cases;
  private final LegalChallengeRepository challenges;
  private final ReportLockRepository locks;
  private final AgencyProperties agency;
  private final AgencyClock clock;
  private final ObjectMapper json;

  AnnualReports(ReportCaseQuery cases, LegalChallengeRepository challenges, ReportLockRepository locks,
      AgencyProperties agency, AgencyClock clock, ObjectMapper json) {
    this.cases = cases;
    this.challenges = challenges;
    this.locks = locks;
    this.agency = agency;
    this.clock = clock;
    this.json = json;
  }

  /** A fresh count of the year; 400 for a year before 2008 or after this one. */
  public AnnualReport count(int year) {
    checkYear(year);
    Table3Tally t3 = Table3Tally.count(year, cases.relevantTo(agency.code(), year));
    ReportTable t4 = Table4Tally.count(year, challenges.filedIn(agency.code(), year));
    return new AnnualReport(year, agency.code(), year + "年政府信息公开工作年度报告（依申请公开部分）",
        Table3Tally.COLUMNS, t3.rows(), t3.check(), t4, t3.channels(), t3.replies(), t3.warnings(), clock.today());
  }

  /** The year's report as served: published figures and their differences if locked, else a fresh count. */
  public ReportView view(int year) {
    AnnualReport fresh = count(year);
    return locks.find(agency.code(), year)
        .map(stored -> {
          AnnualReport published = read(stored.figures());
          return new ReportView(published, true, new ReportView.Lock(stored.lockedBy(), stored.lockedAt()),
              differences(published, fresh), carryOver(published));
        })
        .orElseGet(() -> new ReportView(fresh, false, null, List.of(), carryOver(fresh)));
  }

  /** The previous year's 四 (as published if locked, else counted now) against this report's 二. */
  private ReportView.CarryOver carryOver(AnnualReport report) {
    int previousYear = report.year() - 1;
    if (previousYear < FIRST_YEAR) {
      return null;
    }
    var lock = locks.find(agency.code(), previousYear);
    AnnualReport previous = lock.map(l -> read(l.figures())).orElseGet(() -> count(previousYear));
    return carryOver(previous, report, lock.isPresent());
  }

  static ReportView.CarryOver carryOver(AnnualReport previous, AnnualReport report, boolean previousLocked) {
    ReportRow carriedForward = row(previous, Table3Row.CARRIED_FORWARD);
    ReportRow carriedOver = row(report, Table3Row.CARRIED_OVER);
    List<ReportView.CarryOverColumn> columns = new ArrayList<>();
    for (String column : report.columns()) {
      int forward = carriedForward == null ? 0 : carriedForward.value(column);
      int over = carriedOver == null ? 0 : carriedOver.value(column);
      columns.add(new ReportView.CarryOverColumn(column, forward, over, forward == over));
    }
    String note = previous.year() + "年度" + (previousLocked ? "已发布" : "按登记簿实时统计") + "的“"
        + Table3Row.CARRIED_FORWARD.label().substring(2) + "”应等于" + report.year() + "年度的“"
        + Table3Row.CARRIED_OVER.label().substring(2) + "”";
    return new ReportView.CarryOver(previous.year(), previousLocked, note, columns,
        columns.stream().allMatch(ReportView.CarryOverColumn::holds));
  }

  private static ReportRow row(AnnualReport report, Table3Row key) {
    return report.rows().stream().filter(r -> key.name().equals(r.key())).findFirst().orElse(null);
  }

  /** Signs the year off with the figures counted now; 409 if the year is not over or already locked. */
  @Transactional
  public ReportView lock(int year, String lockedBy) {
    AnnualReport fresh = count(year);
    if (year >= clock.today().getYear()) {
      throw new ConflictException("year", year + " 年尚未结束，不能锁定");
    }
    locks.find(agency.code(), year).ifPresent(l -> {
      throw new ConflictException("year", year + " 年已由 " + l.lockedBy() + " 于 " + l.lockedAt() + " 锁定");
    });
    LocalDateTime now = LocalDateTime.now(clock.clock().withZone(agency.timeZone())).withNano(0);
    try {
      locks.insert(agency.code(), year, write(fresh), lockedBy, now);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("year", year + " 年已锁定");
    }
    return new ReportView(fresh, true, new ReportView.Lock(lockedBy, now), List.of(), carryOver(fresh));
  }

  private void checkYear(int year) {
    int thisYear = clock.today().getYear();
    if (year < FIRST_YEAR || year > thisYear) {
      throw new InvalidInputException("year", "年份应在 " + FIRST_YEAR + " 至 " + thisYear + " 之间");
    }
  }

  static List<ReportView.Difference> differences(AnnualReport published, AnnualReport fresh) {
    Map<List<String>, Integer> before = cells(published);
    Map<List<String>, Integer> after = cells(fresh);
    List<ReportView.Difference> differences = new ArrayList<>();
    after.forEach((cell, now) -> {
      int then = before.getOrDefault(cell, 0);
      if (!Objects.equals(then, now)) {
        differences.add(new ReportView.Difference(cell.get(0), cell.get(1), cell.get(2), then, now));
      }
    });
    return differences;
  }

  private static Map<List<String>, Integer> cells(AnnualReport r) {
    Map<List<String>, Integer> cells = new LinkedHashMap<>();
    for (ReportTable table : List.of(r.table3(), r.table4(), r.channels(), r.replies())) {
      for (ReportRow row : table.rows()) {
        String label = row.subGroup() == null ? row.label() : row.subGroup() + row.label();
        row.values().forEach((column, n) -> cells.put(List.of(table.title(), label, column), n));
      }
    }
    return cells;
  }

  private String write(AnnualReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the report figures", e);
    }
  }

  private AnnualReport read(String figures) {
    try {
      return json.readValue(figures, AnnualReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored report figures unreadable", e);
    }
  }

  /** Today in the agency, for callers that default to the current or last year. */
  public LocalDate today() {
    return clock.today();
  }
}
