package org.disclosuredesk.calendar;

/** Where the working-day arithmetic gets an agency's current calendar from. */
interface CalendarSnapshots {

  CalendarSnapshot current(String agencyCode);
}
