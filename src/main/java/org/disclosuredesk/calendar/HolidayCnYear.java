package org.disclosuredesk.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A year's calendar in the shape of the holiday-cn data set ({@code calendar/SOURCE.md}):
 * {@code {year, papers, days:[{name, date, isOffDay}]}}. A day with {@code isOffDay: false} is a
 * make-up working day (调休上班). Fields are kept as sent (date as text) so that every mistake can be
 * reported with its field name; {@link CalendarAdministration} checks them.
 *
 * @param year the calendar year; must equal the year in the address
 * @param papers the notices the data comes from (optional, informative)
 * @param days the official days off and make-up working days
 */
@JsonIgnoreProperties({"$schema", "$id"})
public record HolidayCnYear(Integer year, List<String> papers, List<Day> days) {

  /**
   * @param name the holiday, e.g. 春节
   * @param date ISO date YYYY-MM-DD
   * @param isOffDay true for a day off, false for a make-up working day
   */
  public record Day(String name, String date, @JsonProperty("isOffDay") Boolean isOffDay) {}
}
