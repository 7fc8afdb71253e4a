package org.disclosuredesk.supervision;

import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Urging (催办): a supervisor presses the holder of a case's open task. The urge goes on the case's
 * timeline and {@link CaseUrged} is published in the same transaction (the mail feature notifies).
 */
@Service
class Urging {

  static final String URGED = "URGED";
  static final int MAX_NOTE = 1000;

  private final CaseRegister register;
  private final OpenCaseQuery query;
  private final Agencies agencies;
  private final ApplicationEventPublisher events;

  Urging(CaseRegister register, OpenCaseQuery query, Agencies agencies, ApplicationEventPublisher events) {
    this.register = register;
    this.query = query;
    this.agencies = agencies;
    this.events = events;
  }

  /**
   * Urges the case on its own agency's timeline; the mail reaches that agency's people only. 404 for an
   * unknown case or one of an agency the supervisor does not belong to (the city's supervisors belong to
   * every agency), 409 for a closed one, 400 for a note over 1000 characters.
   */
  @Transactional
  CaseUrged urge(CurrentUser supervisor, String caseNumber, String note) {
    String agency = agencies.holderOf(caseNumber);
    if (!supervisor.memberOf(agency)) {
      throw new CaseNotFoundException(caseNumber);
    }
    String urgedBy = supervisor.id();
    CaseRecord c = register.get(agency, caseNumber);
    String text = note == null ? "" : note.strip();
    if (text.length() > MAX_NOTE) {
      throw new InvalidInputException("note", "催办意见不能超过 " + MAX_NOTE + " 字");
    }
    if (!c.isOpen()) {
      throw new ConflictException("caseNumber", "案件已办结，无需催办");
    }
    if (text.isEmpty()) {
      throw new InvalidInputException("note", "请填写催办意见（催办什么、何时前办理）");
    }
    CurrentTask task = query.currentTask(agency, caseNumber).orElse(CurrentTask.NONE);
    register.record(agency, caseNumber, URGED, urgedBy, detail(c, task, text));
    CaseUrged event = new CaseUrged(agency, caseNumber, urgedBy, task.assignee(), text);
    events.publishEvent(event);
    return event;
  }

  private static String detail(CaseRecord c, CurrentTask task, String note) {
    String whom = task.assignee() != null ? "承办人 " + task.assignee()
        : c.department() == null ? "接待室（案件尚未分办到部门）" : "承办部门（任务尚未签收）";
    String step = task.name() == null ? "" : "，当前环节：" + task.name();
    return "催办" + whom + step + (note.isEmpty() ? "" : "。意见：" + note);
  }
}
