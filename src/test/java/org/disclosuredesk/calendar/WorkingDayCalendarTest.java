package org.disclosuredesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The arithmetic on the bundled official calendars (the JSON the application ships), checked against
 * dates worked out by hand from the State Council notices (domain.md, domain-reference.md §9), and
 * against a brute-force count over the domain.md table typed into this test.
 */
class WorkingDayCalendarTest {

  private static final String AGENCY = "default";

  private WorkingDayCalendar calendar;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void setUp() {
    ObjectMapper json = new ObjectMapper();
    List<CalendarDay> days = new ArrayList<>();
    for (int year = 2024; year <= 2026; year++) {
      days.addAll(BundledCalendars.read(json, year));
    }
    CalendarSnapshot official = CalendarSnapshot.of(1, List.of(2024, 2025, 2026), days);
    // another agency without any data counts weekends only
    calendar = new OfficialWorkingDayCalendar(agency -> agency.equals(AGENCY) ? official : CalendarSnapshot.EMPTY);
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(OfficialWorkingDayCalendar.class)).addAppender(log);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(OfficialWorkingDayCalendar.class)).detachAppender(log);
  }

  private LocalDate add(String from, int n) {
    return calendar.addWorkingDays(AGENCY, LocalDate.parse(from), n);
  }

  @Test
  void nationalDay2026MovesTheReplyDeadline() {
    // 09-25..09-27 中秋 and 10-01..10-07 国庆 off; Saturday 10-10 is a make-up working day
    assertThat(add("2026-09-24", 20)).isEqualTo("2026-10-29");
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-09-20"))).isTrue(); // Sunday, make-up
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-10-10"))).isTrue(); // Saturday, make-up
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-10-11"))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2026-10-07"))).isFalse(); // Wednesday, off
    assertThat(add("2026-09-19", 1)).isEqualTo("2026-09-20");
  }

  @Test
  void springFestival2026() {
    // 02-15..02-23 off; Saturdays 02-14 and 02-28 are make-up working days
    assertThat(add("2026-02-12", 5)).isEqualTo("2026-02-26"); // 13, 14 (Sat), 24, 25, 26
    assertThat(add("2026-02-24", 4)).isEqualTo("2026-02-28"); // 25, 26, 27, 28 (Sat)
    assertThat(add("2026-02-13", 1)).isEqualTo("2026-02-14");
    assertThat(add("2026-02-14", 1)).isEqualTo("2026-02-24");
  }

  @Test
  void nationalDay2025() {
    // 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are make-up working days
    assertThat(add("2025-09-26", 3)).isEqualTo("2025-09-30"); // 28 (Sun), 29, 30
    assertThat(add("2025-09-30", 3)).isEqualTo("2025-10-11"); // 09, 10, 11 (Sat)
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2025-10-08"))).isFalse();
  }

  @Test
  void springFestival2024() {
    // 02-10..02-17 off; Sundays 02-04 and 02-18 are make-up working days; 02-09 (除夕) was worked
    assertThat(add("2024-02-08", 2)).isEqualTo("2024-02-18");
    assertThat(add("2024-02-02", 1)).isEqualTo("2024-02-04");
    assertThat(add("2024-02-18", -1)).isEqualTo("2024-02-09");
  }

  @Test
  void aSaturdayStartCountsFromTheNextWorkingDay() {
    assertThat(add("2026-03-07", 1)).isEqualTo("2026-03-09"); // Saturday -> Monday
    assertThat(add("2026-03-07", 20)).isEqualTo("2026-04-03"); // 清明 04-04..04-06 lies after it
    assertThat(add("2026-03-14", 20)).isEqualTo("2026-04-13"); // ... and within it
  }

  @Test
  void zeroWorkingDaysIsTheStartItselfEvenOnAHoliday() {
    assertThat(add("2026-10-01", 0)).isEqualTo("2026-10-01");
    assertThat(add("2026-10-10", 0)).isEqualTo("2026-10-10");
  }

  @Test
  void negativeCountsBackwards() {
    assertThat(add("2026-10-08", -1)).isEqualTo("2026-09-30");
    assertThat(add("2026-10-12", -1)).isEqualTo("2026-10-10");
    assertThat(add("2026-10-29", -20)).isEqualTo("2026-09-24");
  }

  @Test
  void workingDaysBetweenIsAntisymmetric() {
    LocalDate from = LocalDate.parse("2026-09-24");
    LocalDate to = LocalDate.parse("2026-10-29");
    assertThat(calendar.workingDaysBetween(AGENCY, from, to)).isEqualTo(20);
    assertThat(calendar.workingDaysBetween(AGENCY, to, from)).isEqualTo(-20);
    assertThat(calendar.workingDaysBetween(AGENCY, from, from)).isZero();
    // (10-01, 10-08]: only 10-08 counts
    assertThat(calendar.workingDaysBetween(AGENCY, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-08"))).isEqualTo(1);
    // whole year 2026: 365 days, 104 weekend days, 6 make-up days, 19 weekdays off -> 248
    assertThat(calendar.workingDaysBetween(AGENCY, LocalDate.parse("2025-12-31"), LocalDate.parse("2026-12-31"))).isEqualTo(248);
  }

  @Test
  void onOrNextWorkingDay() {
    assertThat(calendar.onOrNextWorkingDay(AGENCY, LocalDate.parse("2026-10-01"))).isEqualTo("2026-10-08");
    assertThat(calendar.onOrNextWorkingDay(AGENCY, LocalDate.parse("2026-10-10"))).isEqualTo("2026-10-10");
    assertThat(calendar.onOrNextWorkingDay(AGENCY, LocalDate.parse("2026-10-11"))).isEqualTo("2026-10-12");
  }

  @Test
  void aYearWithoutDataCountsWeekendsOnlyAndSaysSoOnce() {
    assertThat(calendar.hasOfficialData(AGENCY, 2026)).isTrue();
    assertThat(calendar.hasOfficialData(AGENCY, 2027)).isFalse();
    assertThat(calendar.isWorkingDay(AGENCY, LocalDate.parse("2027-10-01"))).isTrue(); // a Friday
    assertThat(add("2026-12-30", 3)).isEqualTo("2027-01-04"); // 12-31, 01-01 (Fri), 01-04
    assertThat(add("2027-09-30", 1)).isEqualTo("2027-10-01");

    List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(warnings).containsExactly("no official calendar for 2027, counting weekends only (agency default)");
  }

  @Test
  void calendarsArePerAgency() {
    assertThat(calendar.isWorkingDay("district-a", LocalDate.parse("2026-10-01"))).isTrue();
    assertThat(calendar.hasOfficialData("district-a", 2026)).isFalse();
    assertThat(calendar.addWorkingDays("district-a", LocalDate.parse("2026-09-24"), 20)).isEqualTo("2026-10-22");
  }

  @Test
  void absurdCountsAreRefused() {
    LocalDate from = LocalDate.parse("2026-01-01");
    assertThatThrownBy(() -> calendar.addWorkingDays(AGENCY, from, 100_001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(AGENCY, from, Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.workingDaysBetween(AGENCY, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(AGENCY, LocalDate.MAX, 1)).isInstanceOf(IllegalArgumentException.class);
    LocalDate far = calendar.addWorkingDays(AGENCY, from, 100_000);
    assertThat(calendar.workingDaysBetween(AGENCY, from, far)).isEqualTo(100_000);
    // hundreds of years without data are told in one line
    assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
        .startsWith("no official calendar for 383 years from 2027 to 2409");
  }

  // ---- brute force over domain.md's table, typed in here by hand (not read from the JSON) ----

  private static final Map<Integer, String[]> DOMAIN_TABLE = Map.of(
      2024, new String[] {"01-01; 02-10…02-17; 04-04…04-06; 05-01…05-05; 06-10; 09-15…09-17; 10-01…10-07",
          "02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12"},
      2025, new String[] {"01-01; 01-28…02-04; 04-04…04-06; 05-01…05-05; 05-31…06-02; 10-01…10-08",
          "01-26, 02-08, 04-27, 09-28, 10-11"},
      2026, new String[] {"01-01…01-03; 02-15…02-23; 04-04…04-06; 05-01…05-05; 06-19…06-21; 09-25…09-27; 10-01…10-07",
          "01-04, 02-14, 02-28, 05-09, 09-20, 10-10"});

  private final Set<LocalDate> daysOff = new HashSet<>();
  private final Set<LocalDate> makeUpDays = new HashSet<>();

  private void readDomainTable() {
    DOMAIN_TABLE.forEach((year, row) -> {
      for (String block : row[0].split(";")) {
        String[] ends = block.strip().split("…");
        LocalDate first = LocalDate.parse(year + "-" + ends[0]);
        LocalDate last = LocalDate.parse(year + "-" + ends[ends.length - 1]);
        first.datesUntil(last.plusDays(1)).forEach(daysOff::add);
      }
      for (String day : row[1].split(",")) {
        makeUpDays.add(LocalDate.parse(year + "-" + day.strip()));
      }
    });
  }

  private boolean bruteForceWorkingDay(LocalDate d) {
    boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    return makeUpDays.contains(d) || (!weekend && !daysOff.contains(d));
  }

  @Test
  void everyDateOf2024To2026AgreesWithABruteForceCountOverTheDomainTable() {
    readDomainTable();
    assertThat(daysOff).hasSize(89);
    assertThat(makeUpDays).hasSize(19);
    int checked = 0;
    for (LocalDate from = LocalDate.parse("2024-01-01"); from.getYear() <= 2026; from = from.plusDays(1)) {
      assertThat(calendar.isWorkingDay(AGENCY, from)).as("working day %s", from).isEqualTo(bruteForceWorkingDay(from));
      LocalDate expected = from;
      for (int n = 1; n <= 45; n++) {
        expected = expected.plusDays(1);
        while (!bruteForceWorkingDay(expected)) {
          expected = expected.plusDays(1);
        }
        LocalDate due = calendar.addWorkingDays(AGENCY, from, n);
        assertThat(due).as("%s + %d working days", from, n).isEqualTo(expected);
        assertThat(calendar.workingDaysBetween(AGENCY, from, due)).as("between %s and %s", from, due).isEqualTo(n);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(1096 * 45);
  }
}
