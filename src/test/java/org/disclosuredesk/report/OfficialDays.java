package org.disclosuredesk.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The official days off and make-up working days of 2024–2026 as printed in domain.md, for tests that
 * compute working days independently of the application's calendar.
 */
public final class OfficialDays {

  private static final Set<LocalDate> OFF = new HashSet<>();
  private static final Set<LocalDate> MAKE_UP = new HashSet<>();

  static {
    off("2024-01-01", "2024-01-01", "2024-02-10", "2024-02-17", "2024-04-04", "2024-04-06", "2024-05-01", "2024-05-05",
        "2024-06-10", "2024-06-10", "2024-09-15", "2024-09-17", "2024-10-01", "2024-10-07");
    makeUp("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12");
    off("2025-01-01", "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-04-06", "2025-05-01", "2025-05-05",
        "2025-05-31", "2025-06-02", "2025-10-01", "2025-10-08");
    makeUp("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    off("2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01", "2026-05-05",
        "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07");
    makeUp("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
  }

  private OfficialDays() {}

  public static boolean isWorkingDay(LocalDate d) {
    if (d.getYear() < 2024 || d.getYear() > 2026) {
      throw new IllegalArgumentException("only 2024–2026 are known here: " + d);
    }
    if (MAKE_UP.contains(d)) {
      return true;
    }
    return !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The n-th working day after {@code from}, counting day by day. */
  public static LocalDate addWorkingDays(LocalDate from, int n) {
    LocalDate d = from;
    for (int counted = 0; counted < n; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /** Working days in ({@code from}, {@code to}], counted day by day. */
  public static int countAfterUpTo(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  private static void off(String... ranges) {
    for (int i = 0; i < ranges.length; i += 2) {
      for (LocalDate d = LocalDate.parse(ranges[i]); !d.isAfter(LocalDate.parse(ranges[i + 1])); d = d.plusDays(1)) {
        OFF.add(d);
      }
    }
  }

  private static void makeUp(String... days) {
    for (String d : days) {
      MAKE_UP.add(LocalDate.parse(d));
    }
  }
}
