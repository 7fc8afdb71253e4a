package org.disclosuredesk.calendar;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.agency.CallerAgency;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calendar}: due dates and working days for anyone signed in; replacing a year for platform
 * administrators and the agency's own administrators (SecurityConfiguration). Each agency has its own
 * calendar: the caller's, or one of theirs named by {@code ?agency=}.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  static final String TEXT_CALENDAR = "text/calendar";
  static final int MAX_WORKING_DAYS = 1000;

  private final WorkingDayCalendar calendar;
  private final CalendarAdministration administration;
  private final CallerAgency callerAgency;

  CalendarController(WorkingDayCalendar calendar, CalendarAdministration administration, CallerAgency callerAgency) {
    this.calendar = calendar;
    this.administration = administration;
    this.callerAgency = callerAgency;
  }

  /** Each agency has its own calendar (its overrides): the caller's, or the one named by {@code ?agency=}. */
  private String agencyOf(String requested) {
    return callerAgency.of(CurrentUser.get(), requested);
  }

  record DueDate(LocalDate from, int workingDays, LocalDate dueOn) {}

  record WorkingDay(LocalDate date, boolean workingDay, boolean officialData) {}

  @GetMapping("/due-date")
  DueDate dueDate(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam int workingDays,
      @RequestParam(required = false) String agency) {
    String agencyCode = agencyOf(agency);
    CalendarYears.checkDate("from", from);
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new InvalidInputException("workingDays", "应在 0 到 " + MAX_WORKING_DAYS + " 之间");
    }
    return new DueDate(from, workingDays, calendar.addWorkingDays(agencyCode, from, workingDays));
  }

  @GetMapping("/working-day")
  WorkingDay workingDay(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate date,
      @RequestParam(required = false) String agency) {
    String agencyCode = agencyOf(agency);
    CalendarYears.checkDate("date", date);
    return new WorkingDay(date, calendar.isWorkingDay(agencyCode, date), calendar.hasOfficialData(agencyCode, date.getYear()));
  }

  @GetMapping("/{year}")
  CalendarYearView year(@PathVariable int year, @RequestParam(required = false) String agency) {
    return administration.year(agencyOf(agency), year);
  }

  @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CalendarReplaced replaceFromJson(@PathVariable int year, @RequestBody HolidayCnYear body, Principal user,
      @RequestParam(required = false) String agency) {
    return administration.replaceYear(agencyOf(agency), year, body, user.getName());
  }

  @PutMapping(path = "/{year}", consumes = TEXT_CALENDAR)
  CalendarReplaced replaceFromICalendar(@PathVariable int year, @RequestBody byte[] body, Principal user,
      @RequestParam(required = false) String agency) {
    return administration.replaceYearFromICalendar(agencyOf(agency), year, body, user.getName());
  }

  /**
   * Any other content type: refused here rather than by Spring's mapping, so that the 415 has the
   * API's error format (the error advice applies to our handlers only).
   */
  @PutMapping("/{year}")
  void otherContentType(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
      throws HttpMediaTypeNotSupportedException {
    MediaType given;
    try {
      given = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      given = null;
    }
    throw new HttpMediaTypeNotSupportedException(given, List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType(TEXT_CALENDAR)),
        HttpMethod.PUT);
  }
}
