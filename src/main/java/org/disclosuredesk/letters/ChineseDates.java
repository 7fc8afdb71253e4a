package org.disclosuredesk.letters;

import java.time.LocalDate;

/** Dates as letters print them: 2026年12月25日. */
public final class ChineseDates {

  private ChineseDates() {}

  /** {@code 2026年12月25日}; an empty string for null. */
  public static String format(LocalDate date) {
    return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
