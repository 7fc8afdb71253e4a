package org.disclosuredesk.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's full history except for the task forms' display copies: the task-local
 * variables {@code caseSummary}, {@code caseHistory}, {@code proposal} and the task-local copy of
 * {@code caseNumber} are rebuilt from the case register (the legal record, with its own timeline)
 * and their history rows would only repeat it, once per task and claim. Every other variable,
 * process-level {@code caseNumber} included, is recorded as before ({@code history-level: full}).
 *
 * <p>Replaces the engine's default database history handler with the same handler that skips those
 * variable events; no other history is affected.
 */
@Component
class PresentationHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> DISPLAY_COPIES =
      Set.of(CasePresentation.SUMMARY, CasePresentation.HISTORY, CasePresentation.PROPOSAL);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new WithoutDisplayCopies());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  static boolean isDisplayCopy(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getTaskId() == null) {
      return false;
    }
    String name = variable.getVariableName();
    return DISPLAY_COPIES.contains(name) || CaseVariables.CASE_NUMBER.equals(name);
  }

  static final class WithoutDisplayCopies extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isDisplayCopy(event)) {
        super.handleEvent(event);
      }
    }
  }
}
