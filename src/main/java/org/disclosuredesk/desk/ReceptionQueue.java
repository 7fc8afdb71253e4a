package org.disclosuredesk.desk;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Today's work of the reception room: the open reception tasks of the agency's cases, grouped as the
 * clerk thinks of them (completeness checks, supplements due, replies to deliver, anything else).
 */
@Component
class ReceptionQueue {

  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

  /** A queue section: its title and the task definitions it shows, in order. */
  enum Section {
    COMPLETENESS("审查申请是否完整", Set.of("Task_CheckCompleteness")),
    SUPPLEMENTS("等待补正", Set.of("Task_AwaitSupplement")),
    DELIVERIES("答复待送达", Set.of("Task_RecordDelivery")),
    OTHER("其他待办", Set.of());

    final String title;
    final Set<String> taskKeys;

    Section(String title, Set<String> taskKeys) {
      this.title = title;
      this.taskKeys = taskKeys;
    }

    public String title() {
      return title;
    }

    static Section of(String taskKey) {
      for (Section s : values()) {
        if (s.taskKeys.contains(taskKey)) {
          return s;
        }
      }
      return OTHER;
    }
  }

  /** One line of the queue; {@code taskUrl} opens the task in Tasklist, the case page is at /desk/cases/{n}. */
  record Item(String taskName, String caseNumber, String applicantName, LocalDate dueOn, boolean overdue,
      String assignee, String taskUrl, LocalDate supplementDueOn) {}

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CaseRegister register;
  private final Agencies agencies;
  private final org.disclosuredesk.agency.AgencyClock clock;

  ReceptionQueue(TaskService tasks, RuntimeService runtime, CaseRegister register, Agencies agencies,
      org.disclosuredesk.agency.AgencyClock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.register = register;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** The sections in order, each with its items oldest due date first (empty sections included). */
  Map<Section, List<Item>> today(String agencyCode) {
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY).tenantIdIn(agencyCode)
        .taskCandidateGroup(Groups.RECEPTION).includeAssignedTasks().orderByDueDate().asc().list();
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> caseNumbers = instanceIds.isEmpty() ? Map.of()
        : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .filter(p -> p.getBusinessKey() != null)
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<Section, List<Item>> queue = new LinkedHashMap<>();
    for (Section s : Section.values()) {
      queue.put(s, new ArrayList<>());
    }
    ZoneId zone = clock.zone();
    for (Task t : open) {
      String caseNumber = caseNumbers.get(t.getProcessInstanceId());
      if (caseNumber == null) {
        continue;
      }
      register.find(agencyCode, caseNumber).ifPresent((CaseRecord c) -> {
        LocalDate due = t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(zone).toLocalDate();
        queue.get(Section.of(t.getTaskDefinitionKey())).add(new Item(t.getName(), caseNumber, c.applicant().name(), due,
            due != null && clock.today().isAfter(due), t.getAssignee(), TASKLIST_TASK + t.getId(),
            c.supplementDueOn()));
      });
    }
    return queue;
  }
}
