package org.disclosuredesk.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.disclosuredesk.engine.FilteredHistory;
import org.disclosuredesk.route.RouteInputException;
import org.springframework.stereotype.Component;

/**
 * The engine's doors (engine REST, the webapps' session API, Tasklist) guarded in the engine itself,
 * for every signed-in user who is not an administrator:
 * <ul>
 *   <li>candidate groups and assignees get {@code TASK_WORK} on a task (claim and complete), never
 *       {@code UPDATE} (name, due date, identity links, variables);</li>
 *   <li>a form submission (complete, submit-form, process start) carries only the input fields of
 *       that step's Camunda Form ({@link FormFields}) and only plain values (text, number, boolean,
 *       date, JSON) — never a serialized Java object (400);</li>
 *   <li>setting or removing variables outside a submission, changing a task's attributes or links,
 *       throwing BPMN errors or escalations on a task, correlating messages or signals: refused (403);</li>
 *   <li>another agency's (tenant's) task or case named by its id: 403 like any refusal, not the engine's 500;</li>
 *   <li>a user's own profile (names, e-mail, where notifications go) is changed only by an
 *       administrator; passwords follow Camunda's password policy (400 when too weak).</li>
 * </ul>
 * Our own code calls the engine without an engine authentication (and nested calls inside a
 * command) and is not affected: the route itself writes what it needs.
 */
@Component
class EngineDoorGuard extends AbstractProcessEnginePlugin {

  /** Commands that no user needs: everything they change belongs to the route or to administrators. */
  private static final List<Class<?>> ROUTE_ONLY = List.of(AbstractVariableCmd.class, AbstractPatchVariablesCmd.class,
      AbstractSetTaskPropertyCmd.class, SaveTaskCmd.class, AbstractAddIdentityLinkCmd.class, DeleteIdentityLinkCmd.class,
      SetTaskOwnerCmd.class, DelegateTaskCmd.class, ResolveTaskCmd.class, HandleTaskBpmnErrorCmd.class,
      HandleTaskEscalationCmd.class, AbstractCorrelateMessageCmd.class, MessageEventReceivedCmd.class,
      SignalEventReceivedCmd.class, SignalCmd.class, StartProcessInstanceAtActivitiesCmd.class);

  private static final Set<String> PLAIN_TYPES = Set.of(ValueType.STRING.getName(), ValueType.BOOLEAN.getName(),
      ValueType.INTEGER.getName(), ValueType.LONG.getName(), ValueType.SHORT.getName(), ValueType.DOUBLE.getName(),
      ValueType.DATE.getName(), ValueType.NULL.getName(), "json");

