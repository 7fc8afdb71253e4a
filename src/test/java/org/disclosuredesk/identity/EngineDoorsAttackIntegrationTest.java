package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.identity.EngineDoors.Answer;
import org.disclosuredesk.identity.EngineDoors.Door;
import org.disclosuredesk.identity.EngineDoors.Session;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Repeats the probe of issue 8 through every door — our {@code /api}, {@code /engine-rest} (Basic)
 * and the webapps' session API — as each role, and checks both the refusal and that nothing changed
 * (register row, timeline, letters, mails, task attributes and links, variables, number of routes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class EngineDoorsAttackIntegrationTest {

  private static int tried;
  private static int refused;
  private static int serverErrors;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RouteTestSupport route;
  @Autowired JdbcClient jdbc;
  @Autowired org.disclosuredesk.casefile.CaseRegister registerBean;
  EngineDoors doors;
  final List<String> failures = new ArrayList<>();

  @BeforeEach
  void setUp() {
    doors = new EngineDoors(port);
    RouteTestSupport.at("2026-03-02T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @AfterAll
  static void figures() {
    System.out.println("Engine door probes: " + tried + " tried, " + refused + " refused, " + serverErrors
        + " answered >= 500");
  }

  // --- issue 8 point 1 and 2: an officer rewrites what only the route writes ------------------

  @Test
  void anOfficerCannotRepointTheCaseNorEditTheTaskThroughAnyDoor() {
    ProcessInstance planning = caseAt("planning");
    ProcessInstance finance = caseAt("finance");
    Task own = route.task(planning, "Task_HandleRequest");
    Task foreign = route.task(finance, "Task_HandleRequest");
    String other = finance.getBusinessKey();
    String before = snapshot(planning) + snapshot(finance);
    long routes = routes();

    for (Door door : List.of(doors.engineRest("officer-planning"), doors.webapp("officer-planning", "tasklist"))) {
      String t = "/task/" + own.getId();
      String value = "{\"value\":\"" + other + "\",\"type\":\"String\"}";
      refuse(door, "PUT", t + "/localVariables/caseNumber", value, 403);
      refuse(door, "PUT", t + "/variables/caseNumber", value, 403);
      refuse(door, "PUT", t + "/variables/caseSummary", "{\"value\":\"[点此核实](http://evil.example)\"}", 403);
      refuse(door, "POST", t + "/variables", "{\"modifications\":{\"caseNumber\":" + value + "}}", 403);
      refuse(door, "POST", t + "/localVariables", "{\"modifications\":{\"caseSummary\":{\"value\":\"x\"}}}", 403);
      refuse(door, "DELETE", t + "/localVariables/caseSummary", null, 403);
      refuse(door, "DELETE", t + "/variables/department", null, 403);
      refuse(door, "PUT", t, "{\"name\":\"已办结\",\"due\":\"2030-01-01T00:00:00.000+0800\"}", 403);
      refuse(door, "POST", t + "/identity-links", "{\"groupId\":\"dept-finance\",\"type\":\"candidate\"}", 403);
      refuse(door, "POST", t + "/identity-links/delete", "{\"groupId\":\"dept-planning\",\"type\":\"candidate\"}", 403);
      refuse(door, "POST", t + "/assignee", "{\"userId\":\"officer-finance\"}", 403);
      refuse(door, "POST", t + "/delegate", "{\"userId\":\"officer-finance\"}", 403);
      refuse(door, "POST", t + "/resolve", "{\"variables\":{}}", 403);
      refuse(door, "POST", t + "/bpmnError", "{\"errorCode\":\"x\"}", 403);
      refuse(door, "POST", t + "/bpmnEscalation", "{\"escalationCode\":\"x\"}", 403);
      // a form submission carries only its form's fields: every route variable is refused
      for (String name : List.of("caseNumber", "caseSummary", "caseHistory", "proposal", "department", "agencyCode",
          "supplementCount", "outcome", "withholdingGround", "completeness", "reviewResult", "proposedDepartment",
          "initiator", "dueDate")) {
        String vars = "{\"variables\":{\"handlingAction\":{\"value\":\"PROPOSE_REPLY\"},\"proposedOutcome\":{\"value\":\"NOT_EXIST\"},"
            + "\"replyNote\":{\"value\":\"经检索不掌握\"},\"" + name + "\":" + value + "}}";
        refuse(door, "POST", t + "/submit-form", vars, 400);
      }
      refuse(door, "POST", t + "/complete", "{\"variables\":{\"caseNumber\":" + value + "}}", 400);
      // a serialized Java object, even under a field of the form
      refuse(door, "POST", t + "/submit-form", "{\"variables\":{\"replyNote\":{\"type\":\"Object\","
          + "\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
          + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}", 400);
      // the process instance's and execution's variables
      refuse(door, "POST", "/process-instance/" + planning.getId() + "/variables",
          "{\"modifications\":{\"caseNumber\":" + value + "}}", 403);
      refuse(door, "PUT", "/process-instance/" + planning.getId() + "/variables/department", "{\"value\":\"finance\"}", 403);
      refuse(door, "PUT", "/execution/" + planning.getId() + "/localVariables/caseNumber", value, 403);
      refuse(door, "POST", "/message", "{\"messageName\":\"ApplicationWithdrawn\",\"businessKey\":\""
          + planning.getBusinessKey() + "\"}", 403);
      // another department's task: neither read nor touched
      refuse(door, "GET", "/task/" + foreign.getId() + "/variables", null, 403, 404);
      refuse(door, "GET", "/task/" + foreign.getId() + "/form-variables", null, 403, 404);
      refuse(door, "POST", "/task/" + foreign.getId() + "/claim", "{\"userId\":\"officer-planning\"}", 403, 404);
      refuse(door, "POST", "/task/" + foreign.getId() + "/submit-form", "{\"variables\":{}}", 403, 404);
    }
    // our API: another department's case is not found
    Door api = doors.basic("officer-planning", "/api");
    refuse(api, "GET", "/requests/" + other, null, 404);
    refuse(api, "GET", "/requests/" + other + "/letters", null, 404);
    refuse(api, "GET", "/requests/" + other + "/receipt", null, 404);
    refuse(api, "POST", "/requests/" + other + "/withdrawal", "{}", 403, 404);

    assertThat(snapshot(planning) + snapshot(finance)).isEqualTo(before);
    assertThat(routes()).isEqualTo(routes);
    assertNoFailures();

    // while the officer's own work still goes through (claim, then the form)
    Door rest = doors.engineRest("officer-planning");
    assertThat(rest.send("POST", "/task/" + own.getId() + "/claim", "{\"userId\":\"officer-planning\"}").status())
        .isEqualTo(204);
    Answer done = rest.send("POST", "/task/" + own.getId() + "/submit-form", "{\"variables\":{\"handlingAction\":"
        + "{\"value\":\"PROPOSE_REPLY\"},\"proposedOutcome\":{\"value\":\"NOT_EXIST\"},\"replyNote\":{\"value\":\"经检索不掌握\"}}}");
    assertThat(done.status()).as(done.body()).isIn(200, 204);
    assertThat(route.task(planning, "Task_HandleRequest")).isNull();
    assertThat(register(finance.getBusinessKey()).get("outcome")).isNull();
  }

  @Test
  void candidatesMayWorkOnATaskButNotUpdateIt() {
    Task task = route.task(caseAt("planning"), "Task_HandleRequest");
    List<org.camunda.bpm.engine.authorization.Authorization> grants = engine.getAuthorizationService()
        .createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
        .resourceId(task.getId()).list();
    assertThat(grants).isNotEmpty().allSatisfy(a -> {
      assertThat(a.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK)).isTrue();
      assertThat(a.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
    });
  }

  /** Inside a route step the register writes only that route's case (its business key), whatever a variable says. */
  @Test
  void theRegisterRefusesAWriteForAnotherCaseInsideARoute() {
    ProcessInstance own = caseAt("planning");
    ProcessInstance other = caseAt("finance");
    String before = snapshot(other);
    org.disclosuredesk.casefile.CaseRegister register = registerBean;
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl config =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Runnable[] writes = {
        () -> register.setStatus("default", other.getBusinessKey(), org.disclosuredesk.casefile.CaseStatus.CLOSED),
        () -> register.record("default", other.getBusinessKey(), "REPLIED", "officer-planning", "答复")};
    for (Runnable write : writes) {
      Throwable refusedWrite = org.assertj.core.api.Assertions.catchThrowable(() ->
          config.getCommandExecutorTxRequired().execute(ctx -> {
            org.camunda.bpm.engine.impl.context.Context.setExecutionContext(
                ctx.getExecutionManager().findExecutionById(own.getId()));
            try {
              write.run();
            } finally {
              org.camunda.bpm.engine.impl.context.Context.removeExecutionContext();
            }
            return null;
          }));
      assertThat(refusedWrite).hasMessageContaining("may not write case " + other.getBusinessKey());
    }
    assertThat(snapshot(other)).isEqualTo(before);
  }

  // --- every other role: no route-only write, whatever the door --------------------------------------

  @Test
  void noOtherRoleWritesTheRouteEither() {
    ProcessInstance pi = caseAt("planning");
    Task task = route.task(pi, "Task_HandleRequest");
    String before = snapshot(pi);
    long routes = routes();
    List<Door> attackers = new ArrayList<>();
    for (String user : List.of("reception", "reviewer", "supervisor", "officer-finance")) {
      attackers.add(doors.engineRest(user));
      attackers.add(doors.webapp(user, user.equals("supervisor") ? "cockpit" : "tasklist"));
    }
    attackers.add(doors.engineRest("portal"));
    String t = "/task/" + task.getId();
    String p = "/process-instance/" + pi.getId();
    for (Door door : attackers) {
      refuse(door, "PUT", t + "/localVariables/caseNumber", "{\"value\":\"GK-2026-00001\"}", 403, 404);
      refuse(door, "POST", t + "/submit-form", "{\"variables\":{\"handlingAction\":{\"value\":\"PROPOSE_REPLY\"}}}",
          403, 404);
      refuse(door, "POST", t + "/claim", "{\"userId\":\"" + door.name().split("@")[0] + "\"}", 403, 404);
      refuse(door, "PUT", t, "{\"name\":\"x\",\"due\":\"2030-01-01T00:00:00.000+0800\"}", 403, 404);
      refuse(door, "POST", p + "/variables", "{\"modifications\":{\"department\":{\"value\":\"finance\"}}}", 403, 404);
      refuse(door, "DELETE", p, null, 403, 404);
      refuse(door, "PUT", p + "/suspended", "{\"suspended\":true}", 403, 404);
      refuse(door, "POST", p + "/modification", "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":"
          + "\"Task_HandleRequest\"}]}", 403, 404);
      refuse(door, "POST", "/message", "{\"messageName\":\"ApplicationWithdrawn\",\"businessKey\":\""
          + pi.getBusinessKey() + "\"}", 403, 404);
      refuse(door, "POST", "/signal", "{\"name\":\"anything\"}", 403);
    }
    assertThat(snapshot(pi)).isEqualTo(before);
    assertThat(routes()).isEqualTo(routes);
    assertNoFailures();
    // the guard is about roles, not doors: an administrator may still repair a variable
    Door admin = doors.engineRest("admin");
    assertThat(admin.send("PUT", t + "/localVariables/adminNote", "{\"value\":\"修复\"}").status()).isEqualTo(204);
    assertThat(admin.send("DELETE", t + "/localVariables/adminNote", null).status()).isEqualTo(204);
  }

  @Test
  void noDoorSavesADenyAuthorizationNotEvenAnAdministrators() {
    String deny = "{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"reception\",\"resourceType\":7,"
        + "\"resourceId\":\"*\"}";
    for (Door door : List.of(doors.engineRest("admin"), doors.webapp("admin", "admin"))) {
      Answer refused = door.send("POST", "/authorization/create", deny);
      assertThat(refused.status()).as(door + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("不支持拒绝（REVOKE/DENY）授权");
    }
    assertThat(count("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = 2")).isZero();
  }

  // --- issue 8 point 3: one case, one route ------------------------------------------------------

  @Test
  void receptionCannotStartASecondRouteForAnExistingOrUnknownCase() {
    ProcessInstance open = caseAt("planning");
    String closed = closedCase();
    String before = snapshot(open) + snapshot(closed);
    long routes = routes();
    long cases = count("select count(*) from dd_case");
    String form = "\"channel\":{\"value\":\"IN_PERSON\"},\"applicantType\":{\"value\":\"NATURAL_PERSON\"},"
        + "\"applicantName\":{\"value\":\"王五\"},\"idType\":{\"value\":\"RESIDENT_ID\"},"
        + "\"idNumber\":{\"value\":\"11010519491231002X\"},\"phone\":{\"value\":\"13900000000\"},"
        + "\"description\":{\"value\":\"某文件\"},\"format\":{\"value\":\"PAPER\"},\"delivery\":{\"value\":\"PICKUP\"}";
    String key = "/process-definition/key/disclosureRequest";

    for (Door door : List.of(doors.engineRest("reception"), doors.webapp("reception", "tasklist"))) {
      for (String existing : List.of(open.getBusinessKey(), closed)) {
        refuse(door, "POST", key + "/start", "{\"businessKey\":\"" + existing + "\",\"variables\":{"
            + "\"caseNumber\":{\"value\":\"" + existing + "\"},\"agencyCode\":{\"value\":\"default\"}}}", 400);
        refuse(door, "POST", key + "/start", "{\"businessKey\":\"" + existing + "\"}", 400);
        refuse(door, "POST", key + "/submit-form", "{\"businessKey\":\"" + existing + "\",\"variables\":{" + form + "}}", 400);
        refuse(door, "POST", key + "/start", "{\"variables\":{\"caseNumber\":{\"value\":\"" + existing + "\"}}}", 400);
      }
      refuse(door, "POST", key + "/start", "{\"businessKey\":\"GK-2026-99999\"}", 400);
      refuse(door, "POST", key + "/start", "{\"variables\":{\"caseNumber\":{\"value\":\"GK-2026-99999\"}}}", 400);
      refuse(door, "POST", key + "/submit-form", "{\"variables\":{" + form + ",\"department\":{\"value\":\"finance\"}}}", 400);
      refuse(door, "POST", key + "/submit-form", "{\"variables\":{" + form.replace("\"description\":{\"value\":\"某文件\"}",
          "\"description\":{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":{\"objectTypeName\":"
          + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}") + "}}", 400);
    }

    assertThat(snapshot(open) + snapshot(closed)).isEqualTo(before);
    assertThat(routes()).isEqualTo(routes);
    assertThat(count("select count(*) from dd_case")).isEqualTo(cases);
    assertNoFailures();
  }

  // --- issue 8 point 4: the portal acts only on what it submitted -------------------------------

  @Test
  void thePortalActsOnlyOnTheCasesItSubmitted() {
    ProcessInstance walkIn = route.registerWalkIn("窗口申请");
    Door portal = doors.basic("portal", "/api");
    Answer own = portal.send("POST", "/requests", RequestJson.WALK_IN.replace("IN_PERSON", "ONLINE")
        .replace("\"delivery\":\"PICKUP\"", "\"delivery\":\"EMAIL\""));
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    String ownCase = own.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    String n = walkIn.getBusinessKey();
    String before = snapshot(walkIn);

    refuse(portal, "GET", "/requests/" + n + "/receipt", null, 404);
    refuse(portal, "GET", "/requests/" + n + "/receipt?format=pdf", null, 404);
    refuse(portal, "GET", "/requests/" + n, null, 404);
    refuse(portal, "GET", "/requests/" + n + "/letters", null, 404);
    refuse(portal, "POST", "/requests/" + n + "/withdrawal", "{\"note\":\"撤回\"}", 404);
    refuse(portal, "POST", "/requests/" + n + "/supplement", "{\"note\":\"补正\"}", 404);
    refuse(doors.engineRest("portal"), "GET", "/process-instance?businessKey=" + n, null, 403,
        a -> a.status() == 403 || a.body().equals("[]"));
    refuse(doors.engineRest("portal"), "POST", "/process-definition/key/disclosureRequest/start", "{}", 403, 404);

    assertThat(snapshot(walkIn)).isEqualTo(before);
    assertNoFailures();
    // its own case: the receipt, and who submitted it is on the case
    assertThat(portal.send("GET", "/requests/" + ownCase + "/receipt", null).status()).isEqualTo(200);
    assertThat(register(ownCase).get("registered_by")).isEqualTo("portal");
    assertThat(register(ownCase).get("channel")).isEqualTo("ONLINE");
  }

  // --- issue 8 point 8: history, Cockpit counts, profiles, passwords ----------------------------

  @Test
  void supervisorsFindNoIdentityNumbersInHistoryAndOfficersCountNoOtherCases() {
    // Given a walk-in registered through the Tasklist start form (the raw fields were process variables)
    Answer started = doors.engineRest("reception").send("POST",
        "/process-definition/key/disclosureRequest/submit-form", "{\"variables\":{\"channel\":{\"value\":\"IN_PERSON\"},"
            + "\"applicantType\":{\"value\":\"NATURAL_PERSON\"},\"applicantName\":{\"value\":\"赵六\"},"
            + "\"idType\":{\"value\":\"RESIDENT_ID\"},\"idNumber\":{\"value\":\"11010519491231002X\"},"
            + "\"phone\":{\"value\":\"13900000000\"},\"description\":{\"value\":\"某规划文件\"},"
            + "\"format\":{\"value\":\"PAPER\"},\"delivery\":{\"value\":\"PICKUP\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String startedId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    caseAt("finance");

    for (Door door : List.of(doors.engineRest("supervisor"), doors.webapp("supervisor", "cockpit"))) {
      // the history answers, but nothing of what was typed into the start form is in it
      Predicate<Answer> nothing = a -> (a.status() == 200 || a.status() == 403) && !a.body().contains("1101051949")
          && List.of("idNumber", "applicantName", "phone", "email", "address", "idType").stream()
              .noneMatch(f -> a.body().contains("ame\":\"" + f + "\""));
      for (String name : List.of("idNumber", "applicantName", "phone")) {
        refuse(door, "GET", "/history/variable-instance?variableName=" + name, null, 200, nothing);
        refuse(door, "GET", "/history/variable-instance?variableNameLike=%25" + name.substring(1) + "%25", null, 200, nothing);
        refuse(door, "POST", "/history/variable-instance", "{\"variableName\":\"" + name + "\"}", 200, nothing);
      }
      refuse(door, "GET", "/history/variable-instance?processInstanceId=" + startedId, null, 200, nothing);
      refuse(door, "GET", "/history/detail?processInstanceId=" + startedId, null, 200, nothing);
      refuse(door, "GET", "/history/detail?variableUpdates=true&maxResults=1000", null, 200, nothing);
      refuse(door, "GET", "/history/detail?formFields=true", null, 200, nothing);
      refuse(door, "POST", "/history/detail", "{\"processInstanceId\":\"" + startedId + "\"}", 200, nothing);
      refuse(door, "GET", "/history/user-operation?processInstanceId=" + startedId, null, 200, nothing);
      refuse(door, "GET", "/variable-instance?processInstanceIdIn=" + startedId, null, 200, nothing);
    }
    long all = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("disclosureRequest").count();
    assertThat(all).isGreaterThan(0);
    for (Door door : List.of(doors.engineRest("officer-planning"), doors.webapp("officer-planning", "tasklist"))) {
      Predicate<Answer> noCount = a -> a.status() == 403 || a.status() == 200 && (a.body().equals("{\"count\":0}")
          || !a.body().contains("\"instances\":" + all));
      refuse(door, "GET", "/process-instance/count", null, 200, noCount);
      refuse(door, "GET", "/history/process-instance/count", null, 200, noCount);
      refuse(door, "GET", "/process-definition/statistics", null, 200, noCount);
      refuse(door, "GET", "/process-definition/statistics?incidents=true", null, 200, noCount);
    }
    Session officerCockpit = doors.webapp("officer-planning", "tasklist");
    Answer cockpitCount = officerCockpit.get("/camunda/api/cockpit/plugin/base/default/process-instance/count");
    count("cockpit plugin count", cockpitCount.status() >= 400 && cockpitCount.status() < 500
        || cockpitCount.body().contains("\"count\":0"), cockpitCount);
    assertNoFailures();
  }

  @Test
  void usersChangeNeitherTheirEmailNorToAOneCharacterPassword() {
    String before = jdbc.sql("select email_, pwd_ from act_id_user where id_ = 'officer-office'").query().listOfRows()
        .toString();
    for (Door door : List.of(doors.engineRest("officer-office"), doors.webapp("officer-office", "tasklist"))) {
      refuse(door, "PUT", "/user/officer-office/profile", "{\"id\":\"officer-office\",\"firstName\":\"办公室\","
          + "\"lastName\":\"承办人\",\"email\":\"attacker@evil.example\"}", 403);
      refuse(door, "PUT", "/user/officer-office/credentials", "{\"password\":\"a\","
          + "\"authenticatedUserPassword\":\"officer-office\"}", 400);
      refuse(door, "PUT", "/user/officer-planning/profile", "{\"id\":\"officer-planning\",\"email\":\"x@evil.example\"}",
          403, 404);
      refuse(door, "PUT", "/group/dept-finance/members/officer-office", null, 403);
      refuse(door, "DELETE", "/group/dept-office/members/officer-office", null, 403);
      refuse(door, "POST", "/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"officer-office\","
          + "\"resourceType\":7,\"resourceId\":\"*\"}", 403);
    }
    assertThat(jdbc.sql("select email_, pwd_ from act_id_user where id_ = 'officer-office'").query().listOfRows()
        .toString()).isEqualTo(before);
    assertNoFailures();
  }

  // --- issue 8 point 8: the reviewer's letters, and a letter keeps the Tasklist session ----------

  @Test
  void theReviewerOpensTheLettersOfItsReviewAndTasklistStaysSignedIn() {
    ProcessInstance pi = caseAt("planning");
    route.propose(pi, "DISCLOSE");
    assertThat(route.task(pi, "Task_ConfidentialityReview")).isNotNull();
    long letter = jdbc.sql("select min(id) from dd_letter where case_number = ?").param(pi.getBusinessKey())
        .query(Long.class).single();
    Session reviewer = doors.webapp("reviewer", "tasklist");
    String session = reviewer.sessionId();

    Answer opened = reviewer.get("/api/requests/" + pi.getBusinessKey() + "/letters/" + letter);
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(reviewer.sessionId()).isEqualTo(session);
    assertThat(reviewer.send("GET", "/task/count", null).status()).isEqualTo(200);
    // but not the letters of a case it does not review
    ProcessInstance other = caseAt("finance");
    refuse(reviewer, "GET", "/task?processInstanceId=" + other.getId(), null, 200, a -> a.body().equals("[]"));
    Answer foreign = reviewer.get("/api/requests/" + other.getBusinessKey() + "/letters");
    count("reviewer: letters of a case not under review", foreign.status() == 404, foreign);
    assertThat(reviewer.sessionId()).isEqualTo(session);
    assertNoFailures();
  }

  // --- issue 8 point 7: one normal department code everywhere ------------------------------------

  @Test
  void aPaddedDepartmentReachesTheRealGroup() {
    ProcessInstance pi = route.registerWalkIn("财政预算");
    Door reception = doors.engineRest("reception");
    Task check = route.task(pi, "Task_CheckCompleteness");
    Answer a = reception.send("POST", "/task/" + check.getId() + "/submit-form", "{\"variables\":{"
        + "\"completeness\":{\"value\":\"COMPLETE\"},\"department\":{\"value\":\" finance \"}}}");
    assertThat(a.status()).as(a.body()).isIn(200, 204);
    Task handling = route.task(pi, "Task_HandleRequest");
    assertThat(engine.getTaskService().getIdentityLinksForTask(handling.getId())).extracting(IdentityLink::getGroupId)
        .contains("dept-finance");
    assertThat(register(pi.getBusinessKey()).get("department")).isEqualTo("finance");

    Answer api = doors.basic("reception", "/api").send("POST", "/requests",
        RequestJson.WALK_IN.replace("\"purpose\"", "\"department\":\" Finance \",\"purpose\""));
    assertThat(api.status()).as(api.body()).isEqualTo(201);
    String n = api.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    assertThat(register(n).get("department")).isEqualTo("finance");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void refuse(Door door, String method, String path, String json, int... statuses) {
    refuse(door, method, path, json, statuses[0], a -> {
      for (int s : statuses) {
        if (a.status() == s) {
          return true;
        }
      }
      return false;
    });
  }

  private void refuse(Door door, String method, String path, String json, int expected, Predicate<Answer> refusal) {
    Answer a = door.send(method, path, json);
    count(door.name() + " " + method + " " + path + (json == null ? "" : " " + abbreviate(json)) + " (expected "
        + expected + ")", refusal.test(a), a);
  }

  private void count(String probe, boolean wasRefused, Answer a) {
    tried++;
    if (a.status() >= 500) {
      serverErrors++;
    }
    if (wasRefused && a.status() < 500) {
      refused++;
    } else {
      failures.add(probe + " → " + a.status() + " " + abbreviate(a.body()));
    }
  }

  private void assertNoFailures() {
    assertThat(failures).as("probes not refused").isEmpty();
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** An id that names nothing, or a task completed since: 404 through both doors, never a 500 and its stack trace. */
  @Test
  void unknownAndCompletedIdsAreNotFoundNotServerErrors(
      org.springframework.boot.test.system.CapturedOutput output) {
    int logBefore = output.getAll().length();
    ProcessInstance pi = route.registerWalkIn("文件（已办结的任务）");
    String completed = route.task(pi, "Task_CheckCompleteness").getId();
    route.acceptFor(pi, "planning");
    String nothing = "00000000-0000-0000-0000-000000000000";
    for (Door door : List.of(doors.engineRest("reception"), doors.webapp("reception", "tasklist"),
        doors.engineRest("admin"))) {
      for (String task : List.of(nothing, completed)) {
        for (String sub : List.of("", "/variables", "/localVariables", "/identity-links", "/rendered-form",
            "/deployed-form")) {
          refuse(door, "GET", "/task/" + task + sub, null, 404);
        }
        // the engine itself says "Cannot find task with id …" (400, in English) for these two: 404 in Chinese as the rest
        refuse(door, "GET", "/task/" + task + "/form-variables", null, 404,
            a -> a.status() == 404 && a.body().contains("任务或案件不存在") && !a.body().contains("Cmd") && !a.body().contains("GetTask"));
        refuse(door, "GET", "/task/" + task + "/form", null, 404, a -> a.status() == 404 && a.body().contains("任务或案件不存在")
            && !a.body().contains("GetTask"));
        refuse(door, "POST", "/task/" + task + "/claim", "{\"userId\":\"reception\"}", 404);
        refuse(door, "POST", "/task/" + task + "/submit-form", "{\"variables\":{}}", 404);
      }
      refuse(door, "GET", "/process-instance/" + nothing + "/variables", null, 404);
      refuse(door, "GET", "/process-instance/" + nothing + "/activity-instances", null, 404);
    }
    assertNoFailures();
    // each knock is one line in the log, not the engine's ERROR with ~200 lines of stack trace
    assertThat(output.getAll().substring(logBefore))
        .contains("engine door: reception asked GetTaskVariablesCmd for taskId " + nothing + ", which names nothing")
        .doesNotContain("ENGINE-16004").doesNotContain("NullValueException");
  }

  /** A case registered today and accepted for this department: waiting at Task_HandleRequest. */
  private ProcessInstance caseAt(String department) {
    ProcessInstance pi = route.registerWalkIn("文件（" + department + "）");
    route.acceptFor(pi, department);
    return pi;
  }

  /** A case answered as not an OGI request, delivered and closed. */
  private String closedCase() {
    ProcessInstance pi = route.registerWalkIn("投诉某单位");
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NOT_OGI", "nonOgiOutcome", "PETITION");
    route.deliver(pi, LocalDate.of(2026, 3, 2));
    assertThat(register(pi.getBusinessKey()).get("status")).isEqualTo("CLOSED");
    return pi.getBusinessKey();
  }

  private Map<String, Object> register(String caseNumber) {
    Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(jdbc.sql("select * from dd_case where case_number = ?").param(caseNumber).query().singleRow());
    row.replaceAll((k, v) -> v == null ? null : v.toString());
    return row;
  }

  private String snapshot(ProcessInstance pi) {
    return snapshot(pi.getBusinessKey());
  }

  /** Everything a probe could have changed about a case. */
  private String snapshot(String caseNumber) {
    StringBuilder s = new StringBuilder(caseNumber).append(register(caseNumber));
    for (String table : List.of("dd_case_event", "dd_letter", "dd_mail", "dd_clock_pause")) {
      s.append(' ').append(table).append('=')
          .append(count("select count(*) from " + table + " where case_number = '" + caseNumber + "'"));
    }
    ProcessInstance pi = route.instanceOf(caseNumber);
    if (pi != null) {
      s.append(new TreeMap<>(engine.getRuntimeService().getVariables(pi.getId())));
      for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).orderByTaskId().asc().list()) {
        s.append(" task ").append(t.getTaskDefinitionKey()).append(' ').append(t.getName()).append(" due=")
            .append(t.getDueDate()).append(" followUp=").append(t.getFollowUpDate()).append(" assignee=")
            .append(t.getAssignee()).append(" owner=").append(t.getOwner()).append(" priority=").append(t.getPriority())
            .append(" description=").append(t.getDescription());
        engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
            .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId()).sorted().forEach(l -> s.append(' ').append(l));
        s.append(new TreeMap<>(engine.getTaskService().getVariablesLocal(t.getId())));
      }
      s.append(" authorizations=").append(engine.getAuthorizationService().createAuthorizationQuery()
          .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).count());
    }
    return s.toString();
  }

  private long routes() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("disclosureRequest").count();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
