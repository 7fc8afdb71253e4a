package org.disclosuredesk.calendar;

import java.time.LocalDate;

/** A stored exception to Monday–Friday: an official day off ({@code offDay}) or a make-up working day. */
record CalendarDay(LocalDate date, String name, boolean offDay) {}
