package org.disclosuredesk.calendar;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeMap;

/**
 * An agency's whole calendar as one immutable value, answering in O(log n) on the days that break the
 * Monday–Friday rule: official days off on a weekday and make-up working days on a weekend. Days are
 * epoch days ({@link java.time.LocalDate#toEpochDay()}), so the arithmetic allocates nothing.
 */
final class CalendarSnapshot {

  static final CalendarSnapshot EMPTY = of(0, Set.of(), Set.of());

  private final long revision;
  private final Set<Integer> officialYears;
  /** Sorted epoch days that are not what Monday–Friday says. */
  private final long[] exceptions;
  /** {@code cumulative[i]}: the sum over {@code exceptions[0..i]} of +1 (make-up day) or -1 (day off). */
  private final int[] cumulative;

  private CalendarSnapshot(long revision, Set<Integer> officialYears, long[] exceptions, int[] cumulative) {
    this.revision = revision;
    this.officialYears = officialYears;
    this.exceptions = exceptions;
    this.cumulative = cumulative;
  }

  /**
   * @param revision the agency's calendar revision this was read at
   * @param officialYears the years with official data
   * @param days the official days off and make-up working days
   */
  static CalendarSnapshot of(long revision, Collection<Integer> officialYears, Collection<CalendarDay> days) {
    TreeMap<Long, Integer> deltas = new TreeMap<>();
    for (CalendarDay day : days) {
      long epochDay = day.date().toEpochDay();
      boolean weekday = isWeekday(epochDay);
      if (day.offDay() && weekday) {
        deltas.put(epochDay, -1);
      } else if (!day.offDay() && !weekday) {
        deltas.put(epochDay, +1);
      }
    }
    long[] exceptions = new long[deltas.size()];
    int[] cumulative = new int[deltas.size()];
    int i = 0;
    int sum = 0;
    for (var e : deltas.entrySet()) {
      exceptions[i] = e.getKey();
      sum += e.getValue();
      cumulative[i++] = sum;
    }
    return new CalendarSnapshot(revision, Set.copyOf(officialYears), exceptions, cumulative);
  }

  long revision() {
    return revision;
  }

  boolean hasOfficialData(int year) {
    return officialYears.contains(year);
  }

  boolean isWorkingDay(long epochDay) {
    return isWeekday(epochDay) != (Arrays.binarySearch(exceptions, epochDay) >= 0);
  }

  /**
   * The working days up to and including {@code epochDay}, counted from a fixed origin: the difference
   * for two days is the number of working days in between, ({@code a}, {@code b}].
   */
  long workingDaysUpTo(long epochDay) {
    return weekdaysUpTo(epochDay) + exceptionsUpTo(epochDay);
  }

  /** 1970-01-01 (epoch day 0) was a Thursday: {@code (epochDay + 3) mod 7} is 0 on Mondays. */
  static boolean isWeekday(long epochDay) {
    return Math.floorMod(epochDay + 3, 7) < 5;
  }

  private static long weekdaysUpTo(long epochDay) {
    long fromMonday = epochDay + 3;
    return 5 * Math.floorDiv(fromMonday, 7) + Math.min(Math.floorMod(fromMonday, 7) + 1, 5);
  }

  private int exceptionsUpTo(long epochDay) {
    int i = Arrays.binarySearch(exceptions, epochDay);
    int count = i >= 0 ? i + 1 : -i - 1; // exceptions on or before epochDay
    return count == 0 ? 0 : cumulative[count - 1];
  }
}
