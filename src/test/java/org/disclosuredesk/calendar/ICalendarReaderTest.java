package org.disclosuredesk.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class ICalendarReaderTest {

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ICalendarReaderTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** A calendar of the given events, lines joined with CRLF. */
  private static byte[] ics(String... eventLines) {
    String body = String.join("\r\n", eventLines);
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + body + "\r\nEND:VCALENDAR\r\n").getBytes(UTF_8);
  }

  private static List<FieldError> errors(int year, byte[] ics) {
    try {
      ICalendarReader.read(year, ics);
    } catch (InvalidInputException e) {
      return e.errors();
    }
    throw new AssertionError("expected InvalidInputException");
  }

  @Test
  void theVendor2026IcsGivesTheSameDaysAsThe2026Json() throws IOException {
    List<CalendarDay> fromIcs = ICalendarReader.read(2026, resource("calendar/2026.ics"));
    List<CalendarDay> fromJson = BundledCalendars.read(new ObjectMapper(), 2026);

    assertThat(fromIcs).hasSize(39).containsExactlyElementsOf(fromJson);
    assertThat(fromIcs).filteredOn(d -> !d.offDay()).extracting(CalendarDay::date).extracting(LocalDate::toString)
        .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
  }

  @Test
  void foldedLinesAreJoinedEvenInsideAMultiByteCharacter() {
    byte[] summary = "SUMMARY:国庆节假期".getBytes(UTF_8);
    // fold after the first byte of 国 (a three-byte character): CRLF + space
    byte[] folded = new byte[summary.length + 3];
    int cut = "SUMMARY:".length() + 1;
    System.arraycopy(summary, 0, folded, 0, cut);
    folded[cut] = '\r';
    folded[cut + 1] = '\n';
    folded[cut + 2] = ' ';
    System.arraycopy(summary, cut, folded, cut + 3, summary.length - cut);
    byte[] head = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n".getBytes(UTF_8);
    byte[] tail = "\nDTSTART;VALUE=DATE:20261001\nDTEND;VALUE=DATE:20261008\nEND:VEVENT\nEND:VCALENDAR\n".getBytes(UTF_8);
    byte[] text = new byte[head.length + folded.length + tail.length];
    System.arraycopy(head, 0, text, 0, head.length);
    System.arraycopy(folded, 0, text, head.length, folded.length);
    System.arraycopy(tail, 0, text, head.length + folded.length, tail.length);

    List<CalendarDay> days = ICalendarReader.read(2026, text);

    assertThat(days).hasSize(7).allMatch(d -> d.offDay() && d.name().equals("国庆节"));
    assertThat(days.get(6).date()).isEqualTo("2026-10-07"); // DTEND is exclusive
  }

  @Test
  void summaryDecidesMakeUpDayOrDayOffAndNestedComponentsAreSkipped() {
    List<CalendarDay> days = ICalendarReader.read(2027, ics(
        "BEGIN:VEVENT", "SUMMARY:补班", "DTSTART;VALUE=DATE:20270206", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:上班(补春节假期)", "DTSTART:20270220", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:单位纪念日", "DTSTART;VALUE=DATE:20270301", "DURATION:P2D",
        "BEGIN:VALARM", "DTSTART;VALUE=DATE:20270601", "END:VALARM", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:已取消", "STATUS:CANCELLED", "DTSTART;VALUE=DATE:20270401", "END:VEVENT"));

    assertThat(days).containsExactly(
        new CalendarDay(LocalDate.parse("2027-02-06"), "补班", false),
        new CalendarDay(LocalDate.parse("2027-02-20"), "春节", false),
        new CalendarDay(LocalDate.parse("2027-03-01"), "单位纪念日", true),
        new CalendarDay(LocalDate.parse("2027-03-02"), "单位纪念日", true));
  }

  @Test
  void mistakesAreReportedPerEvent() {
    List<FieldError> errors = errors(2026, ics(
        "BEGIN:VEVENT", "SUMMARY:元旦假期", "DTSTART;VALUE=DATE:20251231", "DTEND;VALUE=DATE:20260102", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:春节假期", "DTSTART;VALUE=DATE:20260215", "DTEND;VALUE=DATE:20260215", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:国庆节假期", "DTSTART;VALUE=DATE:20261001", "DTEND;VALUE=DATE:20261008", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:上班(补国庆节假期)", "DTSTART;VALUE=DATE:20261007", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:会议", "DTSTART:20260301T090000Z", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:每周", "DTSTART;VALUE=DATE:20260302", "RRULE:FREQ=WEEKLY", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:没有开始", "END:VEVENT"));

    assertThat(errors).extracting(FieldError::field).containsExactly(
        "events[0].DTSTART", "events[1].DTEND", "events[3]", "events[4].DTSTART", "events[5].RRULE", "events[6].DTSTART");
    assertThat(errors.get(0).message()).contains("2025-12-31", "不在 2026 年内");
    assertThat(errors.get(2).message()).contains("2026-10-07", "events[2]");
  }

  @Test
  void textThatIsNotAnICalendarOrNotUtf8IsRefused() {
    assertThat(errors(2026, "hello".getBytes(UTF_8))).extracting(FieldError::field).containsExactly("body");
    assertThat(errors(2026, new byte[0])).extracting(FieldError::field).containsExactly("body");
    assertThat(errors(2026, ics())).singleElement().satisfies(e -> assertThat(e.message()).contains("VEVENT"));
    byte[] latin1 = ics("BEGIN:VEVENT", "SUMMARY:caf?", "DTSTART;VALUE=DATE:20260101", "END:VEVENT");
    latin1[new String(latin1, UTF_8).indexOf('?')] = (byte) 0xE9; // é in ISO-8859-1
    assertThat(errors(2026, latin1)).singleElement().satisfies(e -> assertThat(e.message()).contains("UTF-8"));
    assertThatThrownBy(() -> ICalendarReader.read(2026, ics("BEGIN:VEVENT", "SUMMARY:x", "DTSTART;VALUE=DATE:20260101")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("END:VEVENT");
  }

  @Test
  void holidayNamesFollowTheJson() {
    assertThat(ICalendarReader.dayName("上班(补国庆节、中秋节假期)", true)).isEqualTo("国庆节、中秋节");
    assertThat(ICalendarReader.dayName("春节假期", false)).isEqualTo("春节");
    assertThat(ICalendarReader.dayName("", false)).isEqualTo("放假");
  }
}
