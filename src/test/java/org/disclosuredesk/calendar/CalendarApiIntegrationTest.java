package org.disclosuredesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.disclosuredesk.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar API in the running application (test profile: in-memory H2, demo users). Each test
 * changes a year of its own, so the order of the tests does not matter.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiIntegrationTest {

  /** What a {@link CalendarChanged} listener saw: the event, whether it ran in a transaction, the new data. */
  record Seen(CalendarChanged event, boolean inTransaction, boolean officialDataVisible) {}

  /** A listener like the one that recomputes open cases; it fails for 2031 to show the change rolls back. */
  static class ChangeListener {
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final WorkingDayCalendar calendar;

    ChangeListener(WorkingDayCalendar calendar) {
      this.calendar = calendar;
    }

    @EventListener
    void on(CalendarChanged event) {
      seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive(),
          calendar.hasOfficialData(event.agencyCode(), event.year())));
      if (event.year() == 2031) {
        throw new IllegalStateException("recomputing open cases failed");
      }
    }

    List<Seen> about(int year) {
      return seen.stream().filter(s -> s.event().year() == year).toList();
    }
  }

  @TestConfiguration
  static class Listeners {
    @Bean
    ChangeListener recordingCalendarChangeListener(WorkingDayCalendar calendar) {
      return new ChangeListener(calendar);
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired ChangeListener listener;
  @Autowired CalendarAdministration administration;
  @Autowired WorkingDayCalendar calendar;
  private final ObjectMapper json = new ObjectMapper();

  private TestRestTemplate admin() {
    return rest.withBasicAuth("admin", "admin");
  }

  private TestRestTemplate reception() {
    return rest.withBasicAuth("reception", "reception");
  }

  private JsonNode get(TestRestTemplate as, String url, HttpStatus expected) throws IOException {
    ResponseEntity<String> r = as.getForEntity(url, String.class);
    assertThat(r.getStatusCode()).as("GET %s: %s", url, r.getBody()).isEqualTo(expected);
    return json.readTree(r.getBody());
  }

  private JsonNode put(TestRestTemplate as, int year, String contentType, String body, HttpStatus expected) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    ResponseEntity<String> r = as.exchange("/api/calendar/" + year, HttpMethod.PUT,
        new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    assertThat(r.getStatusCode()).as("PUT %d: %s", year, r.getBody()).isEqualTo(expected);
    return json.readTree(r.getBody());
  }

  private String dueOn(String from, int workingDays) throws IOException {
    return get(reception(), "/api/calendar/due-date?from=" + from + "&workingDays=" + workingDays, HttpStatus.OK).get("dueOn").asText();
  }

  private static List<String> fields(JsonNode errors) {
    List<String> fields = new ArrayList<>();
    errors.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  void theBundledYearsWereLoadedAtStartAsACalendarChange() {
    // each agency of the platform gets the bundled years once (the demo has two: default and housing)
    for (String agency : java.util.List.of("default", "housing")) {
      assertThat(listener.seen).filteredOn(s -> s.event().changedBy().equals(CalendarChanged.SYSTEM))
          .filteredOn(s -> s.event().agencyCode().equals(agency))
          .extracting(s -> s.event().year()).containsExactlyInAnyOrder(2024, 2025, 2026);
    }
    assertThat(listener.seen).allMatch(Seen::inTransaction);
  }

  @Test
  void dueDateAndWorkingDayForAnySignedInUser() throws IOException {
    JsonNode due = get(reception(), "/api/calendar/due-date?from=2026-09-24&workingDays=20", HttpStatus.OK);
    assertThat(due.toString()).isEqualTo("{\"from\":\"2026-09-24\",\"workingDays\":20,\"dueOn\":\"2026-10-29\"}");
    assertThat(dueOn("2025-09-30", 3)).isEqualTo("2025-10-11");
    assertThat(dueOn("2026-10-01", 0)).isEqualTo("2026-10-01");

    JsonNode makeUp = get(reception(), "/api/calendar/working-day?date=2026-10-10", HttpStatus.OK);
    assertThat(makeUp.toString()).isEqualTo("{\"date\":\"2026-10-10\",\"workingDay\":true,\"officialData\":true}");
    JsonNode holiday = get(reception(), "/api/calendar/working-day?date=2026-10-01", HttpStatus.OK);
    assertThat(holiday.get("workingDay").asBoolean()).isFalse();

    JsonNode year = get(reception(), "/api/calendar/2026", HttpStatus.OK);
    assertThat(year.get("officialData").asBoolean()).isTrue();
    assertThat(year.get("daysOff")).hasSize(33);
    assertThat(year.get("makeUpWorkingDays").toString()).startsWith("[{\"date\":\"2026-01-04\",\"name\":\"元旦\"}");
  }

  @Test
  void badQueriesAreAnsweredWithFieldErrors() throws IOException {
    assertThat(fields(get(reception(), "/api/calendar/due-date?from=2026-13-01&workingDays=5", HttpStatus.BAD_REQUEST))).containsExactly("from");
    assertThat(fields(get(reception(), "/api/calendar/due-date?workingDays=5", HttpStatus.BAD_REQUEST))).containsExactly("from");
    assertThat(fields(get(reception(), "/api/calendar/due-date?from=2026-01-05&workingDays=1001", HttpStatus.BAD_REQUEST))).containsExactly("workingDays");
    assertThat(fields(get(reception(), "/api/calendar/due-date?from=2026-01-05&workingDays=-1", HttpStatus.BAD_REQUEST))).containsExactly("workingDays");
    assertThat(fields(get(reception(), "/api/calendar/due-date?from=2026-01-05&workingDays=x", HttpStatus.BAD_REQUEST))).containsExactly("workingDays");
    assertThat(fields(get(reception(), "/api/calendar/due-date?from=+999999-01-05&workingDays=1", HttpStatus.BAD_REQUEST))).containsExactly("from");
    assertThat(fields(get(reception(), "/api/calendar/working-day?date=26-1-5", HttpStatus.BAD_REQUEST))).containsExactly("date");
    assertThat(fields(get(reception(), "/api/calendar/twenty", HttpStatus.BAD_REQUEST))).containsExactly("year");
    assertThat(fields(get(reception(), "/api/calendar/99999", HttpStatus.BAD_REQUEST))).containsExactly("year");
  }

  @Test
  void signInIsRequiredAndOnlyAdminsReplaceACalendar() throws IOException {
    assertThat(fields(get(rest, "/api/calendar/due-date?from=2026-09-24&workingDays=20", HttpStatus.UNAUTHORIZED)))
        .containsExactly("authorization");
    String body = "{\"year\":2030,\"days\":[{\"name\":\"国庆节\",\"date\":\"2030-10-01\",\"isOffDay\":true}]}";
    assertThat(fields(put(reception(), 2030, "application/json", body, HttpStatus.FORBIDDEN))).containsExactly("authorization");
    assertThat(calendar.hasOfficialData("default", 2030)).isFalse();
  }

  @Test
  void anAdminAddsA2027HolidayAsJsonAndTheDueDateMoves() throws IOException {
    assertThat(dueOn("2027-09-30", 1)).isEqualTo("2027-10-01"); // 2027: weekends only
    assertThat(get(reception(), "/api/calendar/2027", HttpStatus.OK).get("officialData").asBoolean()).isFalse();
    String body = """
        {"year": 2027, "papers": [], "days": [
          {"name": "国庆节", "date": "2027-09-26", "isOffDay": false},
          {"name": "国庆节", "date": "2027-10-01", "isOffDay": true}, {"name": "国庆节", "date": "2027-10-02", "isOffDay": true},
          {"name": "国庆节", "date": "2027-10-03", "isOffDay": true}, {"name": "国庆节", "date": "2027-10-04", "isOffDay": true},
          {"name": "国庆节", "date": "2027-10-05", "isOffDay": true}, {"name": "国庆节", "date": "2027-10-06", "isOffDay": true},
          {"name": "国庆节", "date": "2027-10-07", "isOffDay": true}]}""";

    JsonNode summary = put(admin(), 2027, "application/json", body, HttpStatus.OK);

    assertThat(summary.toString()).isEqualTo("{\"year\":2027,\"daysOffCount\":7,\"makeUpWorkingDaysCount\":1,\"officialData\":true}");
    assertThat(dueOn("2027-09-30", 1)).isEqualTo("2027-10-08");
    assertThat(dueOn("2027-09-24", 1)).isEqualTo("2027-09-26"); // Friday -> the make-up Sunday
    JsonNode year = get(reception(), "/api/calendar/2027", HttpStatus.OK);
    assertThat(year.get("officialData").asBoolean()).isTrue();
    assertThat(year.get("makeUpWorkingDays").toString()).isEqualTo("[{\"date\":\"2027-09-26\",\"name\":\"国庆节\"}]");
    assertThat(listener.about(2027)).singleElement()
        .isEqualTo(new Seen(new CalendarChanged("default", 2027, "admin"), true, true));
  }

  @Test
  void anAdminReplacesAYearWithAnICalendarFile() throws IOException {
    assertThat(dueOn("2028-01-28", 1)).isEqualTo("2028-01-31");
    String ics = String.join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-CALDESC:虚构的 2028 年放假安排，用于测试折", " 行",
        "BEGIN:VEVENT", "SUMMARY:春节", " 假期", "DTSTART;VALUE=DATE:20280125", "DTEND;VALUE=DATE:20280202", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:上班(补春节假期)", "DTSTART;VALUE=DATE:20280205", "DTEND;VALUE=DATE:20280206", "END:VEVENT",
        "END:VCALENDAR", "");

    JsonNode summary = put(admin(), 2028, "text/calendar; charset=UTF-8", ics, HttpStatus.OK);

    assertThat(summary.get("daysOffCount").asInt()).isEqualTo(8);
    assertThat(summary.get("makeUpWorkingDaysCount").asInt()).isEqualTo(1);
    assertThat(dueOn("2028-01-28", 1)).isEqualTo("2028-02-02");
    assertThat(dueOn("2028-02-04", 1)).isEqualTo("2028-02-05"); // Saturday make-up day
    assertThat(get(reception(), "/api/calendar/2028", HttpStatus.OK).get("daysOff").get(0).toString())
        .isEqualTo("{\"date\":\"2028-01-25\",\"name\":\"春节\"}");
    assertThat(listener.about(2028)).extracting(s -> s.event().changedBy()).containsExactly("admin");
  }

  @Test
  void theVendorJsonFileIsAcceptedAsItIs() throws IOException {
    String vendor;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("calendar/2026.json")) {
      vendor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonNode summary = put(admin(), 2026, "application/json", vendor, HttpStatus.OK);
    assertThat(summary.toString()).isEqualTo("{\"year\":2026,\"daysOffCount\":33,\"makeUpWorkingDaysCount\":6,\"officialData\":true}");
    assertThat(dueOn("2026-09-24", 20)).isEqualTo("2026-10-29");
  }

  @Test
  void invalidBodiesAreRefusedWithFieldErrorsAndChangeNothing() throws IOException {
    String before = get(reception(), "/api/calendar/2025", HttpStatus.OK).toString();
    int eventsBefore = listener.seen.size();

    String wrong = """
        {"year": 2024, "days": [
          {"name": "元旦", "date": "2025-01-01", "isOffDay": true},
          {"name": "春节", "date": "2025-02-30", "isOffDay": true},
          {"name": "春节", "date": "2024-02-10", "isOffDay": true},
          {"name": "元旦", "date": "2025-01-01", "isOffDay": false}]}""";
    JsonNode errors = put(admin(), 2025, "application/json", wrong, HttpStatus.BAD_REQUEST);
    assertThat(fields(errors)).containsExactly("year", "days[1].date", "days[2].date", "days[3].date");
    assertThat(errors.get("errors").get(0).get("message").asText()).isEqualTo("与地址中的年份 2025 不一致");

    assertThat(fields(put(admin(), 2025, "application/json", "{\"year\":2025,\"days\":[{\"name\":\"元旦\",\"date\":\"2025-01-01\",\"isOffDay\":true,\"x\":1}]}",
        HttpStatus.BAD_REQUEST))).containsExactly("days[0].x");
    assertThat(fields(put(admin(), 2025, "application/json", "{\"year\":2025,", HttpStatus.BAD_REQUEST))).containsExactly("body");
    assertThat(fields(put(admin(), 2025, "application/json", "{\"year\":2025,\"days\":[]}", HttpStatus.BAD_REQUEST))).containsExactly("days");
    assertThat(fields(put(admin(), 2025, "text/calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20240101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        HttpStatus.BAD_REQUEST))).containsExactly("events[0].DTSTART");
    assertThat(fields(put(admin(), 2025, "text/calendar", "", HttpStatus.BAD_REQUEST))).containsExactly("body");
    assertThat(fields(put(admin(), 2025, "text/plain", "2025", HttpStatus.UNSUPPORTED_MEDIA_TYPE))).containsExactly("Content-Type");
    assertThat(fields(put(admin(), 1800, "application/json", "{\"year\":1800,\"days\":[]}", HttpStatus.BAD_REQUEST))).contains("year");

    assertThat(get(reception(), "/api/calendar/2025", HttpStatus.OK).toString()).isEqualTo(before);
    assertThat(listener.seen).hasSize(eventsBefore);
  }

  @Test
  void aFailingListenerRollsTheChangeBack() {
    HolidayCnYear body = new HolidayCnYear(2031, null, List.of(new HolidayCnYear.Day("元旦", "2031-01-01", true)));

    assertThatThrownBy(() -> administration.replaceYear("default", 2031, body, "admin"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("recomputing");

    assertThat(listener.about(2031)).singleElement().satisfies(s -> assertThat(s.officialDataVisible()).isTrue());
    assertThat(calendar.hasOfficialData("default", 2031)).isFalse();
    assertThat(calendar.isWorkingDay("default", LocalDate.parse("2031-01-01"))).isTrue();
    assertThat(administration.year("default", 2031).officialData()).isFalse();
  }

  @Test
  void theServiceChecksItsInputToo() {
    assertThatThrownBy(() -> administration.replaceYearFromICalendar("default", 2032, "nothing".getBytes(StandardCharsets.UTF_8), "admin"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(calendar.hasOfficialData("default", 2032)).isFalse();
  }
}
