package org.disclosuredesk.supervision;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.TimelineEntry;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case view shared by the supervision pages and the reception desk: the application, where it
 * stands, the route diagram, the timeline with people's names and the pause ledger. The case's agency
 * follows from its number; people of other agencies do not find it.
 */
@Component
public class CasePageModel {

  private final CaseWatch watch;
  private final CaseRegister register;
  private final OpenCaseQuery query;
  private final CaseDiagram diagrams;
  private final org.disclosuredesk.agency.Departments departments;
  private final Agencies agencies;
  private final IdentityService identity;

  CasePageModel(CaseWatch watch, CaseRegister register, OpenCaseQuery query, CaseDiagram diagrams,
      org.disclosuredesk.agency.Departments departments, Agencies agencies, IdentityService identity) {
    this.watch = watch;
    this.register = register;
    this.query = query;
    this.diagrams = diagrams;
    this.departments = departments;
    this.agencies = agencies;
    this.identity = identity;
  }

  /** Fills the model for the case fragments of {@code supervision/case.html}; 404 for an unknown case. */
  public CaseRecord fill(Model model, String caseNumber) {
    CaseRecord c = visible(caseNumber);
    CurrentTask task = query.currentTask(c.agencyCode(), caseNumber).orElse(CurrentTask.NONE);
    var timeline = register.timeline(c.agencyCode(), caseNumber);
    model.addAttribute("c", c);
    model.addAttribute("departmentName", c.department() == null ? null : departments.name(c.department()));
    model.addAttribute("agencyName", agencies.get(c.agencyCode()).name());
    // on the calendar of the case's agency, whoever looks (a city supervisor, another agency's admin)
    model.addAttribute("workingDaysLeft", c.isOpen() ? watch.workingDaysLeft(c.agencyCode(), c.dueOn()) : null);
    model.addAttribute("overdue", c.isOpen() && watch.overdue(c.dueOn()));
    model.addAttribute("task", task);
    model.addAttribute("timeline", org.disclosuredesk.casefile.TimelineItem.fold(timeline));
    model.addAttribute("kindLabels", TimelineLabels.KINDS);
    model.addAttribute("pauses", register.pauses(c.agencyCode(), caseNumber));
    model.addAttribute("diagram", diagrams.of(c.processInstanceId()).orElse(null));
    Map<String, String> names = new HashMap<>();
    timeline.stream().map(TimelineEntry::actor).forEach(id -> names.computeIfAbsent(id, this::displayName));
    names.computeIfAbsent(task.assignee(), this::displayName);
    names.remove(null);
    model.addAttribute("userNames", names);
    return c;
  }

  /** The BPMN of the case's running instance, if it is running. */
  public java.util.Optional<String> diagramXml(String caseNumber) {
    return diagrams.of(visible(caseNumber).processInstanceId()).map(CaseDiagram.Diagram::xml);
  }

  /**
   * The case, when the signed-in user belongs to its agency (the city's supervisors to every agency);
   * another agency's case is not found (404), as an unknown number.
   */
  public CaseRecord visible(String caseNumber) {
    CaseRecord c = register.get(agencies.holderOf(caseNumber), caseNumber);
    if (!org.disclosuredesk.identity.CurrentUser.get().memberOf(c.agencyCode())) {
      throw new org.disclosuredesk.casefile.CaseNotFoundException(caseNumber);
    }
    return c;
  }

  /** "张三（zhangsan）" for an engine user, the id itself for anyone else (a system step, the portal). */
  public String displayName(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    if (org.disclosuredesk.calendar.CalendarChanged.SYSTEM.equals(userId)) {
      return "系统";
    }
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? "" : u.getLastName()))
        .strip();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }
}
