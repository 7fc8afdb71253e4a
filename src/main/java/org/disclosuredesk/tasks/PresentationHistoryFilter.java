package org.disclosuredesk.tasks;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.disclosuredesk.engine.FilteredHistory;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's full history except for the task-local copy of {@code caseNumber} that every task
 * of the route carries for Tasklist's lists ({@link CasePresentation#label}): its history rows would
 * only repeat the process variable, once per task. Every other variable, process-level {@code caseNumber}
 * included, is recorded as before ({@code history-level: full}). What the forms show besides their
 * inputs is not stored at all ({@link PresentedFormService}).
 *
 * <p>Those variable events are left out of the one database history writer ({@link FilteredHistory});
 * no other history is affected.
 */
@Component
class PresentationHistoryFilter extends AbstractProcessEnginePlugin {

  /**
   * The display copies that tasks created before {@link PresentedFormService} still hold as task-local variables: they
   * never had history rows, so their deletion when such a task completes must not write (or update) any either.
   */
  static final java.util.Set<String> OLD_DISPLAY_COPIES =
      java.util.Set.of("caseSummary", "caseHistory", "proposal", "departmentOptions");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FilteredHistory.skip(configuration, PresentationHistoryFilter::isDisplayCopy);
  }

  static boolean isDisplayCopy(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getTaskId() == null) {
      return false;
    }
    return CaseVariables.CASE_NUMBER.equals(variable.getVariableName()) || OLD_DISPLAY_COPIES.contains(variable.getVariableName());
  }
}
