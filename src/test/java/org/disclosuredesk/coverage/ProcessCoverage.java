package org.disclosuredesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Process coverage of ONE test class, on that class's own engine (its Spring context): every process
 * definition deployed there (latest version) is measured by the flow nodes the class's process
 * instances passed (engine history of exactly those instances) and the sequence flows they took
 * ({@link ProcessCoverageRecorder}); instances of other test classes sharing a cached context do not
 * count. The figures are printed; below the thresholds the class fails.
 *
 * <pre>{@code @ProcessCoverage.Required(nodes = 100, flows = 100)}</pre>
 */
public class ProcessCoverage implements BeforeAllCallback, AfterAllCallback {

  /** Thresholds in percent, applied to every deployed process. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(ProcessCoverage.class)
  public @interface Required {
    int nodes() default 100;

    int flows() default 0;
  }

  /** One process's figures. */
  public record Figures(String processKey, int nodes, int nodesPassed, Set<String> nodesMissing, int flows,
      int flowsTaken, Set<String> flowsMissing) {

    double nodePercent() {
      return nodes == 0 ? 100 : 100.0 * nodesPassed / nodes;
    }

    double flowPercent() {
      return flows == 0 ? 100 : 100.0 * flowsTaken / flows;
    }
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessCoverage.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put("window", ProcessCoverageRecorder.open());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessCoverageRecorder.Window window = context.getStore(NAMESPACE).get("window", ProcessCoverageRecorder.Window.class);
    ProcessCoverageRecorder.close();
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    Required required = context.getRequiredTestClass().getAnnotation(Required.class);
    String testClass = context.getRequiredTestClass().getSimpleName();
    List<String> below = new ArrayList<>();
    for (Figures f : measure(engine, window)) {
      System.out.printf("Process coverage %s (%s): %d/%d flow nodes (%.0f%%), %d/%d sequence flows (%.0f%%)%s%s%n",
          f.processKey(), testClass, f.nodesPassed(), f.nodes(), f.nodePercent(), f.flowsTaken(), f.flows(),
          f.flowPercent(), f.nodesMissing().isEmpty() ? "" : ", nodes missing " + f.nodesMissing(),
          f.flowsMissing().isEmpty() ? "" : ", flows missing " + f.flowsMissing());
      if (required != null && (f.nodePercent() < required.nodes() || f.flowPercent() < required.flows())) {
        below.add("%s: %.0f%% nodes (required %d%%), %.0f%% flows (required %d%%)".formatted(f.processKey(),
            f.nodePercent(), required.nodes(), f.flowPercent(), required.flows()));
      }
    }
    assertThat(below).as("process coverage of " + testClass + " below the threshold").isEmpty();
  }

  static List<Figures> measure(ProcessEngine engine, ProcessCoverageRecorder.Window window) {
    List<Figures> figures = new ArrayList<>();
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list();
    for (ProcessDefinition definition : definitions) {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class));
      Set<String> flows = ids(model.getModelElementsByType(SequenceFlow.class));
      Set<String> passed = new HashSet<>();
      for (String instance : window.instances.getOrDefault(definition.getId(), Set.of())) {
        engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
            .map(HistoricActivityInstance::getActivityId).forEach(passed::add);
      }
      Set<String> taken = window.flows.getOrDefault(definition.getId(), Set.of());
      Set<String> nodesMissing = new TreeSet<>(nodes);
      nodesMissing.removeAll(passed);
      Set<String> flowsMissing = new TreeSet<>(flows);
      flowsMissing.removeAll(taken);
      figures.add(new Figures(definition.getKey(), nodes.size(), nodes.size() - nodesMissing.size(), nodesMissing,
          flows.size(), flows.size() - flowsMissing.size(), flowsMissing));
    }
    return figures;
  }

  private static Set<String> ids(java.util.Collection<? extends BaseElement> elements) {
    Set<String> ids = new TreeSet<>();
    elements.forEach(e -> ids.add(e.getId()));
    return ids;
  }
}
