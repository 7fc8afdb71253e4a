package org.disclosuredesk.calendar;

/**
 * What a replacement of a year's calendar stored.
 *
 * @param year the calendar year
 * @param daysOffCount official days off listed (weekends inside a holiday block included when listed)
 * @param makeUpWorkingDaysCount official make-up working days (调休上班)
 * @param officialData always true: the year now counts on official data
 */
public record CalendarReplaced(int year, int daysOffCount, int makeUpWorkingDaysCount, boolean officialData) {}
