package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.agency.Departments;
import org.junit.jupiter.api.Test;

/** The deadline watch on a calendar of weekdays only, with today a Friday. */
class CaseWatchTest {

  static final LocalDate FRIDAY = LocalDate.of(2030, 3, 8);
  static final List<String> DEFAULT = List.of("default");

  final OpenCaseQuery query = mock(OpenCaseQuery.class);
  final AgencyProperties agency = new AgencyProperties("default", "", "GK", ZoneId.of("Asia/Shanghai"));
  final AgencyClock clock = new AgencyClock(
      Clock.fixed(FRIDAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai")), agency);
  final Departments departments = mock(Departments.class);
  final CaseWatch watch = new CaseWatch(query, new WeekdaysOnly(), clock, departments);

  @Test
  void dueSoonAsksTheRegisterForDueDatesBeforeTheFourthWorkingDayAndKeepsThoseWithinThree() {
    when(query.find(eq(DEFAULT), any(), eq(FRIDAY), eq(LocalDate.of(2030, 3, 14))))
        .thenReturn(List.of(row("A", FRIDAY.plusDays(5)), row("B", FRIDAY), row("C", FRIDAY.plusDays(3))));

    List<SupervisedCase> soon = watch.list(DEFAULT, criteria(CaseFilter.DUE_SOON, false));

    // Monday (Friday + 3 days) is 1 working day away, Wednesday 3
    assertThat(soon).extracting(SupervisedCase::caseNumber).containsExactly("B", "C", "A");
    assertThat(soon).extracting(SupervisedCase::workingDaysLeft).containsExactly(0, 1, 3);
    verify(query).find(eq(DEFAULT), any(), eq(FRIDAY), eq(LocalDate.of(2030, 3, 14)));
  }

  @Test
  void overdueIsFromTheDayAfterTheDueDateEvenWithoutAWorkingDayBetween() {
    LocalDate saturday = FRIDAY.plusDays(1);
    AgencyClock weekend = new AgencyClock(
        Clock.fixed(saturday.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai")), agency);
    CaseWatch onSaturday = new CaseWatch(query, new WeekdaysOnly(), weekend, departments);
    when(query.find(eq(DEFAULT), any(), eq(null), eq(saturday)))
        .thenReturn(List.of(row("F", FRIDAY), row("W", FRIDAY.minusDays(2))));

    List<SupervisedCase> overdue = onSaturday.list(DEFAULT, criteria(CaseFilter.OVERDUE, false));

    // W was due Wednesday: Thursday and Friday have passed since; F was due yesterday, a Friday
    assertThat(overdue).extracting(SupervisedCase::caseNumber).containsExactly("W", "F");
    assertThat(overdue).extracting(SupervisedCase::workingDaysLeft).containsExactly(-2, 0);
    assertThat(overdue).allMatch(SupervisedCase::overdue);
  }

  @Test
  void casesWithoutDueDateComeLastInEitherOrder() {
    when(query.find(eq(DEFAULT), any(), eq(null), eq(null)))
        .thenReturn(List.of(row("N", null), row("X", FRIDAY.plusDays(3)), row("Y", FRIDAY.minusDays(7))));

    assertThat(watch.list(DEFAULT, criteria(CaseFilter.OPEN, false))).extracting(SupervisedCase::caseNumber)
        .containsExactly("Y", "X", "N");
    assertThat(watch.list(DEFAULT, criteria(CaseFilter.OPEN, true))).extracting(SupervisedCase::caseNumber)
        .containsExactly("X", "Y", "N");
  }

  @Test
  void overSeveralAgenciesEachCaseCountsOnItsOwnAgencysCalendar() {
    // Given agency b has Monday 2030-03-11 off, agency a does not
    LocalDate monday = FRIDAY.plusDays(3);
    WeekdaysOnly weekdays = new WeekdaysOnly();
    WorkingDayCalendar calendars = new WeekdaysOnly() {
      @Override
      public boolean isWorkingDay(String agencyCode, LocalDate date) {
        return !(agencyCode.equals("b") && date.equals(monday)) && weekdays.isWorkingDay(agencyCode, date);
      }
    };
    CaseWatch city = new CaseWatch(query, calendars, clock, departments);
    LocalDate thursday = FRIDAY.plusDays(6);
    // the register is asked once for both agencies, up to the later of their fourth working days (b: Friday)
    when(query.find(eq(List.of("a", "b")), any(), eq(FRIDAY), eq(thursday.plusDays(1))))
        .thenReturn(List.of(row("a", "A-THU", thursday), row("b", "B-THU", thursday), row("b", "B-FRI", thursday.plusDays(1))));

    List<SupervisedCase> soon = city.list(List.of("a", "b"), criteria(CaseFilter.DUE_SOON, false));

    // Thursday is 3 working days away for b (Tuesday, Wednesday, Thursday) but 4 for a
    assertThat(soon).extracting(SupervisedCase::caseNumber).containsExactly("B-THU");
    assertThat(soon).extracting(SupervisedCase::agencyCode).containsExactly("b");
    assertThat(soon).extracting(SupervisedCase::workingDaysLeft).containsExactly(3);
  }

  static CaseListCriteria criteria(CaseFilter filter, boolean descending) {
    return new CaseListCriteria(filter, null, null, null, descending);
  }

  static OpenCaseRow row(String number, LocalDate dueOn) {
    return row("default", number, dueOn);
  }

  static OpenCaseRow row(String agency, String number, LocalDate dueOn) {
    return new OpenCaseRow(agency, number, null, "planning", FRIDAY.minusDays(30), dueOn, CaseStatus.IN_HANDLING,
        Channel.ONLINE, "申请人", ApplicantType.NATURAL_PERSON, null, null, null);
  }

  /** Monday to Friday, no holidays. */
  static class WeekdaysOnly implements WorkingDayCalendar {
    @Override
    public boolean isWorkingDay(String agencyCode, LocalDate date) {
      return date.getDayOfWeek().getValue() <= 5;
    }

    @Override
    public LocalDate addWorkingDays(String agencyCode, LocalDate from, int n) {
      LocalDate d = from;
      for (int i = 0; i < n; ) {
        d = d.plusDays(1);
        if (isWorkingDay(agencyCode, d)) {
          i++;
        }
      }
      return d;
    }

    @Override
    public int workingDaysBetween(String agencyCode, LocalDate from, LocalDate to) {
      if (to.isBefore(from)) {
        return -workingDaysBetween(agencyCode, to, from);
      }
      int n = 0;
      for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
        if (isWorkingDay(agencyCode, d)) {
          n++;
        }
      }
      return n;
    }

    @Override
    public LocalDate onOrNextWorkingDay(String agencyCode, LocalDate date) {
      return isWorkingDay(agencyCode, date) ? date : addWorkingDays(agencyCode, date, 1);
    }

    @Override
    public boolean hasOfficialData(String agencyCode, int year) {
      return false;
    }
  }
}
