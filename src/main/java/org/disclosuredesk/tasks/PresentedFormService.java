package org.disclosuredesk.tasks;

import java.util.Collection;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, whose task form variables carry what the route's forms show besides their
 * inputs ({@link CasePresentation#addShown}). Every door asks through it: Tasklist
 * ({@code GET /task/{id}/form-variables} on the webapps' session API, without variable names), engine REST and
 * the Java API. The engine's own checks (the task exists, the caller may read it and its variables, its
 * tenant) run first and unchanged.
 */
final class PresentedFormService extends FormServiceImpl {

  private final CasePresentation presentation;

  PresentedFormService(CasePresentation presentation) {
    this.presentation = presentation;
  }

  @Override
  public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
    return commandExecutor.execute(new GetTaskFormVariablesCmd(presentation, taskId, formVariables, deserializeObjectValues));
  }

  /** The engine's command (same simple name, so door messages and logs read as before), plus the shown values. */
  static final class GetTaskFormVariablesCmd extends org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd {

    private static final long serialVersionUID = 1L;
    private final transient CasePresentation presentation;

    GetTaskFormVariablesCmd(CasePresentation presentation, String taskId, Collection<String> names, boolean deserialize) {
      super(taskId, names, deserialize);
      this.presentation = presentation;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      VariableMap variables = super.execute(commandContext);
      // the task was read (and checked) by the engine's command just now: this is its cached entity
      TaskEntity task = commandContext.getTaskManager().findTaskById(resourceId);
      if (task != null && task.getProcessDefinitionId() != null && isRoute(commandContext, task)) {
        // the caller may read this task (checked above); what the form shows is the route's, read as the route reads
        // it: without the caller's authorizations (staff names in the history, which a candidate may not query)
        commandContext.runWithoutAuthorization((java.util.concurrent.Callable<Void>) () -> {
          presentation.addShown(task, variables, formVariableNames);
          return null;
        });
      }
      return variables;
    }

    private static boolean isRoute(CommandContext commandContext, TaskEntity task) {
      return org.disclosuredesk.route.CaseVariables.PROCESS_KEY.equals(commandContext.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey());
    }
  }
}
