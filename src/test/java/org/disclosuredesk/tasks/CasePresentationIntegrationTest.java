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

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
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
