package org.disclosuredesk.intake;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.identity.CaseAccess;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.route.RouteInputException;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant does after applying, forwarded by reception (API or desk) or the portal:
 * supplement, withdraw.
 */
@Service
public class ApplicantActions {

  /** Body of the supplement call: the day it arrived (default today) and what it says. */
  public record SupplementInput(LocalDate receivedOn, String note) {}

  /** Body of the withdrawal call. */
  public record WithdrawalInput(String note) {}

  private final CaseRegister register;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Agencies agencies;
  private final AgencyClock clock;
  private final CaseAccess access;

  ApplicantActions(CaseRegister register, TaskService tasks, RuntimeService runtime, Agencies agencies,
      AgencyClock clock, CaseAccess access) {
    this.access = access;
    this.register = register;
    this.tasks = tasks;
    this.runtime = runtime;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** The case, if the caller may act for its applicant (the portal: only the cases it submitted); else not found. */
  private CaseRecord actingCase(String caseNumber) {
    CurrentUser user = CurrentUser.get();
    return register.find(agencies.holderOf(caseNumber), caseNumber).filter(c -> access.mayActForApplicant(user, c))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /** The supplement arrived: completes the waiting step, which restarts the clock (Art. 30). */
  @Transactional
  public void supplement(String caseNumber, SupplementInput input, String actor) {
    supplement(actingCase(caseNumber), input, CurrentUser.get().in(org.disclosuredesk.identity.Groups.PORTAL));
  }

  /**
   * The applicant's own supplement from the public lookup page, after the caller checked the
   * verification code: received online today (on a rest day, the next working day).
   */
  @Transactional
  public void supplementByApplicant(String caseNumber, String note) {
    supplement(register.find(agencies.holderOf(caseNumber), caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber)),
        new SupplementInput(null, note), true);
  }

  /** The applicant's own withdrawal from the public lookup page, after the caller checked the verification code. */
  @Transactional
  public void withdrawByApplicant(String caseNumber, String note) {
    withdraw(register.find(agencies.holderOf(caseNumber), caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber)),
        new WithdrawalInput(note), "applicant");
  }

  private void supplement(CaseRecord c, SupplementInput input, boolean online) {
    String note = input == null ? null : input.note();
    if (note != null && note.length() > 4000) {
      throw new InvalidInputException("note", "不能超过 4000 个字符");
    }
    if (c.status() != CaseStatus.AWAITING_SUPPLEMENT) {
      throw new ConflictException("status", "本案当前不在等待补正（状态：" + c.status().label() + "）");
    }
    Task waiting = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey("Task_AwaitSupplement").singleResult();
    if (waiting == null) {
      throw new ConflictException("status", "本案当前不在等待补正");
    }
    LocalDate received = input == null || input.receivedOn() == null ? clock.today() : input.receivedOn();
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("supplementReceivedOn", received.toString());
    variables.put("supplementNote", note);
    // the portal forwards what the applicant submitted online (received on the next working day if on a rest day)
    if (online) {
      variables.put(IntakeSteps.SUPPLEMENT_CHANNEL, org.disclosuredesk.casefile.Channel.ONLINE.name());
    }
    try {
      tasks.complete(waiting.getId(), variables);
    } catch (RouteInputException invalid) { // the engine boundary unwraps it (UnwrapRouteInput)
      throw new InvalidInputException("receivedOn", invalid.errors().get(0).message());
    }
  }

  /** The applicant withdrew before the reply: the case ends as 其他处理. */
  @Transactional
  public void withdraw(String caseNumber, WithdrawalInput input, String actor) {
    withdraw(actingCase(caseNumber), input, actor);
  }

  private void withdraw(CaseRecord c, WithdrawalInput input, String actor) {
    String note = input == null ? null : input.note();
    if (note != null && note.length() > 4000) {
      throw new InvalidInputException("note", "不能超过 4000 个字符");
    }
    if (!c.status().acceptsWithdrawal()) {
      throw new ConflictException("status", "本案已答复或已办结，不能撤回（状态：" + c.status().label() + "）");
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("withdrawalNote", note);
    variables.put("withdrawnBy", actor);
    runtime.createMessageCorrelation("ApplicationWithdrawn").processInstanceId(c.processInstanceId())
        .setVariables(variables).correlateWithResult();
  }
}
