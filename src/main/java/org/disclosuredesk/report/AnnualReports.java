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
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report of an agency, counted from the case register alone (never engine history), and the
 * year lock: once a supervisor signs a year off, its figures are kept as published and a later change to
 * a case of that year shows as a difference against a fresh count. The city aggregate sums the agencies'
 * reports as served (published where locked); it cannot be locked itself.
 */
@Service
public class AnnualReports {

  /** The first year of on-request disclosure (2007 regulations in force 2008-05-01). */
  static final int FIRST_YEAR = 2008;

  private final ReportCaseQuery cases;
  private final LegalChallengeRepository challenges;
  private final ReportLockRepository locks;
  private final Agencies agencies;
  private final AgencyClock clock;
  private final ObjectMapper json;

  AnnualReports(ReportCaseQuery cases, LegalChallengeRepository challenges, ReportLockRepository locks,
      Agencies agencies, AgencyClock clock, ObjectMapper json) {
    this.cases = cases;
    this.challenges = challenges;
    this.locks = locks;
    this.agencies = agencies;
    this.clock = clock;
    this.json = json;
  }

  /** A fresh count of the agency's year; 400 for a year before 2008 or after this one. */
  public AnnualReport count(String agencyCode, int year) {
    checkYear(year);
    return counted(agencyCode, year, cases.relevantTo(agencyCode, year), challenges.filedIn(agencyCode, year));
  }

  /** A fresh count of the installation's own agency ({@link Agencies#defaultCode()}): single-agency callers. */
  public AnnualReport count(int year) {
    return count(agencies.defaultCode(), year);
  }

  /** Fresh counts of several agencies' year: two queries for the cases and one for the challenges, not one set per agency. */
  private Map<String, AnnualReport> countAll(List<String> agencyCodes, int year) {
    Map<String, List<ReportCase>> rows = cases.relevantTo(agencyCodes, year);
    Map<String, List<LegalChallenge>> filed = challenges.filedIn(agencyCodes, year);
    Map<String, AnnualReport> reports = new LinkedHashMap<>();
    for (String code : agencyCodes) {
      reports.put(code, counted(code, year, rows.get(code), filed.get(code)));
    }
    return reports;
  }

  private AnnualReport counted(String agencyCode, int year, List<ReportCase> rows, List<LegalChallenge> filed) {
    Table3Tally t3 = Table3Tally.count(year, rows);
    ReportTable t4 = Table4Tally.count(year, filed);
    return new AnnualReport(year, agencyCode, year + "年政府信息公开工作年度报告（依申请公开部分）",
        Table3Tally.COLUMNS, t3.rows(), t3.check(), t4, t3.channels(), t3.replies(), t3.warnings(), clock.today());
  }

  /** The agency's year as served: published figures and their differences if locked, else a fresh count. */
  public ReportView view(String agencyCode, int year) {
    AnnualReport fresh = count(agencyCode, year);
    String name = agencies.get(agencyCode).name();
    return locks.find(agencyCode, year)
        .map(stored -> {
          AnnualReport published = read(stored.figures());
          return new ReportView(published, true, new ReportView.Lock(stored.lockedBy(), stored.lockedAt()),
              differences(published, fresh), carryOver(agencyCode, published),
              List.of(ReportView.AgencyPart.of(name, published, true)));
        })
        .orElseGet(() -> new ReportView(fresh, false, null, List.of(), carryOver(agencyCode, fresh),
            List.of(ReportView.AgencyPart.of(name, fresh, false))));
  }

