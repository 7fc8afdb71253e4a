package org.disclosuredesk.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link WorkingDayCalendar} on the agency's calendar data (cached per node, see {@link CalendarCache}).
 * A year without data counts weekends alone, and each node says so once per agency and year in its log.
 */
@Service
class OfficialWorkingDayCalendar implements WorkingDayCalendar {

  /** More working days than this (about 400 years) is a mistake, not a deadline. */
  static final int MAX_WORKING_DAYS = 100_000;
  /** The widest span {@link #workingDaysBetween} accepts, in days (about 2,700 years). */
  static final long MAX_SPAN_DAYS = 1_000_000;

  /** A longer run of years without data is told in one line, not one per year. */
  private static final int MAX_YEARS_LISTED = 3;

  private static final Logger log = LoggerFactory.getLogger(OfficialWorkingDayCalendar.class);

  private final CalendarSnapshots snapshots;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  OfficialWorkingDayCalendar(CalendarSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public boolean isWorkingDay(String agencyCode, LocalDate date) {
    CalendarSnapshot calendar = calendar(agencyCode);
    warnIfWeekendsOnly(agencyCode, calendar, date.getYear(), date.getYear());
    return calendar.isWorkingDay(date.toEpochDay());
  }

  @Override
  public LocalDate addWorkingDays(String agencyCode, LocalDate from, int n) {
    Objects.requireNonNull(from, "from");
    if (Math.abs((long) n) > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("working days out of range (at most " + MAX_WORKING_DAYS + "): " + n);
    }
    if (n == 0) {
      return from;
    }
    CalendarSnapshot calendar = calendar(agencyCode);
    int step = n > 0 ? 1 : -1;
    long day = from.toEpochDay();
    for (int left = Math.abs(n); left > 0; ) {
      day += step;
      if (calendar.isWorkingDay(day)) {
        left--;
      }
    }
    LocalDate result = date(day);
    warnIfWeekendsOnly(agencyCode, calendar, Math.min(from.getYear(), result.getYear()), Math.max(from.getYear(), result.getYear()));
    return result;
  }

  @Override
  public int workingDaysBetween(String agencyCode, LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    if (Math.abs(span) > MAX_SPAN_DAYS) {
      throw new IllegalArgumentException("interval too long (at most " + MAX_SPAN_DAYS + " days): " + from + " to " + to);
    }
    CalendarSnapshot calendar = calendar(agencyCode);
    warnIfWeekendsOnly(agencyCode, calendar, Math.min(from.getYear(), to.getYear()), Math.max(from.getYear(), to.getYear()));
    return Math.toIntExact(calendar.workingDaysUpTo(to.toEpochDay()) - calendar.workingDaysUpTo(from.toEpochDay()));
  }

  @Override
  public LocalDate onOrNextWorkingDay(String agencyCode, LocalDate date) {
    CalendarSnapshot calendar = calendar(agencyCode);
    long day = date.toEpochDay();
    while (!calendar.isWorkingDay(day)) {
      day++; // ends: the data is finite, and beyond it Mondays are working days
    }
    LocalDate result = date(day);
    warnIfWeekendsOnly(agencyCode, calendar, date.getYear(), result.getYear());
    return result;
  }

  @Override
  public boolean hasOfficialData(String agencyCode, int year) {
    return calendar(agencyCode).hasOfficialData(year);
  }

  private CalendarSnapshot calendar(String agencyCode) {
    return snapshots.current(Objects.requireNonNull(agencyCode, "agencyCode"));
  }

  private void warnIfWeekendsOnly(String agencyCode, CalendarSnapshot calendar, int firstYear, int lastYear) {
    List<Integer> newlyWarned = new ArrayList<>();
    for (int year = firstYear; year <= lastYear; year++) {
      if (!calendar.hasOfficialData(year) && warned.add(agencyCode + "/" + year)) {
        newlyWarned.add(year);
      }
    }
    if (newlyWarned.size() > MAX_YEARS_LISTED) {
      log.warn("no official calendar for {} years from {} to {}, counting weekends only (agency {})",
          newlyWarned.size(), newlyWarned.get(0), newlyWarned.get(newlyWarned.size() - 1), agencyCode);
    } else {
      newlyWarned.forEach(year -> log.warn("no official calendar for {}, counting weekends only (agency {})", year, agencyCode));
    }
  }

  private static LocalDate date(long epochDay) {
    try {
      return LocalDate.ofEpochDay(epochDay);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("date out of range", e);
    }
  }
}
