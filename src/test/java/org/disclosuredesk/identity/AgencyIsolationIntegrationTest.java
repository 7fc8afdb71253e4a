package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.identity.EngineDoors.Answer;
import org.disclosuredesk.identity.EngineDoors.Door;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10: users of one agency never see another agency's cases or tasks — through our API, the
 * engine's REST API, the webapps' session API (Tasklist, Cockpit) and the pages — while the city
 * supervisor sees both agencies' cases. One case of each agency waits at Task_HandleRequest; every
 * door is asked as each agency's people, about their own case (found) and the other's (not found).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgencyIsolationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RouteTestSupport route;
  @Autowired CaseRegistration registration;
  EngineDoors doors;
  ProcessInstance ours;
  ProcessInstance theirs;
  final List<String> leaks = new ArrayList<>();

  @BeforeEach
  void givenOneOpenCaseAtEachAgency() {
    doors = new EngineDoors(port);
    RouteTestSupport.at("2026-12-01T09:00");
    ours = route.registerWalkIn("本区2025年城市规划调整方案的批复文件");
    route.acceptFor(ours, "planning");
    theirs = route.instanceOf(registration.registerAndStart("housing",
        RouteTestSupport.walkIn("2025年公共租赁住房分配名单", null), null, "housing-reception").caseNumber());
    route.acceptFor(theirs, "housing-dept");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOtherAgencysCaseIsNotFoundThroughOurApi() {
    String gk = ours.getBusinessKey();
    String zj = theirs.getBusinessKey();
    assertThat(gk).startsWith("GK-");
    assertThat(zj).startsWith("ZJ-");
    for (String[] own : new String[][] {{"reception", gk, zj}, {"supervisor", gk, zj}, {"officer-planning", gk, zj},
        {"housing-reception", zj, gk}, {"housing-supervisor", zj, gk}, {"housing-officer", zj, gk}}) {
      Door api = doors.basic(own[0], "/api");
      expect(api, "GET", "/requests/" + own[1], 200);
      expect(api, "GET", "/requests/" + own[2], 404);
      expect(api, "GET", "/requests/" + own[2] + "/letters", 404);
      expect(api, "GET", "/requests/" + own[2] + "/receipt", 404);
    }
    // changes to the other agency's case: 404, and nothing recorded
    expect(doors.basic("reception", "/api"), "POST", "/requests/" + zj + "/withdrawal", "{\"note\":\"申请人撤回\"}", 404);
    expect(doors.basic("housing-reception", "/api"), "POST", "/requests/" + gk + "/verification-code", "{}", 404);

    // supervision lists: each agency's supervisor its own; another agency named: 403; the city both
    assertThat(doors.basic("supervisor", "/api").send("GET", "/supervision/cases", null).body()).contains(gk).doesNotContain(zj);
    assertThat(doors.basic("housing-supervisor", "/api").send("GET", "/supervision/cases", null).body()).contains(zj).doesNotContain(gk);
    expect(doors.basic("housing-supervisor", "/api"), "GET", "/supervision/cases?agency=default", 403);
    expect(doors.basic("supervisor", "/api"), "GET", "/supervision/cases?agency=all", 403);
    assertThat(doors.basic("city-supervisor", "/api").send("GET", "/supervision/cases?agency=all", null).body())
        .contains(gk, zj);
    assertThat(doors.basic("city-supervisor", "/api").send("GET", "/supervision/cases?agency=housing", null).body())
        .contains(zj).doesNotContain(gk);
    assertThat(leaks).isEmpty();
  }

  @Test
  void theEngineShowsNoTaskInstanceOrHistoryOfTheOtherAgency() {
    Task gkTask = route.task(ours, "Task_HandleRequest");
    Task zjTask = route.task(theirs, "Task_HandleRequest");
    assertThat(gkTask.getTenantId()).isEqualTo("default");
    assertThat(zjTask.getTenantId()).isEqualTo("housing");

    for (String user : List.of("officer-planning", "housing-officer", "reception", "housing-reception",
        "supervisor", "housing-supervisor")) {
      boolean housing = user.startsWith("housing");
      Task own = housing ? zjTask : gkTask;
      Task other = housing ? gkTask : zjTask;
      ProcessInstance otherCase = housing ? ours : theirs;
      for (Door door : List.of(doors.engineRest(user), doors.webapp(user, "tasklist"))) {
        mustNotList(door, "/task?processInstanceBusinessKey=" + otherCase.getBusinessKey(), other.getId());
        mustNotList(door, "/task", other.getId());
        mustNotList(door, "/process-instance?businessKey=" + otherCase.getBusinessKey(), otherCase.getId());
        mustNotList(door, "/history/process-instance?processInstanceBusinessKey=" + otherCase.getBusinessKey(),
            otherCase.getId());
        mustNotList(door, "/history/task?processInstanceId=" + otherCase.getId(), other.getId());
        mustNotList(door, "/history/variable-instance?processInstanceId=" + otherCase.getId(), otherCase.getBusinessKey());
        expectRefused(door, "GET", "/task/" + other.getId(), null);
        expectRefused(door, "GET", "/task/" + other.getId() + "/form-variables", null);
        expectRefused(door, "GET", "/process-instance/" + otherCase.getId() + "/variables", null);
        expectRefused(door, "POST", "/task/" + other.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
      }
      // the officer's own department's task is there, in Tasklist's and the engine's list alike
      if (user.contains("officer")) {
        assertThat(doors.engineRest(user).send("GET", "/task", null).body()).as(user).contains(own.getId());
        assertThat(doors.webapp(user, "tasklist").send("GET", "/task", null).body()).as(user).contains(own.getId());
      }
    }
    assertThat(route.task(theirs, "Task_HandleRequest").getAssignee()).isNull();
    assertThat(route.task(ours, "Task_HandleRequest").getAssignee()).isNull();
    assertThat(leaks).isEmpty();
  }

  @Test
  void thePagesShowNoCaseOfTheOtherAgency() {
    String gk = ours.getBusinessKey();
    String zj = theirs.getBusinessKey();
    // the reception desk (form login)
    assertThat(deskPage("reception", "/desk/cases/" + gk)).isEqualTo(200);
    assertThat(deskPage("reception", "/desk/cases/" + zj)).isEqualTo(404);
    assertThat(deskPage("housing-reception", "/desk/cases/" + zj)).isEqualTo(200);
    assertThat(deskPage("housing-reception", "/desk/cases/" + gk)).isEqualTo(404);
    assertThat(deskPage("housing-reception", "/desk/cases/" + gk + "/receipt")).isEqualTo(404);
    // supervision pages (HTTP Basic)
    Door pages = doors.basic("housing-supervisor", "");
    expect(pages, "GET", "/supervision/cases/" + zj, 200);
    expect(pages, "GET", "/supervision/cases/" + gk, 404);
    assertThat(pages.send("GET", "/supervision/?filter=open", null).body()).contains(zj).doesNotContain(gk);
    Door city = doors.basic("city-supervisor", "");
    expect(city, "GET", "/supervision/cases/" + zj, 200);
    expect(city, "GET", "/supervision/cases/" + gk, 200);
    assertThat(leaks).isEmpty();
  }

  /** A GET of the desk's pages after signing in on its login form; the status of the page. */
  private int deskPage(String user, String path) {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    String login = send(http, HttpRequest.newBuilder(URI.create(base + "/desk/login")).GET()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as("the desk's login form has a CSRF token").isTrue();
    String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(base + "/desk/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user + " signs in").doesNotContain("error");
    return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void mustNotList(Door door, String path, String secret) {
    Answer a = door.send("GET", path, null);
    if (a.status() == 200 && a.body().contains(secret)) {
      leaks.add(door.name() + " GET " + path + " shows " + secret);
    } else if (a.status() >= 500) {
      leaks.add(door.name() + " GET " + path + " → " + a.status());
    }
  }

  private void expectRefused(Door door, String method, String path, String json) {
    Answer a = door.send(method, path, json);
    if (a.status() < 400 || a.status() >= 500) {
      leaks.add(door.name() + " " + method + " " + path + " → " + a.status() + " " + a.body());
    }
  }

  private void expect(Door door, String method, String path, int status) {
    expect(door, method, path, null, status);
  }

  private void expect(Door door, String method, String path, String json, int status) {
    Answer a = door.send(method, path, json);
    if (a.status() != status) {
      leaks.add(door.name() + " " + method + " " + path + " → " + a.status() + " (expected " + status + ") " + a.body());
    }
  }
}
