package org.disclosuredesk.identity;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * The history events of a start form's raw fields (the applicant's name, identity number, contact
 * details …): they live in the case register, where access is checked, and are never kept in the
 * engine's history, which supervisors may search.
 */
final class StartFormFields implements Predicate<HistoryEvent> {

  /** process definition key → the fields of its start form. */
  private final Function<String, Set<String>> startFormFields;

  StartFormFields(Function<String, Set<String>> startFormFields) {
    this.startFormFields = startFormFields;
  }

  @Override
  public boolean test(HistoryEvent event) {
    String name = event instanceof HistoricVariableUpdateEventEntity v ? v.getVariableName()
        : event instanceof HistoricFormPropertyEventEntity f ? f.getPropertyId() : null;
    return name != null && event.getProcessDefinitionKey() != null
        && startFormFields.apply(event.getProcessDefinitionKey()).contains(name);
  }
}
