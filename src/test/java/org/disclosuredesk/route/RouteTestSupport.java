package org.disclosuredesk.route;

import org.disclosuredesk.agency.Agency;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.intake.Registration;
import org.disclosuredesk.intake.RegistrationRequest;
import org.disclosuredesk.intake.RegistrationRequest.ApplicantInput;
import org.springframework.stereotype.Component;

/** Drives the route in tests: registers cases, completes tasks with form values, moves engine time. */
@Component
public class RouteTestSupport {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final String VALID_RESIDENT_ID = "11010519491231002X";

  private final ProcessEngine engine;
  private final CaseRegistration registration;
  private final CaseRegister register;

  public RouteTestSupport(ProcessEngine engine, CaseRegistration registration, CaseRegister register) {
    this.engine = engine;
    this.registration = registration;
    this.register = register;
  }

  /** Engine time, and with it the application's clock, at this local time of the agency. */
  public static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant()));
  }

  public static Date instant(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
  }

  public static RegistrationRequest walkIn(String description, LocalDate receivedOn) {
    return new RegistrationRequest(Channel.IN_PERSON, receivedOn,
        new ApplicantInput(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID, VALID_RESIDENT_ID, "13800000000",
            "zhangsan@example.com", "示例市人民路1号", null),
        description, null, InfoFormat.PAPER, Delivery.PICKUP, null);
  }

  /** Registers a walk-in received today through the same service as the API and returns its instance. */
  public ProcessInstance registerWalkIn(String description) {
    Registration r = registration.registerAndStart(Agency.DEFAULT, walkIn(description, null), null, "reception");
    return instanceOf(r.caseNumber());
  }

  /** A walk-in registered only now, with the reason a receipt date this far back needs. */
  public ProcessInstance registerLateWalkIn(String description, LocalDate receivedOn, String reason) {
    RegistrationRequest w = walkIn(description, receivedOn);
    RegistrationRequest late = new RegistrationRequest(w.channel(), w.receivedOn(), w.applicant(), w.description(),
        w.purpose(), w.format(), w.delivery(), w.department(), w.letter(), reason);
    return instanceOf(registration.registerAndStart(Agency.DEFAULT, late, null, "reception").caseNumber());
  }

  public ProcessInstance instanceOf(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("disclosureRequest")
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  public CaseRecord caseOf(ProcessInstance pi) {
    return register.get("default", pi.getBusinessKey());
  }

  public Task task(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Completes the open task with this key as a user would submit its form. */
  public void complete(ProcessInstance pi, String taskKey, Object... keyValues) {
    Task t = task(pi, taskKey);
    if (t == null) {
      throw new AssertionError("no open task " + taskKey + " in " + pi.getBusinessKey());
    }
    engine.getTaskService().complete(t.getId(), vars(keyValues));
  }

  public void acceptFor(ProcessInstance pi, String department) {
    complete(pi, "Task_CheckCompleteness", "completeness", "COMPLETE", "department", department);
  }

  public void propose(ProcessInstance pi, String outcome, Object... more) {
    Object[] base = {"handlingAction", "PROPOSE_REPLY", "proposedOutcome", outcome, "replyNote", "答复要点"};
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    complete(pi, "Task_HandleRequest", all);
  }

  public void deliver(ProcessInstance pi, LocalDate on) {
    complete(pi, "Task_RecordDelivery", "deliveredOn", on.toString(), "deliveryMethod", "PICKUP");
  }

  /** The timer jobs of a timer event that are still waiting. */
  public List<Job> timers(ProcessInstance pi, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId)
        .list();
  }

  /** Executes the one waiting job of this activity (a timer or an async step), as the job executor would. */
  public void fire(ProcessInstance pi, String activityId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .list();
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job for " + activityId + " but found " + jobs.size());
    }
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
