package org.disclosuredesk.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds to every user task of the route ({@code disclosureRequest}) what every task needs, instead of repeating it in the BPMN:
 * its case number for the task lists (create; what the form shows comes with its form variables,
 * {@link PresentedFormService}), and the register's "current task and assignee" kept for
 * supervision (create, assignment, complete, delete). The escalation task runs beside the case's
 * step and is not its current task.
 */
@Component
class UserTaskListenersPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> NOT_THE_CASE_STEP = Set.of("Task_SuperviseOverdueCase");

  private final CasePresentation presentation;
  private final CaseRegister register;
  private final ObjectProvider<TaskListener> notifyCandidates;

  UserTaskListenersPlugin(@Lazy CasePresentation presentation, @Lazy CaseRegister register,
      @Lazy @Qualifier("notifyCandidates") ObjectProvider<TaskListener> notifyCandidates) {
    this.presentation = presentation;
    this.register = register;
    this.notifyCandidates = notifyCandidates;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definitionEntity)
            || !CaseVariables.PROCESS_KEY.equals(definitionEntity.getKey())) {
          return;
        }
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, presentation::label);
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, UserTaskListenersPlugin.this::notifyCandidates);
        if (!NOT_THE_CASE_STEP.contains(activity.getId())) {
          definition.addTaskListener(TaskListener.EVENTNAME_CREATE, UserTaskListenersPlugin.this::track);
          definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, UserTaskListenersPlugin.this::track);
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, UserTaskListenersPlugin.this::untrack);
          definition.addTaskListener(TaskListener.EVENTNAME_DELETE, UserTaskListenersPlugin.this::untrack);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
    // what the forms show besides their inputs comes with the form variables, computed when a form is opened
    configuration.setFormService(new PresentedFormService(presentation));
  }

  /** Officers learn by mail that their group has a new task (never for the escalation, which mails itself). */
  private void notifyCandidates(DelegateTask task) {
    TaskListener listener = notifyCandidates.getIfAvailable();
    if (listener != null && !NOT_THE_CASE_STEP.contains(task.getTaskDefinitionKey())) {
      listener.notify(task);
    }
  }

  private void track(DelegateTask task) {
    register.setCurrentTask(task.getProcessInstanceId(), task.getName(), task.getAssignee());
  }

  private void untrack(DelegateTask task) {
    register.setCurrentTask(task.getProcessInstanceId(), null, null);
  }
}
