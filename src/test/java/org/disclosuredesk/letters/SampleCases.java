package org.disclosuredesk.letters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.casefile.NewCase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Sample cases straight into the register (independent of the route), and a weekends-only calendar. */
public final class SampleCases {

  public static final String AGENCY = "default";
  public static final String DESCRIPTION = "2026年度本市老旧小区改造项目清单及资金安排";

  private SampleCases() {}

  /** 张三, resident ID, department planning, due date set, received on {@code receivedOn}. */
  public static String create(CaseRegister register, LocalDate receivedOn, String email) {
    return create(register, receivedOn, email, "张三", "110101199003071234", "planning");
  }

  public static String create(CaseRegister register, LocalDate receivedOn, String email, String name, String idNumber,
      String department) {
    String number = register.allocateNumber(AGENCY, "GK", receivedOn.getYear());
    Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, name, IdType.RESIDENT_ID, idNumber,
        "13800138000", email, "示例市中山路1号", null);
    register.insert(new NewCase(AGENCY, number, Channel.IN_PERSON, receivedOn, applicant, DESCRIPTION, "了解小区改造安排",
        InfoFormat.PAPER, Delivery.EMAIL, department, null, "reception"));
    register.setDueOn(AGENCY, number, receivedOn.plusDays(28));
    return number;
  }

  /** Monday to Friday are working days; enough for these tests, whatever the calendar feature ships. */
  @TestConfiguration
  public static class WeekendCalendar {
    @Bean
    @Primary
    WorkingDayCalendar weekendsOnlyCalendar() {
      return new WorkingDayCalendar() {
        @Override
        public boolean isWorkingDay(String agencyCode, LocalDate date) {
          return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public LocalDate addWorkingDays(String agencyCode, LocalDate from, int n) {
          LocalDate d = from;
          int step = n >= 0 ? 1 : -1;
          for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(agencyCode, d)) {
              left--;
            }
          }
          return d;
        }

        @Override
        public int workingDaysBetween(String agencyCode, LocalDate from, LocalDate to) {
          int count = 0;
          for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            count += isWorkingDay(agencyCode, d) ? 1 : 0;
          }
          return count;
        }

        @Override
        public LocalDate onOrNextWorkingDay(String agencyCode, LocalDate date) {
          return isWorkingDay(agencyCode, date) ? date : addWorkingDays(agencyCode, date, 1);
        }

        @Override
        public boolean hasOfficialData(String agencyCode, int year) {
          return false;
        }
      };
    }
  }
}
