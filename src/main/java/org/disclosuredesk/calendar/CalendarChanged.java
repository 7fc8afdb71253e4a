package org.disclosuredesk.calendar;

/**
 * An agency's calendar for a year was replaced (by an administrator through the API, or by the start-up
 * load of a bundled year that was not in the database yet, then {@code changedBy} is {@value #SYSTEM}).
 * Published inside the transaction that wrote the new calendar: a synchronous {@code @EventListener}
 * runs in that transaction, already sees the new working days through {@link WorkingDayCalendar}, and
 * a failing listener rolls the change back.
 *
 * @param agencyCode whose calendar changed
 * @param year the calendar year that was replaced
 * @param changedBy the user id of the administrator, or {@value #SYSTEM}
 */
public record CalendarChanged(String agencyCode, int year, String changedBy) {

  /** {@code changedBy} of a change made by the application itself (the bundled calendars). */
  public static final String SYSTEM = "system";
}
