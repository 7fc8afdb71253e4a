package org.disclosuredesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class HolidayCnReaderTest {

  private static HolidayCnYear.Day day(String name, String date, Boolean off) {
    return new HolidayCnYear.Day(name, date, off);
  }

  private static List<FieldError> errors(int year, HolidayCnYear body) {
    try {
      HolidayCnReader.read(year, body);
    } catch (InvalidInputException e) {
      return e.errors();
    }
    throw new AssertionError("expected InvalidInputException");
  }

  @Test
  void readsDaysInDateOrderAndTakesARepeatedDayOnce() {
    List<CalendarDay> days = HolidayCnReader.read(2027, new HolidayCnYear(2027, null, List.of(
        day("国庆节", "2027-10-01", true), day("元旦", "2027-01-01", true), day("国庆节", "2027-10-01", true),
        day("国庆节", "2027-10-09", false))));

    assertThat(days).containsExactly(
        new CalendarDay(LocalDate.parse("2027-01-01"), "元旦", true),
        new CalendarDay(LocalDate.parse("2027-10-01"), "国庆节", true),
        new CalendarDay(LocalDate.parse("2027-10-09"), "国庆节", false));
  }

  @Test
  void everyMistakeIsReportedWithItsField() {
    List<FieldError> errors = errors(2027, new HolidayCnYear(2026, null, Arrays.asList(
        day("元旦", "2027-01-01", true),
        day("春节", "2027-02-30", true),
        day("春节", "2026-02-06", true),
        day("元旦", "2027-01-01", false),
        day(" ", "2027-05-01", null),
        null)));

    assertThat(errors).extracting(FieldError::field).containsExactly(
        "year", "days[1].date", "days[2].date", "days[3].date", "days[4].name", "days[4].isOffDay", "days[5]");
    assertThat(errors.get(0).message()).isEqualTo("与地址中的年份 2027 不一致");
    assertThat(errors.get(2).message()).isEqualTo("日期 2026-02-06 不在 2027 年内");
    assertThat(errors.get(3).message()).contains("days[0].date", "一处为放假、一处为上班");
  }

  @Test
  void missingOrEmptyDaysAreRefused() {
    assertThat(errors(2027, new HolidayCnYear(null, null, null))).extracting(FieldError::field).containsExactly("year", "days");
    assertThat(errors(2027, new HolidayCnYear(2027, null, List.of()))).extracting(FieldError::field).containsExactly("days");
    assertThat(errors(2027, null)).extracting(FieldError::field).containsExactly("body");
  }
}
