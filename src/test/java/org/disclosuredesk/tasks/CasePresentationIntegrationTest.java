package org.disclosuredesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The forms' display copies: written when they change, never kept in the engine's history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CasePresentationIntegrationTest {

  @Autowired RouteTestSupport route;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theFormShowsTheCaseWithoutHistoryRowsAndAClaimOnTheSameDayRewritesNothing() {
    RouteTestSupport.at("2026-03-02T09:00");
    ProcessInstance pi = route.registerWalkIn("2025年城市总体规划修编的批复文件");
    Task check = route.task(pi, "Task_CheckCompleteness");

    assertThat((String) tasks.getVariableLocal(check.getId(), CasePresentation.SUMMARY))
        .contains(pi.getBusinessKey(), "张三", "2025年城市总体规划修编的批复文件", "剩余 20 个工作日");
    assertThat((String) tasks.getVariableLocal(check.getId(), CasePresentation.HISTORY)).isNotBlank();
    assertThat(tasks.getVariableLocal(check.getId(), "caseNumber")).isEqualTo(pi.getBusinessKey());

    tasks.claim(check.getId(), "reception");

    assertThat(revision(check.getId(), CasePresentation.SUMMARY)).as("summary not rewritten by the claim").isOne();
    assertThat(revision(check.getId(), CasePresentation.HISTORY)).isOne();
    // the display copies leave no history; the process variables keep theirs
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn(CasePresentation.SUMMARY, CasePresentation.HISTORY, CasePresentation.PROPOSAL).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseNumber")
        .list()).singleElement().satisfies(v -> assertThat(v.getTaskId()).isNull());
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .noneMatch(d -> PresentationHistoryFilter.DISPLAY_COPIES.contains(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()));

    // a claim on a later day shows the days left as of then
    RouteTestSupport.at("2026-03-04T09:00");
    tasks.setAssignee(check.getId(), null);
    tasks.claim(check.getId(), "reception");
    assertThat((String) tasks.getVariableLocal(check.getId(), CasePresentation.SUMMARY)).contains("剩余 18 个工作日");
  }

  private int revision(String taskId, String name) {
    return jdbc.queryForObject("select REV_ from ACT_RU_VARIABLE where TASK_ID_ = ? and NAME_ = ?", Integer.class,
        taskId, name);
  }
}
