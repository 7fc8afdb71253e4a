package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.supervision.CaseStatistics.Concluded;
import org.disclosuredesk.supervision.Charts.DepartmentTimeliness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timeliness per department counts replies only: a case closed without a reply (withdrawn, deemed
 * abandoned, fee unpaid) is concluded, but neither on time nor late and has no days to reply.
 * Weekdays-only calendar; 2030-03-04 is a Monday.
 */
class ChartsTest {

  static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);

  final CaseStatistics statistics = mock(CaseStatistics.class);
  static final List<String> DEFAULT = List.of("default");
  final Departments departments = mock(Departments.class);
  final Charts charts = new Charts(statistics, new CaseWatchTest.WeekdaysOnly(), departments, mock(Agencies.class));

  @BeforeEach
  void departmentNames() {
    when(departments.name("planning")).thenReturn("规划和自然资源科");
    when(departments.name("finance")).thenReturn("财政科");
    when(departments.name("office")).thenReturn("办公室");
  }

  @Test
  void aWithdrawnCaseWithoutDepartmentIsConcludedButNeitherOnTimeNorCountedInTheAverage() {
    given(withdrawn(null, Outcome.OTHER));

    DepartmentTimeliness none = only(charts.of(DEFAULT, 2030).departments());

    assertThat(none.name()).isEqualTo("未分办");
    assertThat(none.concluded()).isEqualTo(1);
    assertThat(none.replied()).isZero();
    assertThat(none.withDueDate()).isZero();
    assertThat(none.onTime()).isZero();
    assertThat(none.onTimeRate()).as("no reply: no on-time rate, not 100 %").isNull();
    assertThat(none.averageWorkingDays()).as("no reply: no average, not 0 days").isNull();
  }

  @Test
  void onTimeRateAndAverageCountOnlyTheDepartmentsReplies() {
    given(
        // replied in 5 working days, before the due date
        new Concluded("default", "planning", "DISCLOSE", MONDAY, MONDAY.plusDays(28), MONDAY.plusDays(7), MONDAY.plusDays(9)),
        // replied in 15 working days, a week after the due date
        new Concluded("default", "planning", "PARTIAL", MONDAY, MONDAY.plusDays(14), MONDAY.plusDays(21), MONDAY.plusDays(22)),
        // closed the same day it was received, without any reply: would have been "on time with 0 days"
        withdrawn("planning", Outcome.OTHER),
        withdrawn("planning", Outcome.ABANDONED_NO_CORRECTION),
        withdrawn("planning", Outcome.ABANDONED_FEE_UNPAID));

    DepartmentTimeliness planning = only(charts.of(DEFAULT, 2030).departments());

    assertThat(planning.name()).isEqualTo("规划和自然资源科");
    assertThat(planning.concluded()).isEqualTo(5);
    assertThat(planning.replied()).isEqualTo(2);
    assertThat(planning.withDueDate()).isEqualTo(2);
    assertThat(planning.onTime()).isEqualTo(1);
    assertThat(planning.onTimeRate()).isEqualTo(50.0);
    assertThat(planning.averageWorkingDays()).isEqualTo(10.0);
  }

  @Test
  void aReplyWithoutDueDateCountsInTheAverageButNotInTheRate() {
    given(new Concluded("default", "finance", "DISCLOSE", MONDAY, null, MONDAY.plusDays(2), MONDAY.plusDays(2)));

    DepartmentTimeliness finance = only(charts.of(DEFAULT, 2030).departments());

    assertThat(finance.replied()).isEqualTo(1);
    assertThat(finance.withDueDate()).isZero();
    assertThat(finance.onTimeRate()).isNull();
    assertThat(finance.averageWorkingDays()).isEqualTo(2.0);
  }

  @Test
  void theDepartmentsExportHasTheRepliesAndEmptyCellsWhereThereAreNone() {
    given(withdrawn(null, Outcome.OTHER),
        new Concluded("default", "office", "DISCLOSE", MONDAY, MONDAY.plusDays(28), MONDAY.plusDays(1), MONDAY.plusDays(1)));

    String csv = new String(charts.departmentsSheet(DEFAULT, 2030).csv(), StandardCharsets.UTF_8);

    assertThat(csv).contains("承办部门,办结数,答复数,有答复期限的答复,按期答复数,按期率（%）,平均办理工作日\r\n",
        "\r\n办公室,1,1,1,1,100.0,1.0\r\n", "\r\n未分办,1,0,0,0,,\r\n");
  }

  void given(Concluded... cases) {
    when(statistics.concludedIn(DEFAULT, 2030)).thenReturn(List.of(cases));
    when(statistics.receivedPerMonth(DEFAULT, 2030)).thenReturn(new int[12]);
    when(statistics.concludedPerMonth(DEFAULT, 2030)).thenReturn(new int[12]);
  }

  static Concluded withdrawn(String department, Outcome outcome) {
    return new Concluded("default", department, outcome.name(), MONDAY, MONDAY.plusDays(28), null, MONDAY);
  }

  static DepartmentTimeliness only(List<DepartmentTimeliness> departments) {
    assertThat(departments).hasSize(1);
    return departments.get(0);
  }
}
