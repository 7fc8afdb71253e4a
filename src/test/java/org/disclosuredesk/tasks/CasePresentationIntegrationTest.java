package org.disclosuredesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** What the forms show besides their inputs: computed when the form is opened, never stored or kept in history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CasePresentationIntegrationTest {

  private static final List<String> SHOWN = List.of(CasePresentation.SUMMARY, CasePresentation.HISTORY,
      CasePresentation.PROPOSAL, CasePresentation.DEPARTMENT_OPTIONS, CasePresentation.PROPOSED_DEPARTMENT_NAME);

  @Autowired RouteTestSupport route;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.disclosuredesk.casefile.CaseRegister register;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void aTaskFromBeforeStillHoldingStoredCopiesCompletesWithoutHistoryForThem() {
    ProcessInstance pi = route.registerWalkIn("2025年度部门预算");
    Task check = route.task(pi, "Task_CheckCompleteness");
    // as the previous version left open tasks: the copies stored task-locally, without history rows
    for (String name : PresentationHistoryFilter.OLD_DISPLAY_COPIES) {
      tasks.setVariableLocal(check.getId(), name, "旧版本保存的副本");
    }
    route.acceptFor(pi, "finance");
    assertThat(route.task(pi, "Task_HandleRequest")).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn(PresentationHistoryFilter.OLD_DISPLAY_COPIES.toArray(String[]::new)).count()).isZero();
  }

  @Test
  void anOfficerOpeningTheFormSeesStaffByNameThoughTheyMayNotQueryOtherUsers() {
    ProcessInstance pi = route.registerWalkIn("2025年城市总体规划修编的批复文件");
    route.acceptFor(pi, "planning");
    // a colleague the officer may not look up (users read only their own record), unknown to the name cache so far
    String colleague = "clerk" + Long.toString(System.nanoTime(), 36);
    org.camunda.bpm.engine.identity.User u = identity.newUser(colleague);
    u.setFirstName("档案室");
    u.setLastName("张老师");
    identity.saveUser(u);
    try {
      register.record(org.disclosuredesk.agency.Agency.DEFAULT, pi.getBusinessKey(), "NOTE", colleague, "调阅档案");
      Task handle = route.task(pi, "Task_HandleRequest");
      identity.setAuthentication("officer-planning", List.of(org.disclosuredesk.identity.Groups.department("planning")),
          List.of(org.disclosuredesk.agency.Agency.DEFAULT));
      assertThat(identity.createUserQuery().userId(colleague).count()).as("the officer's own rights").isZero();
      assertThat((String) forms.getTaskFormVariables(handle.getId()).getValue(CasePresentation.HISTORY, String.class))
          .contains("调阅档案（档案室张老师）").doesNotContain("（" + colleague + "）");
      // no names asked for: nothing shown, as the engine answers an empty list
      assertThat(forms.getTaskFormVariables(handle.getId(), List.of(), false)).isEmpty();
    } finally {
      identity.clearAuthentication();
      identity.deleteUser(colleague);
    }
  }

  @Test
  void theFormShowsTheCaseAsOfTheMomentItIsOpenedWithoutStoringIt() {
    RouteTestSupport.at("2026-03-02T09:00");
    ProcessInstance pi = route.registerWalkIn("2025年城市总体规划修编的批复文件");
    Task check = route.task(pi, "Task_CheckCompleteness");

    VariableMap shown = forms.getTaskFormVariables(check.getId());
    assertThat((String) shown.getValue(CasePresentation.SUMMARY, String.class))
        .contains(pi.getBusinessKey(), "张三", "2025年城市总体规划修编的批复文件", "剩余 20 个工作日");
    assertThat((String) shown.getValue(CasePresentation.HISTORY, String.class)).contains("登记申请");
    assertThat(((SerializableValue) shown.getValueTyped(CasePresentation.DEPARTMENT_OPTIONS)).getValueSerialized())
        .contains("\"value\":\"planning\"");
    assertThat(shown.getValue(CasePresentation.PROPOSED_DEPARTMENT_NAME, String.class)).as("the routing table's proposal")
        .isEqualTo("规划和自然资源科");
    assertThat(shown).as("no proposal before the officer has proposed").doesNotContainKey(CasePresentation.PROPOSAL);
    // the one stored copy: the case number that Tasklist's lists show, task-local, without history
    assertThat(tasks.getVariableLocal(check.getId(), "caseNumber")).isEqualTo(pi.getBusinessKey());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseNumber")
        .list()).singleElement().satisfies(v -> assertThat(v.getTaskId()).isNull());

    // opened two working days later, without a claim or anything else happening: the days left as of then
    RouteTestSupport.at("2026-03-04T09:00");
    assertThat((String) forms.getTaskFormVariables(check.getId()).getValue(CasePresentation.SUMMARY, String.class))
        .contains("剩余 18 个工作日");
    // asked by name, only what was asked for
    VariableMap summaryOnly = forms.getTaskFormVariables(check.getId(), List.of(CasePresentation.SUMMARY), false);
    assertThat(summaryOnly.keySet()).containsExactly(CasePresentation.SUMMARY);

    // the reviewer's form shows the officer's proposal
    tasks.claim(check.getId(), "reception");
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE", "handlingNote", "已核实 *原件*");
    Task review = route.task(pi, "Task_ConfidentialityReview");
    assertThat((String) forms.getTaskFormVariables(review.getId()).getValue(CasePresentation.PROPOSAL, String.class))
        .startsWith("**拟答复：** ").contains("**答复要点：** 答复要点", "**承办人办理说明：** 已核实 \\*原件\\*");

    // none of it was ever a variable, at run time or in the history
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ in (?, ?, ?, ?, ?)", Long.class,
        SHOWN.toArray())).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().variableNameIn(SHOWN.toArray(String[]::new)).count()).isZero();
  }
}
