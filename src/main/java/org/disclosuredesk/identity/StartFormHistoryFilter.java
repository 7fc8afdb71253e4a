package org.disclosuredesk.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Writes the engine's history, except the raw fields of a start form (the applicant's name, identity
 * number, contact details …): they live in the case register, where access is checked, and are never
 * kept in the engine's history, which supervisors may search.
 */
final class StartFormHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler history;
  /** process definition key → the fields of its start form. */
  private final Function<String, Set<String>> startFormFields;

  StartFormHistoryFilter(HistoryEventHandler history, Function<String, Set<String>> startFormFields) {
    this.history = history;
    this.startFormFields = startFormFields;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!startFormField(event)) {
      history.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private boolean startFormField(HistoryEvent event) {
    String name = event instanceof HistoricVariableUpdateEventEntity v ? v.getVariableName()
        : event instanceof HistoricFormPropertyEventEntity f ? f.getPropertyId() : null;
    return name != null && event.getProcessDefinitionKey() != null
        && startFormFields.apply(event.getProcessDefinitionKey()).contains(name);
  }
}
