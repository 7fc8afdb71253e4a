package org.disclosuredesk.supervision;

import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
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
  private final AgencyProperties agency;
  private final ApplicationEventPublisher events;

  Urging(CaseRegister register, OpenCaseQuery query, AgencyProperties agency, ApplicationEventPublisher events) {
    this.register = register;
    this.query = query;
    this.agency = agency;
    this.events = events;
  }

  /** 404 for an unknown case, 409 for a closed one, 400 for a note over 1000 characters. */
  @Transactional
  CaseUrged urge(String caseNumber, String urgedBy, String note) {
    CaseRecord c = register.get(agency.code(), caseNumber);
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
    CurrentTask task = query.currentTask(agency.code(), caseNumber).orElse(CurrentTask.NONE);
    register.record(agency.code(), caseNumber, URGED, urgedBy, detail(c, task, text));
    CaseUrged event = new CaseUrged(agency.code(), caseNumber, urgedBy, task.assignee(), text);
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
