package org.disclosuredesk.benchmark;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The route's BPMN with the application taken out, generated at run time from
 * processes/disclosure-request.bpmn (no second copy is kept): every service and business-rule task
 * becomes the no-op expression {@code ${null}}, every task and execution listener goes, user tasks lose
 * their computed due dates, and timers wait until a fixed date far ahead. Flows, gateways, forms,
 * candidate groups, async points and timers stay, so the engine does the same work per step; the gateways
 * read the officer's proposed outcome, which the application would have copied into {@code outcome}.
 */
final class StrippedRoute {

  static final String KEY = "strippedRequest";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private StrippedRoute() {}

  static BpmnModelInstance generate() {
    BpmnModelInstance model;
    try (InputStream in = StrippedRoute.class.getClassLoader().getResourceAsStream("processes/disclosure-request.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(KEY);
    process.setName("办理路线（无应用逻辑，基准测试）");
    for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
      noOp(t);
    }
    for (BusinessRuleTask t : model.getModelElementsByType(BusinessRuleTask.class)) {
      noOp(t);
      t.removeAttributeNs(CAMUNDA, "decisionRef");
      t.removeAttributeNs(CAMUNDA, "resultVariable");
      t.removeAttributeNs(CAMUNDA, "mapDecisionResult");
    }
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      t.removeAttributeNs(CAMUNDA, "dueDate");
      t.removeAttributeNs(CAMUNDA, "followUpDate");
    }
    // nobody turns the officer's proposal into the outcome the gateways read: they read the proposal
    // (the form's own field, so the submission stays within handleRequestForm's fields)
    for (ConditionExpression c : model.getModelElementsByType(ConditionExpression.class)) {
      c.setTextContent(c.getTextContent().replaceAll("\\boutcome ==", "proposedOutcome =="));
    }
    for (TimeDate d : model.getModelElementsByType(TimeDate.class)) {
      d.setTextContent("2099-12-31T00:00:00");
    }
    List<ModelElementInstance> listeners = new ArrayList<>();
    listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
    listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
    for (ModelElementInstance l : listeners) {
      l.getParentElement().removeChildElement(l);
    }
    Bpmn.validateModel(model);
    return model;
  }

  private static void noOp(ModelElementInstance task) {
    task.removeAttributeNs(CAMUNDA, "delegateExpression");
    task.removeAttributeNs(CAMUNDA, "class");
    task.removeAttributeNs(CAMUNDA, "type");
    task.removeAttributeNs(CAMUNDA, "topic");
    task.setAttributeValueNs(CAMUNDA, "expression", "${null}");
  }
}
