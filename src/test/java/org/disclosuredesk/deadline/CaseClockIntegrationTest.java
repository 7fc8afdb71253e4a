package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.disclosuredesk.route.RouteTestSupport.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.calendar.CalendarAdministration;
import org.disclosuredesk.calendar.HolidayCnYear;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Regime;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case clock through the API and the engine (issue 3 "Done when"). Expected dates are counted by
 * hand on the State Council notices: 2026 National Day 10-01…10-07 off with make-up days 09-20 and 10-10.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
class CaseClockIntegrationTest {

  @LocalServerPort int port;
  @Autowired RouteTestSupport route;
  @Autowired CaseRegister register;
  @Autowired CalendarAdministration calendars;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String register(String json) {
    // these letters are registered weeks after they arrived: the API asks why (issue 12)
    var r = api.post("reception", "/api/requests",
        json.replace("\"channel\"", "\"lateRegistrationReason\":\"信函早已签收，今日补登\",\"channel\""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("dueOn").asText();
  }

  @Test
  void aLetterReceivedBeforeNationalDayIsDueAfterIt() {
    at("2026-11-02T09:00");
    assertThat(register(RequestJson.WALK_IN.replace("IN_PERSON", "LETTER").replace("2026-03-02", "2026-09-24")))
        .isEqualTo("2026-10-29");
  }

  @Test
  void aWalkInOnASaturdayCountsFromTheNextDay() {
    at("2026-03-09T09:00");
    // Saturday 03-07: Monday 03-09 is day 1, day 20 is Friday 04-03
    assertThat(register(RequestJson.WALK_IN.replace("2026-03-02", "2026-03-07"))).isEqualTo("2026-04-03");
  }

  @Test
  void aCaseReceivedBeforeTheRevisionGetsFifteenWorkingDays() {
    at("2026-03-02T09:00");
    // 2019 has no calendar data here (weekends only): 05-10 (Friday) + 15 working days = 05-31
    assertThat(register(RequestJson.WALK_IN.replace("2026-03-02", "2019-05-10"))).isEqualTo("2019-05-31");
    assertThat(Regime.forReceiptDate(LocalDate.of(2019, 5, 10))).isEqualTo(Regime.R2007);
    assertThat(Regime.forReceiptDate(LocalDate.of(2019, 5, 15))).isEqualTo(Regime.R2019);
  }

  @Test
  void aCalendarChangeMovesTheDueDatesOfOpenCasesAndTheirTimers() throws Exception {
    at("2026-03-02T09:00");
    ProcessInstance pi = route.registerWalkIn("城市规划文件");
    route.acceptFor(pi, "planning");
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
    HolidayCnYear official = official2026();
    try {
      // Given an administrator declares Monday 03-16 a day off
      List<HolidayCnYear.Day> days = new ArrayList<>(official.days());
      days.add(new HolidayCnYear.Day("临时调整", "2026-03-16", true));
      calendars.replaceYear("default", 2026, new HolidayCnYear(2026, official.papers(), days), "admin");
      // Then the open case is due one working day later, says so, and its timers moved with it
      assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
      assertThat(register.timeline("default", pi.getBusinessKey()))
          .anySatisfy(e -> assertThat(e.detail()).contains("2026-03-30").contains("2026-03-31").contains("节假日"));
      assertThat(route.timers(pi, "Timer_ReplyDeadline").get(0).getDuedate()).isEqualTo(instant("2026-03-31T09:00"));
      assertThat(route.task(pi, "Task_HandleRequest").getDueDate()).isEqualTo(instant("2026-03-31T18:00"));
    } finally {
      calendars.replaceYear("default", 2026, official, "admin");
    }
    assertThat(route.caseOf(pi).dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  private static HolidayCnYear official2026() throws Exception {
    try (InputStream in = CaseClockIntegrationTest.class.getResourceAsStream("/calendar/2026.json")) {
      return new ObjectMapper().readValue(in, HolidayCnYear.class);
    }
  }
}
