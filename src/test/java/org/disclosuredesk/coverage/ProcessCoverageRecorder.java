package org.disclosuredesk.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test-only engine plugin: while a process test class runs ({@link ProcessCoverage}), records every
 * sequence flow taken and every process instance that took one, per process definition. Camunda's
 * history keeps activities but not flows, so flows are caught by a "take" listener on every
 * transition. Outside a recording window it records nothing.
 */
@Component
public class ProcessCoverageRecorder extends AbstractProcessEnginePlugin {

  private static volatile Window window;

  /** What one test class did: per process definition id, the flows taken and the instances that ran. */
  static final class Window {
    final Map<String, Set<String>> flows = new ConcurrentHashMap<>();
    final Map<String, Set<String>> instances = new ConcurrentHashMap<>();
  }

  static Window open() {
    window = new Window();
    return window;
  }

  static void close() {
    window = null;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        String flowId = transition.getId();
        ExecutionListener recordTaken = execution -> {
          Window w = window;
          if (w != null) {
            String definition = execution.getProcessDefinitionId();
            w.flows.computeIfAbsent(definition, d -> ConcurrentHashMap.newKeySet()).add(flowId);
            w.instances.computeIfAbsent(definition, d -> ConcurrentHashMap.newKeySet())
                .add(execution.getProcessInstanceId());
          }
        };
        transition.addListener(ExecutionListener.EVENTNAME_TAKE, recordTaken);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
