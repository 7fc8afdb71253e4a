package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.report.OfficialDays;
import org.disclosuredesk.report.RegisterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Supervision over cases registered through the real route ({@code POST /api/requests}), accepted by
 * reception and claimed by the department's officer: the register's copy of the current task, the
 * working days, the diagram, and table 三's row 一.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionRouteIntegrationTest {

  static final LocalDate TODAY = RegisterFixture.TODAY;

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired CaseDiagram diagrams;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void cleanRegister() {
    RegisterFixture.pinToday(TODAY);
    new RegisterFixture(register, jdbc).clean(runtime);
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
  }

  @Test
  void aCaseReceived70DaysAgoAndInTheDepartmentsHandsIsOverdue() throws Exception {
    // Given a walk-in application received 70 days ago, accepted and claimed by the planning officer
    LocalDate received = TODAY.minusDays(70);
    JsonNode registered = registerThroughTheApi(received, "NATURAL_PERSON", "周九");
    String caseNumber = registered.get("caseNumber").asText();
    LocalDate due = OfficialDays.addWorkingDays(received, 20);
    assertThat(registered.get("dueOn").asText()).isEqualTo(due.toString());
    acceptAndClaim(caseNumber, "planning", "officer-planning");

    // When the supervisor looks at the overdue list
    JsonNode list = json.readTree(rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/api/supervision/cases?filter=overdue", String.class));

    // Then the case is there with the working days since its due date, its step and its officer
    assertThat(list).hasSize(1);
    JsonNode c = list.get(0);
    assertThat(c.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(c.get("workingDaysLeft").asInt()).isEqualTo(-OfficialDays.countAfterUpTo(due, TODAY)).isEqualTo(-28);
    assertThat(c.get("currentTask").asText()).isEqualTo("办理申请并拟定答复");
    assertThat(c.get("assignee").asText()).isEqualTo("officer-planning");
    assertThat(c.get("department").asText()).isEqualTo("planning");
    assertThat(c.get("status").asText()).isEqualTo("IN_HANDLING");

    // and the case page's diagram is the instance's BPMN with the handling task active (runtime)
    String processInstanceId = register.get("default", caseNumber).processInstanceId();
    CaseDiagram.Diagram diagram = diagrams.of(processInstanceId).orElseThrow();
    assertThat(diagram.activeActivityIds()).contains("Task_HandleRequest");
    ResponseEntity<String> xml = rest.withBasicAuth("supervisor", "supervisor")
        .getForEntity("/supervision/cases/" + caseNumber + "/diagram.bpmn", String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains("id=\"Task_HandleRequest\"", "bpmndi:BPMNShape");
    String page = rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/supervision/cases/" + caseNumber, String.class);
    assertThat(page).contains("data-active=\"Task_HandleRequest\"",
        "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId);
  }

  @Test
  void registeringApplicantsOfDifferentTypesCountsInTheirColumnsOfRowOne() throws Exception {
    List<Integer> before = rowOne(2026);

    registerThroughTheApi(TODAY.minusDays(5), "RESEARCH_INSTITUTION", "某研究所");
    registerThroughTheApi(TODAY.minusDays(4), "LEGAL_SERVICE_ORG", "某律师事务所");
    registerThroughTheApi(TODAY.minusDays(3), "NATURAL_PERSON", "吴十");

    List<Integer> after = rowOne(2026);
    List<Integer> change = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      change.add(after.get(i) - before.get(i));
    }
    assertThat(change).containsExactly(1, 0, 1, 0, 1, 0, 3);
  }

  JsonNode registerThroughTheApi(LocalDate receivedOn, String type, String name) throws Exception {
    boolean person = type.equals("NATURAL_PERSON");
    Map<String, Object> applicant = new java.util.HashMap<>(Map.of("type", type, "name", name,
        "idType", person ? "PASSPORT" : "OTHER", "idNumber", "E1234567", "email", "applicant@example.cn"));
    if (!person) {
      applicant.put("contactPerson", "联系人");
    }
    Map<String, Object> body = Map.of("channel", "IN_PERSON", "receivedOn", receivedOn.toString(),
        "applicant", applicant, "description", "2025年度本区规划许可清单", "format", "ELECTRONIC", "delivery", "EMAIL",
        "department", "planning", "lateRegistrationReason", "信函早已签收，今日补登");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> r = rest.withBasicAuth("reception", "reception")
        .postForEntity("/api/requests", new HttpEntity<>(body, headers), String.class);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(r.getBody());
  }

  void acceptAndClaim(String caseNumber, String department, String officer) {
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult();
    tasks.complete(check.getId(), Map.of("completeness", "COMPLETE", "department", department));
    Task handle = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_HandleRequest").singleResult();
    tasks.claim(handle.getId(), officer);
  }

  List<Integer> rowOne(int year) throws Exception {
    JsonNode report = json.readTree(rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/api/reports/annual/" + year, String.class));
    List<Integer> values = new ArrayList<>();
    report.get("rows").get(0).get("values").forEach(v -> values.add(v.asInt()));
    return values;
  }
}
