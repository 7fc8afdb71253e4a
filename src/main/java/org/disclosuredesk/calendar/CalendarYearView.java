package org.disclosuredesk.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of an agency's calendar as stored.
 *
 * @param year the calendar year
 * @param officialData whether the year has official data; otherwise it counts on weekends alone
 * @param daysOff official days off, by date
 * @param makeUpWorkingDays official make-up working days (调休上班), by date
 */
public record CalendarYearView(int year, boolean officialData, List<NamedDay> daysOff, List<NamedDay> makeUpWorkingDays) {

  /** A day of the official calendar and the holiday it belongs to, e.g. 2026-10-01 国庆节. */
  public record NamedDay(LocalDate date, String name) {}
}
