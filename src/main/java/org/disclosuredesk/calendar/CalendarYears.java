package org.disclosuredesk.calendar;

import java.time.LocalDate;
import org.disclosuredesk.web.InvalidInputException;

/** The years the calendar accepts data and questions for: generous, but keeps arithmetic within sane bounds. */
final class CalendarYears {

  static final int FIRST = 1900;
  static final int LAST = 2199;

  private CalendarYears() {}

  static void checkYear(String field, int year) {
    if (year < FIRST || year > LAST) {
      throw new InvalidInputException(field, "年份应在 " + FIRST + " 到 " + LAST + " 之间");
    }
  }

  static void checkDate(String field, LocalDate date) {
    if (date.getYear() < FIRST || date.getYear() > LAST) {
      throw new InvalidInputException(field, "日期应在 " + FIRST + " 到 " + LAST + " 年之间");
    }
  }
}
