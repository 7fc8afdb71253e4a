package org.disclosuredesk.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.deadline.CaseClock;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteCases;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What an officer needs to decide, shown on every task form: the application and the history so
 * far ({@code caseSummary}, {@code caseHistory}: Markdown rendered by the forms' text fields), the
 * officer's proposal for the reviewer ({@code proposal}) and the agency's departments for the
 * department selects ({@code departmentOptions}).
 *
 * <p>They are computed from the register when a form is opened and handed to it with the form
 * variables ({@link PresentedFormService}), never stored as variables: a task that nobody opens
 * costs nothing, a form shows the days left and the history as of the moment it is opened, and the
 * engine writes and deletes no display copies (they were 16 variable rows per case, written again
 * on claim). The one stored copy is the task-local {@code caseNumber}, which Tasklist's task lists
 * show ({@link PresentationHistoryFilter} keeps it out of the history). Staff display names are
 * cached for a minute.
 */
@Component
class CasePresentation {

  static final String SUMMARY = "caseSummary";
  static final String HISTORY = "caseHistory";
  static final String PROPOSAL = "proposal";
  /** The case's agency's departments for the forms' department selects (form-js {@code valuesKey}). */
  static final String DEPARTMENT_OPTIONS = "departmentOptions";
  /** The routing table's proposal by its name in the case's agency (completeness-check.form). */
  static final String PROPOSED_DEPARTMENT_NAME = "proposedDepartmentName";
  /** The tasks whose forms choose a department (completeness-check.form, handle-request.form). */
  private static final Set<String> CHOOSE_DEPARTMENT = Set.of("Task_CheckCompleteness", "Task_HandleRequest");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseRegister register;
  private final CaseClock clock;
  private final org.disclosuredesk.agency.Departments departments;
  private final RouteCases cases;
  private final Letters letters;
  private final org.camunda.bpm.engine.IdentityService identity;

  CasePresentation(CaseRegister register, CaseClock clock, org.disclosuredesk.agency.Departments departments, RouteCases cases,
      Letters letters, @Lazy org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.letters = letters;
    this.register = register;
    this.clock = clock;
    this.departments = departments;
    this.cases = cases;
  }

  /** Task created: the task-local copy of the case number, which Tasklist lists to every candidate. */
  void label(DelegateTask task) {
    String caseNumber = CaseVariables.caseNumber(task);
    if (caseNumber != null) {
      // process variables need more rights than a candidate has; a task-local copy is listed to all of them
      task.setVariableLocal(CaseVariables.CASE_NUMBER, caseNumber);
    }
  }

  /**
   * What the task's form shows besides its inputs, added to the form variables when the form is opened
   * ({@code GET /task/{id}/form-variables}, {@link PresentedFormService}): read from the register then, so
   * always as of the moment, and never written to the engine. {@code names}: the variables asked for, null for all.
   */
  void addShown(DelegateTask task, VariableMap variables, Collection<String> names) {
    String caseNumber = CaseVariables.caseNumber(task);
    if (caseNumber == null) {
      return;
    }
    String agencyCode = cases.agencyOf(task);
    if (CHOOSE_DEPARTMENT.contains(task.getTaskDefinitionKey()) && wanted(names, DEPARTMENT_OPTIONS)) {
      variables.putValueTyped(DEPARTMENT_OPTIONS, SpinValues.jsonValue(departmentOptions(agencyCode)).create());
    }
    String proposed = CaseVariables.string(task, CaseVariables.PROPOSED_DEPARTMENT);
    if (proposed != null && wanted(names, PROPOSED_DEPARTMENT_NAME)) {
      variables.putValue(PROPOSED_DEPARTMENT_NAME, departments.name(proposed));
    }
    if (wanted(names, SUMMARY) || wanted(names, HISTORY)) {
      register.find(agencyCode, caseNumber).ifPresent(c -> {
        if (wanted(names, SUMMARY)) {
          variables.putValue(SUMMARY, summary(c));
        }
        if (wanted(names, HISTORY)) {
          variables.putValue(HISTORY, history(c));
        }
      });
    }
    if (wanted(names, PROPOSAL)) {
      CaseVariables.enumValue(task, CaseVariables.OUTCOME, Outcome.class).ifPresent(o -> variables.putValue(PROPOSAL,
          "**拟答复：** " + o.label() + CaseVariables.enumValue(task, CaseVariables.WITHHOLDING_GROUND, WithholdingGround.class)
              .map(g -> "（" + g.label() + "）").orElse("")
          + "\n\n**答复要点：** " + md(CaseVariables.string(task, "replyNote"))
          // the officer's 办理说明 goes with the proposal, so the reviewer reads it too
          + (CaseVariables.string(task, "handlingNote") == null ? ""
              : "\n\n**承办人办理说明：** " + md(CaseVariables.string(task, "handlingNote")))));
    }
  }

  private static boolean wanted(Collection<String> names, String name) {
    return names == null || names.contains(name); // as the engine reads its form variable names
  }

  /** {@code [{"label":"住房保障科","value":"housing-dept"}, …]}: this agency's departments, in their order. */
  private String departmentOptions(String agencyCode) {
    ArrayNode options = JSON.createArrayNode();
    departments.of(agencyCode).forEach((code, name) -> options.addObject().put("label", name).put("value", code));
    return options.toString();
  }

  String summary(CaseRecord c) {
    Applicant a = c.applicant();
    StringBuilder s = new StringBuilder();
    s.append("**案件编号：** ").append(c.caseNumber()).append("　**状态：** ").append(c.status().label()).append("\n\n");
    s.append("**收到申请：** ").append(c.receivedOn()).append("（").append(c.channel().label()).append("）");
    if (c.dueOn() != null) {
      s.append("　**答复期限：** ").append(c.dueOn());
      int left = clock.workingDaysLeft(c.agencyCode(), c.dueOn());
      s.append("（截至 ").append(clock.today()).append(left >= 0 ? "，剩余 " + left + " 个工作日）" : "，已超期 " + (-left) + " 个工作日）");
    }
    if (c.extensionDays() > 0) {
      s.append("　已延期 ").append(c.extensionDays()).append(" 个工作日");
    }
    s.append("\n\n**申请人：** ").append(md(a.name())).append("（").append(a.type().label()).append("）");
    if (a.contactPerson() != null) {
      s.append("　联系人：").append(md(a.contactPerson()));
    }
    s.append("\n\n**联系方式：** ").append(md(join(a.phone(), a.email(), a.address())));
    s.append("\n\n**所需政府信息：** ").append(md(c.description()));
    if (c.purpose() != null) {
      s.append("\n\n**用途：** ").append(md(c.purpose()));
    }
    s.append("\n\n**载体形式 / 获取方式：** ").append(c.format() == null ? "—" : c.format().label()).append(" / ")
        .append(c.delivery() == null ? "—" : c.delivery().label());
    if (c.department() != null) {
      s.append("\n\n**承办部门：** ").append(departments.name(c.department()));
    }
    s.append("\n\n**本案文件：** [查看、上传与遮盖处理](/documents/").append(c.caseNumber()).append(")");
    List<IssuedLetter> issued = letters.list(c.agencyCode(), c.caseNumber());
    if (!issued.isEmpty()) {
      s.append("\n\n**文书（点击打开，可打印或下载 PDF）：** ");
      for (IssuedLetter l : issued) {
        s.append("[").append(l.title()).append("](/api/requests/").append(c.caseNumber()).append("/letters/")
            .append(l.id()).append(") ");
      }
    }
    for (ClockPause p : register.pauses(c.agencyCode(), c.caseNumber())) {
      s.append("\n\n**暂停计时：** ").append(p.reason().label()).append(" ").append(p.startedOn()).append(" 至 ")
          .append(p.endedOn() == null ? "（进行中）" : p.endedOn());
    }
    return s.toString();
  }

  String history(CaseRecord c) {
    StringBuilder s = new StringBuilder();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    // mail delivery records are folded: one line per run of mails, each mail indented below it
    for (org.disclosuredesk.casefile.TimelineItem e
        : org.disclosuredesk.casefile.TimelineItem.fold(register.timeline(c.agencyCode(), c.caseNumber()))) {
      s.append("- ").append(AT.format(e.at())).append("　").append(md(e.detail()));
      if (e.actor() != null && !e.folded()) {
        s.append("（").append(md(names.computeIfAbsent(e.actor(), this::displayName))).append("）");
      }
      s.append("\n");
      for (String mail : e.mails()) {
        s.append("    - ").append(md(mail)).append("\n");
      }
    }
    return s.toString();
  }

  /** 接待室工作人员 rather than reception: the user's name as kept by the engine, else the id. */
  private String displayName(String userId) {
    if (org.disclosuredesk.calendar.CalendarChanged.SYSTEM.equals(userId)) {
      return "系统";
    }
    long now = System.nanoTime();
    CachedName cached = displayNames.get(userId);
    if (cached != null && now - cached.at() < NAME_TTL_NANOS) {
      return cached.name();
    }
    String name = lookUpDisplayName(userId);
    if (displayNames.size() > 10_000) {
      displayNames.clear();
    }
    displayNames.put(userId, new CachedName(name, now));
    return name;
  }

  private record CachedName(String name, long at) {}

  private static final long NAME_TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
  private final java.util.Map<String, CachedName> displayNames = new java.util.concurrent.ConcurrentHashMap<>();

  private String lookUpDisplayName(String userId) {
    org.camunda.bpm.engine.identity.User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = (u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? "" : u.getLastName());
    return name.isBlank() ? userId : name;
  }

  private static String join(String... parts) {
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      if (p != null) {
        s.append(s.isEmpty() ? "" : "；").append(p);
      }
    }
    return s.isEmpty() ? "—" : s.toString();
  }

  /** Applicant text is shown as text: markup characters lose their meaning. */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
        .replace("_", "\\_").replace("[", "\\[").replace("]", "\\]").replace("#", "\\#").replace("`", "\\`")
        .replace("{", "&#123;").replace("}", "&#125;").replace("\r", "").replace("\n", "  \n");
  }
}
