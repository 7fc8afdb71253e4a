package org.disclosuredesk.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;

/**
 * Collects the days of one calendar year from an import (JSON or iCalendar) and the mistakes found,
 * each under the field it came from: a date outside the year, or a date given twice with
 * conflicting flags. The same date twice with the same flag is taken once.
 */
final class YearDays {

  static final int MAX_NAME_LENGTH = 100;
  private static final int MAX_ERRORS = 20;

  private final int year;
  private final Map<LocalDate, Entry> byDate = new TreeMap<>();
  private final List<FieldError> errors = new ArrayList<>();
  private int errorCount;

  private record Entry(CalendarDay day, String field) {}

  YearDays(int year) {
    this.year = year;
  }

  /** Whether {@code date} lies in the year; if not, records the mistake under {@code field}. */
  boolean checkInYear(String field, LocalDate date) {
    if (date.getYear() == year) {
      return true;
    }
    error(field, "日期 " + date + " 不在 " + year + " 年内");
    return false;
  }

  void add(String field, LocalDate date, boolean offDay, String name) {
    if (!checkInYear(field, date)) {
      return;
    }
    Entry earlier = byDate.get(date);
    if (earlier == null) {
      byDate.put(date, new Entry(new CalendarDay(date, name, offDay), field));
    } else if (earlier.day().offDay() != offDay) {
      error(field, date + " 在 " + earlier.field() + " 中已列出，但一处为放假、一处为上班");
    }
  }

  void error(String field, String message) {
    if (++errorCount <= MAX_ERRORS) {
      errors.add(new FieldError(field, message));
    }
  }

  /** The days, in date order; or {@link InvalidInputException} with every mistake found. */
  List<CalendarDay> days(String emptyField, String emptyMessage) {
    if (errorCount == 0 && byDate.isEmpty()) {
      error(emptyField, emptyMessage);
    }
    if (errorCount > 0) {
      List<FieldError> all = new ArrayList<>(errors);
      if (errorCount > MAX_ERRORS) {
        all.add(new FieldError("body", "共有 " + errorCount + " 处错误，只列出前 " + MAX_ERRORS + " 处"));
      }
      throw new InvalidInputException(all);
    }
    return byDate.values().stream().map(Entry::day).toList();
  }
}