  /**
   * The city aggregate of these agencies' year (design.md: {@code ?agency=all}): table 三 and the other
   * tables summed over the agencies as each serves its report (published figures where its year is
   * locked), the check counted over the sums, the differences of the published figures against a fresh
   * count summed likewise, and the previous year's 四 summed against this year's 二.
   */
  public ReportView cityView(List<String> agencyCodes, int year) {
    checkYear(year);
    Map<String, String> names = new LinkedHashMap<>();
    agencyCodes.forEach(code -> names.put(code, agencies.get(code).name()));
    Map<String, AnnualReport> fresh = countAll(agencyCodes, year);
    Map<String, ReportLockRepository.StoredLock> locked = locks.find(agencyCodes, year);
    Map<String, AnnualReport> served = served(fresh, locked);
    AnnualReport city = CityAggregate.sum(year, served, names, clock.today());
    List<ReportView.AgencyPart> parts = new ArrayList<>();
    served.forEach((code, r) -> parts.add(ReportView.AgencyPart.of(names.get(code), r, locked.containsKey(code))));
    List<ReportView.Difference> differences = locked.isEmpty() ? List.of()
        : differences(city, CityAggregate.sum(year, fresh, names, clock.today()));
    return new ReportView(city, false, null, differences, cityCarryOver(agencyCodes, names, city), parts);
  }

  private Map<String, AnnualReport> served(Map<String, AnnualReport> fresh,
      Map<String, ReportLockRepository.StoredLock> locked) {
    Map<String, AnnualReport> served = new LinkedHashMap<>();
    fresh.forEach((code, r) -> served.put(code, locked.containsKey(code) ? read(locked.get(code).figures()) : r));
    return served;
  }

  /** The previous year summed as served (published where locked) against the aggregate's 二. */
  private ReportView.CarryOver cityCarryOver(List<String> agencyCodes, Map<String, String> names, AnnualReport city) {
    int previousYear = city.year() - 1;
    if (previousYear < FIRST_YEAR) {
      return null;
    }
    Map<String, ReportLockRepository.StoredLock> locked = locks.find(agencyCodes, previousYear);
    List<String> unlocked = agencyCodes.stream().filter(code -> !locked.containsKey(code)).toList();
    Map<String, AnnualReport> counted = countAll(unlocked, previousYear);
    Map<String, AnnualReport> previous = new LinkedHashMap<>();
    for (String code : agencyCodes) {
      previous.put(code, locked.containsKey(code) ? read(locked.get(code).figures()) : counted.get(code));
    }
    return carryOver(CityAggregate.sum(previousYear, previous, names, clock.today()), city, unlocked.isEmpty());
  }

  /** The previous year's 四 (as published if locked, else counted now) against this report's 二. */
  private ReportView.CarryOver carryOver(String agencyCode, AnnualReport report) {
    int previousYear = report.year() - 1;
    if (previousYear < FIRST_YEAR) {
      return null;
    }
    var lock = locks.find(agencyCode, previousYear);
    AnnualReport previous = lock.map(l -> read(l.figures())).orElseGet(() -> count(agencyCode, previousYear));
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

  /**
   * Signs the agency's year off with the figures counted now; 409 if the year is not over or already
   * locked. One agency at a time: the city aggregate follows from the agencies' locks.
   */
  @Transactional
  public ReportView lock(String agencyCode, int year, String lockedBy) {
    AnnualReport fresh = count(agencyCode, year);
    if (year >= clock.today().getYear()) {
      throw new ConflictException("year", year + " 年尚未结束，不能锁定");
    }
    locks.find(agencyCode, year).ifPresent(l -> {
      throw new ConflictException("year", year + " 年已由 " + l.lockedBy() + " 于 " + l.lockedAt() + " 锁定");
    });
    LocalDateTime now = LocalDateTime.now(clock.clock().withZone(clock.zone())).withNano(0);
    try {
      locks.insert(agencyCode, year, write(fresh), lockedBy, now);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("year", year + " 年已锁定");
    }
    return new ReportView(fresh, true, new ReportView.Lock(lockedBy, now), List.of(), carryOver(agencyCode, fresh),
        List.of(ReportView.AgencyPart.of(agencies.get(agencyCode).name(), fresh, true)));
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
