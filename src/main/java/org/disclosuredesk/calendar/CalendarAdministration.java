package org.disclosuredesk.calendar;

import java.util.List;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces and shows a year of an agency's official calendar (days off and make-up working days).
 * A replacement is checked in full first (every mistake is reported with its field, and nothing
 * changes), then written in one transaction that also publishes {@link CalendarChanged} to listeners
 * running in it; every node of the cluster counts on the new data within a few seconds, the node that
 * made the change at once.
 */
@Service
public class CalendarAdministration {

  private final CalendarWriter writer;
  private final CalendarStore store;

  CalendarAdministration(CalendarWriter writer, CalendarStore store) {
    this.writer = writer;
    this.store = store;
  }

  /**
   * Replaces the year from data in the holiday-cn JSON shape.
   *
   * @param year the year in the address; the body's {@code year} must be the same, and every date in it
   * @throws InvalidInputException with field names such as {@code days[3].date}
   */
  @Transactional
  public CalendarReplaced replaceYear(String agencyCode, int year, HolidayCnYear body, String changedBy) {
    CalendarYears.checkYear("year", year);
    return replace(agencyCode, year, HolidayCnReader.read(year, body), "API JSON (holiday-cn)", changedBy);
  }

  /**
   * Replaces the year from iCalendar text (UTF-8) like the holiday-cn {@code .ics} files: all-day
   * VEVENTs, DTEND exclusive; a SUMMARY containing 上班 or 补班 marks make-up working days, any other
   * event days off.
   *
   * @throws InvalidInputException with field names such as {@code events[2].DTSTART}
   */
  @Transactional
  public CalendarReplaced replaceYearFromICalendar(String agencyCode, int year, byte[] ics, String changedBy) {
    CalendarYears.checkYear("year", year);
    return replace(agencyCode, year, ICalendarReader.read(year, ics == null ? new byte[0] : ics), "API iCalendar", changedBy);
  }

  /** The year's days off and make-up working days as stored, and whether the year has official data. */
  @Transactional(readOnly = true)
  public CalendarYearView year(String agencyCode, int year) {
    CalendarYears.checkYear("year", year);
    List<CalendarDay> days = store.days(agencyCode, year);
    return new CalendarYearView(year, store.isOfficial(agencyCode, year),
        days.stream().filter(CalendarDay::offDay).map(d -> new CalendarYearView.NamedDay(d.date(), d.name())).toList(),
        days.stream().filter(d -> !d.offDay()).map(d -> new CalendarYearView.NamedDay(d.date(), d.name())).toList());
  }

  private CalendarReplaced replace(String agencyCode, int year, List<CalendarDay> days, String source, String changedBy) {
    writer.prepare(agencyCode);
    return writer.replace(agencyCode, year, days, source, changedBy == null ? CalendarChanged.SYSTEM : changedBy);
  }
}
