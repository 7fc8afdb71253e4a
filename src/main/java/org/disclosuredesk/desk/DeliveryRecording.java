package org.disclosuredesk.desk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.route.RouteInputException;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 送达 from the desk: completes the case's Task_RecordDelivery exactly as the Tasklist form would, through
 * the engine's TaskService under the clerk's own identity (so the engine's task authorizations and the
 * route's own checks apply, and the history shows who did it).
 */
@Component
class DeliveryRecording {

  static final String TASK = "Task_RecordDelivery";
  static final List<String> METHODS = List.of("PICKUP", "POST", "EMAIL", "FAX", "OTHER");

  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseRegister register;
  private final Agencies agencies;

  DeliveryRecording(TaskService tasks, IdentityService identity, CaseRegister register, Agencies agencies) {
    this.tasks = tasks;
    this.identity = identity;
    this.register = register;
    this.agencies = agencies;
  }

  /** The open delivery task of the case, if the reply is waiting to be delivered. */
  Task openTask(CaseRecord c) {
    return c.processInstanceId() == null ? null : tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey(TASK).singleResult();
  }

  void record(String caseNumber, LocalDate deliveredOn, String method, String note, CurrentUser user) {
    CaseRecord c = register.get(agencies.holderOf(caseNumber), caseNumber);
    Task task = openTask(c);
    if (task == null) {
      throw new ConflictException("status", "本案当前没有待送达的答复（状态：" + c.status().label() + "）");
    }
    if (method == null || !METHODS.contains(method)) {
      throw new InvalidInputException("deliveryMethod", "必须选择送达方式");
    }
    if (note != null && note.length() > 1000) {
      throw new InvalidInputException("deliveryNote", "不能超过 1000 个字符");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("deliveredOn", deliveredOn == null ? null : deliveredOn.toString());
    variables.put("deliveryMethod", method);
    variables.put("deliveryNote", note == null || note.isBlank() ? null : note.strip());
    identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.agencies()));
    try {
      tasks.complete(task.getId(), variables);
    } catch (RuntimeException e) {
      RouteInputException invalid = RouteInputException.within(e).orElseThrow(() -> e);
      throw new InvalidInputException(invalid.errors().stream()
          .map(f -> new FieldError(f.field().startsWith("送达方式") ? "deliveryMethod" : "deliveredOn", f.message()))
          .toList());
    } finally {
      identity.clearAuthentication();
    }
  }
}
