package org.disclosuredesk.calendar;

import java.time.LocalDate;

/**
 * Working-day arithmetic on the official calendar of an agency (domain.md "Working days"): Monday to
 * Friday, less the official days off, plus the official make-up working days (调休上班). A year with
 * no official data counts weekends only (see {@link #hasOfficialData}).
 */
public interface WorkingDayCalendar {

  boolean isWorkingDay(String agencyCode, LocalDate date);

  /**
   * The N-th working day after {@code from}; {@code from} itself is not counted. {@code n = 0} gives
   * {@code from}; a negative {@code n} counts backwards (the N-th working day before {@code from}).
   */
  LocalDate addWorkingDays(String agencyCode, LocalDate from, int n);

  /**
   * Working days in the interval ({@code from}, {@code to}]: how many working days after {@code from}
   * up to and including {@code to}; negative (the count of ({@code to}, {@code from}]) when {@code to}
   * is before {@code from}.
   */
  int workingDaysBetween(String agencyCode, LocalDate from, LocalDate to);

  /** {@code date} itself if it is a working day, otherwise the next working day. */
  LocalDate onOrNextWorkingDay(String agencyCode, LocalDate date);

  /** Whether the year's official days off are known; otherwise it is computed on weekends alone. */
  boolean hasOfficialData(String agencyCode, int year);
}