  /** The engine's tenant check ("… because it belongs to no authenticated tenant"). */
  private static final String OTHER_TENANT = "ENGINE-13034";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineDoorGuard.class);
  /** How the engine's null checks say that an id names nothing ("task x doesn't exist", "Cannot find task …"). */
  private static final java.util.regex.Pattern MISSING =
      java.util.regex.Pattern.compile("doesn't exist|does not exist|cannot find|not found|no matching|no \\w+ found");

  private final FormFields forms = FormFields.load();
  /** process definition key → the form of its start event (from the BPMN's camunda:formRef). */
  private final Map<String, String> startForms = new ConcurrentHashMap<>();
  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    DoorRefusalLogging.install();
    // least privilege on tasks: candidates and assignees may claim and complete, not edit (stack-notes P19)
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // Camunda's built-in password policy (length, upper and lower case, digit, special character)
    configuration.setEnablePasswordPolicy(true);
    // serialized Java objects are never accepted as variable values
    configuration.setJavaSerializationFormatEnabled(false);

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Guard());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity definition) {
          String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
          if (formRef != null) {
            startForms.put(definition.getKey(), formRef);
          }
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);

    // the start form's raw personal fields never reach the engine's history (supervisors may search it)
    FilteredHistory.skip(configuration, new StartFormFields(key -> forms.of(startForms.get(key))));
  }

  private final class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // nested inside a command: the route's own code
      }
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user == null) {
        return passwordPolicyAsBadInput(command);
      }
      if (!isAdmin(user)) {
        check(command, user);
      }
      DoorRefusalLogging.enter();
      try {
        return passwordPolicyAsBadInput(command);
      } catch (NullValueException | NullPointerException | BadUserRequestException e) {
        if (!isMissing(e)) {
          throw e;
        }
        String missing = namesNothing(command);
        if (missing == null) {
          if (e instanceof BadUserRequestException) {
            throw e; // the engine's own bad-request answer about an id that exists: kept as it is
          }
          // a real failure (one of our listeners inside a command on a task that exists): as before, logged here with
          // its stack trace because DoorRefusalLogging dropped the engine's own ERROR line as a "missing" one
          log.warn("engine door: {} failed for {}", command.getClass().getSimpleName(), user.getUserId(), e);
          throw e;
        }
        // a task or instance id that does not exist (or no longer: a completed task) through a door: 404 as for
        // GET /task/{id}, not a 500 with a stack trace in the log. The engine itself answers a missing task's
        // deployed form with a NullPointerException in its authorization check (7.24), hence the second type; its
        // form variables with a BadUserRequestException "Cannot find task with id …", in English, hence the third.
        log.info("engine door: {} asked {} for {}, which names nothing", user.getUserId(),
            command.getClass().getSimpleName(), missing);
        throw new InvalidRequestException(Response.Status.NOT_FOUND, "任务或案件不存在（或已办结）"); // the command: logged above
      } finally {
        DoorRefusalLogging.leave();
      }
    }

    private <T> T passwordPolicyAsBadInput(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException | AuthorizationException e) {
        throw e;
      } catch (ProcessEngineException e) {
        if (isOtherTenant(e)) {
          // another agency's task, instance or definition: refused like any unauthorized call, not a 500
          Authentication user = configuration.getIdentityService().getCurrentAuthentication();
          log.info("engine door: {} refused another agency's data: {}", user == null ? null : user.getUserId(),
              e.getMessage());
          throw new AuthorizationException("此任务或案件属于其他机关，您无权查看或办理");
        }
        if (command instanceof SaveUserCmd && String.valueOf(e.getMessage()).contains("olicy")) {
          throw new BadUserRequestException(
              "密码不符合密码策略：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符，且不能包含用户名或姓名", e);
        }
        throw e;
      }
    }
  }

  /** The engine's tenant check refused: the task, instance or definition is another agency's. */
  static boolean isOtherTenant(Throwable e) {
    return e instanceof ProcessEngineException && String.valueOf(e.getMessage()).startsWith(OTHER_TENANT);
  }

  /**
   * The engine's null check of an entity looked up by id ("task x doesn't exist", or 7.24's NPE for a form, or its
   * bad request "Cannot find task with id …" for a form's variables).
   */
  static boolean isMissing(Throwable e) {
    String message = String.valueOf(e.getMessage());
    boolean saysMissing = MISSING.matcher(message.toLowerCase(java.util.Locale.ROOT)).find();
    return (e instanceof NullValueException || e instanceof BadUserRequestException) && saysMissing
        || e instanceof NullPointerException && message.endsWith("because \"task\" is null");
  }

  /** Which id of the command names no task or execution in the database (e.g. "task 0000…"), or null when all do. */
  private String namesNothing(Command<?> command) {
    for (String[] id : List.of(new String[] {"taskId", "ACT_RU_TASK"}, new String[] {"executionId", "ACT_RU_EXECUTION"},
        new String[] {"processInstanceId", "ACT_RU_EXECUTION"})) {
      Field f = declaredField(command, id[0]);
      String value = f == null ? null : field(command, id[0]);
      if (value != null && !exists(id[1], value)) {
        return id[0] + " " + value;
      }
    }
    // a task's form variables name their task "resourceId" (a start form's name a process definition)
    if (command instanceof org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd) {
      String task = field(command, "resourceId");
      if (task != null && !exists("ACT_RU_TASK", task)) {
        return "taskId " + task;
      }
    }
    return null;
  }

  private boolean exists(String table, String id) {
    try (java.sql.Connection c = configuration.getDataSource().getConnection();
        java.sql.PreparedStatement s = c.prepareStatement("select 1 from " + table + " where ID_ = ?")) {
      s.setString(1, id);
      try (java.sql.ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot look up " + table + " " + id, e);
    }
  }

  private boolean isAdmin(Authentication user) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Groups.ADMIN)
        || (configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains))
        || (configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId()));
  }

  private void check(Command<?> command, Authentication user) {
    for (Class<?> refused : ROUTE_ONLY) {
      if (refused.isInstance(command)) {
        throw new AuthorizationException("只能通过本环节的表单办理；任务的名称、期限、候选人和流程变量由系统维护，不能直接修改（"
            + command.getClass().getSimpleName().replace("Cmd", "") + "）");
      }
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = field(command, "taskId");
      Map<String, Object> variables = field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
      String formId = taskForm(taskId);
      submission(variables, forms.of(formId), formId == null ? "本任务没有表单" : "表单 " + formId);
    } else if (command instanceof SubmitStartFormCmd) {
      String formId = startForms.get(definitionKey(field(command, "processDefinitionId")));
      submission(field(command, "variables"), forms.of(formId), formId == null ? "本流程没有启动表单" : "表单 " + formId);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      String key = builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
          : definitionKey(builder.getProcessDefinitionId());
      String formId = startForms.get(key);
      submission(builder.getVariables(), forms.of(formId), formId == null ? "本流程没有启动表单" : "表单 " + formId);
    } else if (command instanceof SaveUserCmd) {
      User changed = field(command, "user");
      ownProfileUnchanged(changed, user);
    }
  }

  /** Only the fields of the step's form, with plain values. */
  private static void submission(Map<String, Object> variables, Set<String> allowed, String form) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    Set<String> foreign = new TreeSet<>();
    Set<String> notPlain = new TreeSet<>();
    for (Map.Entry<String, Object> v : variables.entrySet()) {
      if (!allowed.contains(v.getKey())) {
        foreign.add(v.getKey());
      } else if (!plain(variables instanceof org.camunda.bpm.engine.variable.VariableMap map
          ? map.getValueTyped(v.getKey()) : v.getValue())) {
        notPlain.add(v.getKey());
      }
    }
    if (!foreign.isEmpty()) {
      throw new RouteInputException("表单", "只能提交" + form + "中的字段，不能提交：" + String.join("、", foreign));
    }
    if (!notPlain.isEmpty()) {
      throw new RouteInputException("表单", "字段值只能是文本、数字、是/否、日期或 JSON，不接受序列化对象："
          + String.join("、", notPlain));
    }
  }

  private static boolean plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof java.util.Date) {
      return true;
    }
    if (value instanceof TypedValue typed) {
      return typed.getType() == null || PLAIN_TYPES.contains(typed.getType().getName());
    }
    return value.getClass().getName().startsWith("org.camunda.spin.");
  }

  private void ownProfileUnchanged(User changed, Authentication user) {
    if (changed == null || changed.getId() == null) {
      return;
    }
    User stored = configuration.getCommandExecutorTxRequired().execute(ctx ->
        ctx.getReadOnlyIdentityProvider().findUserById(changed.getId()));
    if (stored == null) {
      return; // creating a user: the engine's CREATE authorization decides
    }
    if (!Objects.equals(stored.getEmail(), changed.getEmail())
        || !Objects.equals(stored.getFirstName(), changed.getFirstName())
        || !Objects.equals(stored.getLastName(), changed.getLastName())) {
      throw new AuthorizationException("用户资料（姓名、电子邮箱）只能由系统管理员修改；可以修改自己的密码");
    }
  }

  private String taskForm(String taskId) {
    if (taskId == null) {
      return null;
    }
    return configuration.getCommandExecutorTxRequired().execute(ctx -> {
      TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
      if (task == null || task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
        return null;
      }
      return task.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText();
    });
  }

  private String definitionKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    return configuration.getCommandExecutorTxRequired().execute(ctx -> {
      ProcessDefinitionEntity d = ctx.getProcessEngineConfiguration().getDeploymentCache()
          .findProcessDefinitionFromCache(processDefinitionId);
      if (d == null) {
        d = ctx.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId);
      }
      return d == null ? null : d.getKey();
    });
  }

  @SuppressWarnings("unchecked")
  private static <V> V field(Object command, String name) {
    Field f = declaredField(command, name);
    if (f == null) {
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
    try {
      f.setAccessible(true);
      return (V) f.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The field of the command's class or a superclass, or null. */
  private static Field declaredField(Object command, String name) {
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
