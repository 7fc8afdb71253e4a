package org.disclosuredesk.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The route of a running case as BPMN XML (its own process definition version) and the activities it
 * is at now, read from the engine's runtime (not history). An ended instance has no diagram here.
 */
@Component
class CaseDiagram {

  /** The BPMN of the instance's definition and its active activity ids. */
  record Diagram(String processInstanceId, String processDefinitionId, String xml, List<String> activeActivityIds) {}

  private final RuntimeService runtime;
  private final RepositoryService repository;

  CaseDiagram(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  Optional<Diagram> of(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    List<String> active = runtime.getActiveActivityIds(processInstanceId);
    try (InputStream in = repository.getProcessModel(instance.getProcessDefinitionId())) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(new Diagram(processInstanceId, instance.getProcessDefinitionId(), xml, active));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
