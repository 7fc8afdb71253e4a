package org.disclosuredesk.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.report.Spreadsheet;
import org.springframework.stereotype.Service;

/**
 * The figures behind the supervision charts for one year: received and concluded per month,
 * timeliness per department (on-time rate, average working days to answer), and outcomes.
 */
@Service
class Charts {

  /**
   * Timeliness of one department over the cases it concluded in the year. Only replies count: a case
   * closed without a reply (withdrawn, deemed abandoned, fee unpaid) is concluded but neither on time
   * nor late, and has no working days to answer.
   *
   * @param concluded cases closed in the year, with or without a reply
   * @param replied of these, the cases answered with a reply (replied_on set)
   * @param withDueDate replied cases that had a reply deadline (the on-time rate's base)
   * @param onTime replied on or before the due date
   * @param onTimeRate percent of withDueDate replied on time; null without such replies
   * @param averageWorkingDays mean working days from the clock's start to the reply; null without replies
   */
  record DepartmentTimeliness(String department, String name, int concluded, int replied, int withDueDate,
      int onTime, Double onTimeRate, Double averageWorkingDays) {}

  /** Everything the charts page draws; plain strings and numbers (serialised into the page as JSON). */
  record Figures(int year, List<String> months, int[] received, int[] concluded,
      List<DepartmentTimeliness> departments, Map<String, Integer> outcomes) {}

  /** The columns of the departments table, on the page and in its export. */
  static final List<String> DEPARTMENTS_HEADER =
      List.of("承办部门", "办结数", "答复数", "有答复期限的答复", "按期答复数", "按期率（%）", "平均办理工作日");

  private final CaseStatistics statistics;
  private final WorkingDayCalendar calendar;
  private final AgencyProperties agency;
  private final DepartmentProperties departments;

  Charts(CaseStatistics statistics, WorkingDayCalendar calendar, AgencyProperties agency,
      DepartmentProperties departments) {
    this.statistics = statistics;
    this.calendar = calendar;
    this.agency = agency;
    this.departments = departments;
  }

  Figures of(int year) {
    List<String> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(m + "月");
    }
    List<CaseStatistics.Concluded> concluded = statistics.concludedIn(agency.code(), year);
    return new Figures(year, months, statistics.receivedPerMonth(agency.code(), year),
        statistics.concludedPerMonth(agency.code(), year), timeliness(concluded), outcomes(concluded));
  }

  Spreadsheet departmentsSheet(int year) {
    List<List<Object>> rows = new ArrayList<>();
    for (DepartmentTimeliness d : of(year).departments()) {
      rows.add(java.util.Arrays.asList(d.name(), d.concluded(), d.replied(), d.withDueDate(), d.onTime(),
          d.onTimeRate(), d.averageWorkingDays()));
    }
    return Spreadsheet.of("departments-" + year, DEPARTMENTS_HEADER, rows);
  }

  private List<DepartmentTimeliness> timeliness(List<CaseStatistics.Concluded> concluded) {
    Map<String, List<CaseStatistics.Concluded>> byDepartment = new TreeMap<>();
    for (CaseStatistics.Concluded c : concluded) {
      byDepartment.computeIfAbsent(c.department() == null ? "" : c.department(), k -> new ArrayList<>()).add(c);
    }
    List<DepartmentTimeliness> result = new ArrayList<>();
    byDepartment.forEach((code, cases) -> result.add(department(code, cases)));
    return result;
  }

  private DepartmentTimeliness department(String code, List<CaseStatistics.Concluded> cases) {
    int replied = 0;
    int withDue = 0;
    int onTime = 0;
    long days = 0;
    for (CaseStatistics.Concluded c : cases) {
      if (!c.replied()) {
        continue;
      }
      replied++;
      if (c.dueOn() != null) {
        withDue++;
        if (!c.repliedOn().isAfter(c.dueOn())) {
          onTime++;
        }
      }
      days += Math.max(0, calendar.workingDaysBetween(agency.code(), c.clockStartOn(), c.repliedOn()));
    }
    String name = code.isEmpty() ? SupervisedCase.NO_DEPARTMENT : departments.name(code);
    Double rate = withDue == 0 ? null : Math.round(1000.0 * onTime / withDue) / 10.0;
    Double average = replied == 0 ? null : Math.round(10.0 * days / replied) / 10.0;
    return new DepartmentTimeliness(code, name, cases.size(), replied, withDue, onTime, rate, average);
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
