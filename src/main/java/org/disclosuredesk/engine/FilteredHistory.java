package org.disclosuredesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's database history writer, once, with the events that features leave out (the start
 * form's raw personal fields, the task forms' display copies). Each feature's engine plugin calls
 * {@link #skip} in its {@code preInit}; whichever runs first installs the writer in place of the
 * default one, so history is written exactly once whatever the plugins' order.
 */
public final class FilteredHistory extends DbHistoryEventHandler {

  private final List<Predicate<HistoryEvent>> skipped = new CopyOnWriteArrayList<>();

  private FilteredHistory() {}

  /** Leaves the events {@code skip} matches out of the engine's history. */
  public static void skip(ProcessEngineConfigurationImpl configuration, Predicate<HistoryEvent> skip) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    FilteredHistory history = handlers.stream().filter(FilteredHistory.class::isInstance)
        .map(FilteredHistory.class::cast).findFirst().orElse(null);
    if (history == null) {
      history = new FilteredHistory();
      handlers.add(0, history);
      configuration.setCustomHistoryEventHandlers(handlers);
      configuration.setEnableDefaultDbHistoryEventHandler(false);
    }
    history.skipped.add(skip);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    for (Predicate<HistoryEvent> skip : skipped) {
      if (skip.test(event)) {
        return;
      }
    }
    super.handleEvent(event);
  }
}
