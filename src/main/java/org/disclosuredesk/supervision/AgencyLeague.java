package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.CallerAgency;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Service;

/**
 * The city's league table (全市概况, issue 10): for each agency of the platform its applications received
 * and concluded in the year, the on-time rate and average working days of its replies (counted as the
 * charts count them, {@link Timeliness}), and its open cases overdue today. Four grouped queries over
 * the register whatever the number of agencies.
 */
@Service
class AgencyLeague {

  /**
   * One agency's line.
   *
   * @param received applications received in the year
   * @param concluded cases closed in the year (with or without a reply)
   * @param replied of these, answered with a reply
   * @param repliedWithDueDate replies to cases with a reply deadline: the on-time rate's base
   * @param onTime replies on or before the due date
   * @param onTimePercent onTime ÷ repliedWithDueDate in percent, one decimal; null without such replies
   *     (a case closed without a reply, e.g. withdrawn, is neither on time nor late)
   * @param overdueNow open cases whose due date has passed, today
   * @param averageWorkingDays mean working days from receipt (or the supplement) to the reply; null without replies
   */
  record Line(String code, String name, int received, int concluded, int replied, int repliedWithDueDate, int onTime,
      Double onTimePercent, int overdueNow, Double averageWorkingDays) {}

  /** The table of a year: a line per agency and the city's line (the same counts over every agency). */
  record Table(int year, LocalDate countedOn, List<Line> agencies, Line city) {}

  private final CaseStatistics statistics;
  private final WorkingDayCalendar calendar;
  private final Agencies agencies;
  private final AgencyClock clock;

  AgencyLeague(CaseStatistics statistics, WorkingDayCalendar calendar, Agencies agencies, AgencyClock clock) {
    this.statistics = statistics;
    this.calendar = calendar;
    this.agencies = agencies;
    this.clock = clock;
  }

  Table of(int year) {
    List<Agency> all = agencies.all();
    List<String> codes = all.stream().map(Agency::code).toList();
    LocalDate today = clock.today();
    Map<String, Integer> received = statistics.receivedIn(codes, year);
    Map<String, Integer> overdue = statistics.overdueOn(codes, today);
    Map<String, Timeliness> timeliness = new LinkedHashMap<>();
    codes.forEach(code -> timeliness.put(code, new Timeliness(calendar)));
    Timeliness city = new Timeliness(calendar);
    for (CaseStatistics.ConcludedAlike c : statistics.concludedAlike(codes, year)) {
      Timeliness t = timeliness.get(c.agencyCode());
      if (t != null) {
        t.add(c.agencyCode(), c.clockStartOn(), c.dueOn(), c.repliedOn(), c.cases());
        city.add(c.agencyCode(), c.clockStartOn(), c.dueOn(), c.repliedOn(), c.cases());
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Agency a : all) {
      lines.add(line(a.code(), a.name(), received.getOrDefault(a.code(), 0), timeliness.get(a.code()),
          overdue.getOrDefault(a.code(), 0)));
    }
    Line total = line(CallerAgency.ALL, "全市合计", lines.stream().mapToInt(Line::received).sum(), city,
        lines.stream().mapToInt(Line::overdueNow).sum());
    return new Table(year, today, lines, total);
  }

  private static Line line(String code, String name, int received, Timeliness t, int overdueNow) {
    return new Line(code, name, received, t.concluded(), t.replied(), t.withDueDate(), t.onTime(), t.onTimeRate(),
        overdueNow, t.averageWorkingDays());
  }
}
