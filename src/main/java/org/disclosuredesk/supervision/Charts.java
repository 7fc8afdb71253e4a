package org.disclosuredesk.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.report.Spreadsheet;
import org.springframework.stereotype.Service;

/**
 * The figures behind the supervision charts for one year, over one agency or several (the city):
 * received and concluded per month, timeliness per department (on-time rate, average working days to
 * answer), and outcomes.
 */
@Service
class Charts {

  /**
   * Timeliness of one department over the cases it concluded in the year (see {@link Timeliness}).
   *
   * @param agencyCode the department's agency
   * @param name the department's name; over several agencies preceded by its agency's
   * @param concluded cases closed in the year, with or without a reply
   * @param replied of these, the cases answered with a reply (replied_on set)
   * @param withDueDate replied cases that had a reply deadline (the on-time rate's base)
   * @param onTime replied on or before the due date
   * @param onTimeRate percent of withDueDate replied on time; null without such replies
   * @param averageWorkingDays mean working days from the clock's start to the reply; null without replies
   */
  record DepartmentTimeliness(String agencyCode, String department, String name, int concluded, int replied,
      int withDueDate, int onTime, Double onTimeRate, Double averageWorkingDays) {}

  /** Everything the charts page draws; plain strings and numbers (serialised into the page as JSON). */
  record Figures(int year, List<String> months, int[] received, int[] concluded,
      List<DepartmentTimeliness> departments, Map<String, Integer> outcomes) {}

  /** The columns of the departments table, on the page and in its export. */
  static final List<String> DEPARTMENTS_HEADER =
      List.of("承办部门", "办结数", "答复数", "有答复期限的答复", "按期答复数", "按期率（%）", "平均办理工作日");

  private final CaseStatistics statistics;
  private final WorkingDayCalendar calendar;
  private final Departments departments;
  private final Agencies agencies;

  Charts(CaseStatistics statistics, WorkingDayCalendar calendar, Departments departments, Agencies agencies) {
    this.statistics = statistics;
    this.calendar = calendar;
    this.departments = departments;
    this.agencies = agencies;
  }

  Figures of(List<String> agencyCodes, int year) {
    List<String> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(m + "月");
    }
    List<CaseStatistics.Concluded> concluded = statistics.concludedIn(agencyCodes, year);
    return new Figures(year, months, statistics.receivedPerMonth(agencyCodes, year),
        statistics.concludedPerMonth(agencyCodes, year), timeliness(concluded, agencyCodes.size() > 1),
        outcomes(concluded));
  }

  Spreadsheet departmentsSheet(List<String> agencyCodes, int year) {
    List<List<Object>> rows = new ArrayList<>();
    for (DepartmentTimeliness d : of(agencyCodes, year).departments()) {
      rows.add(java.util.Arrays.asList(d.name(), d.concluded(), d.replied(), d.withDueDate(), d.onTime(),
          d.onTimeRate(), d.averageWorkingDays()));
    }
    return Spreadsheet.of("departments-" + year, DEPARTMENTS_HEADER, rows);
  }

  private List<DepartmentTimeliness> timeliness(List<CaseStatistics.Concluded> concluded, boolean severalAgencies) {
    // per agency and department: each agency's cases without department are its own 未分办
    Map<List<String>, List<CaseStatistics.Concluded>> byDepartment = new TreeMap<>(
        java.util.Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
    for (CaseStatistics.Concluded c : concluded) {
      byDepartment.computeIfAbsent(List.of(c.agencyCode(), c.department() == null ? "" : c.department()),
          k -> new ArrayList<>()).add(c);
    }
    List<DepartmentTimeliness> result = new ArrayList<>();
    byDepartment.forEach((key, cases) -> result.add(department(key.get(0), key.get(1), cases, severalAgencies)));
    return result;
  }

  private DepartmentTimeliness department(String agencyCode, String code, List<CaseStatistics.Concluded> cases,
      boolean severalAgencies) {
    Timeliness t = new Timeliness(calendar);
    cases.forEach(c -> t.add(c.agencyCode(), c.clockStartOn(), c.dueOn(), c.repliedOn(), 1));
    String name = code.isEmpty() ? SupervisedCase.NO_DEPARTMENT : departments.name(code);
    if (severalAgencies) {
      name = agencies.get(agencyCode).name() + " · " + name;
    }
    return new DepartmentTimeliness(agencyCode, code, name, t.concluded(), t.replied(), t.withDueDate(), t.onTime(),
        t.onTimeRate(), t.averageWorkingDays());
  }

  private static Map<String, Integer> outcomes(List<CaseStatistics.Concluded> concluded) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      int n = (int) concluded.stream().filter(c -> o.name().equals(c.outcome())).count();
      if (n > 0) {
        counts.put(o.label(), n);
      }
    }
    int unknown = (int) concluded.stream().filter(c -> c.outcome() == null).count();
    if (unknown > 0) {
      counts.put("未记录结果", unknown);
    }
    return counts;
  }
}
