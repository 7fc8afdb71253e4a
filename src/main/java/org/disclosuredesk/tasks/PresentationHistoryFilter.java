package org.disclosuredesk.tasks;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.disclosuredesk.engine.FilteredHistory;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's full history except for the task forms' display copies: the task-local
 * variables {@code caseSummary}, {@code caseHistory}, {@code proposal}, {@code departmentOptions} and the
 * task-local copy of
 * {@code caseNumber} are rebuilt from the case register (the legal record, with its own timeline)
 * and their history rows would only repeat it, once per task and claim. Every other variable,
 * process-level {@code caseNumber} included, is recorded as before ({@code history-level: full}).
 *
 * <p>Those variable events are left out of the one database history writer ({@link FilteredHistory});
 * no other history is affected.
 */
@Component
class PresentationHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> DISPLAY_COPIES =
      Set.of(CasePresentation.SUMMARY, CasePresentation.HISTORY, CasePresentation.PROPOSAL,
          CasePresentation.DEPARTMENT_OPTIONS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FilteredHistory.skip(configuration, PresentationHistoryFilter::isDisplayCopy);
  }

  static boolean isDisplayCopy(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getTaskId() == null) {
      return false;
    }
    String name = variable.getVariableName();
    return DISPLAY_COPIES.contains(name) || CaseVariables.CASE_NUMBER.equals(name);
  }
}
