package org.disclosuredesk.identity;

import static org.disclosuredesk.identity.Groups.ADMIN;
import static org.disclosuredesk.identity.Groups.CONFIDENTIALITY;
import static org.disclosuredesk.identity.Groups.PORTAL;
import static org.disclosuredesk.identity.Groups.RECEPTION;
import static org.disclosuredesk.identity.Groups.SUPERVISORS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the role groups, their authorizations and the Tasklist
 * filters; and, unless turned off (prod), the demo users whose password is their user id.
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  static final String PROCESS_KEY = "disclosureRequest";

  private final DepartmentProperties departments;
  private final DemoProperties demo;
  private final org.disclosuredesk.agency.AgencyProperties agency;

  IdentitySetup(DepartmentProperties departments, DemoProperties demo, org.disclosuredesk.agency.AgencyProperties agency) {
    this.departments = departments;
    this.demo = demo;
    this.agency = agency;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService ids = engine.getIdentityService();
    AuthorizationService auth = engine.getAuthorizationService();

    group(ids, RECEPTION, "接待室");
    group(ids, CONFIDENTIALITY, "保密审查");
    group(ids, SUPERVISORS, "督办");
    group(ids, PORTAL, "网上申请平台");
    group(ids, ADMIN, "系统管理员", "SYSTEM");
    group(ids, Groups.CITY_SUPERVISORS, "市政府信息公开办（全市督办）");
    group(ids, Groups.AGENCY_ADMINS, "机关管理员", "SYSTEM");
    // the installation's own agency is a tenant from the first start on (AgencyTenants); the city's
    // supervisors belong to every agency's tenant (AgencyIdentities)
    AgencyIdentities.tenant(ids, agency.code(), agency.name());
    departments.departments().forEach((code, name) -> group(ids, Groups.department(code), name));

    for (Resource r : Resources.values()) {
      grant(auth, ADMIN, r, "*", Permissions.ALL);
    }
    List<String> workflowGroups = new ArrayList<>(List.of(RECEPTION, CONFIDENTIALITY, SUPERVISORS));
    departments.departments().keySet().forEach(code -> workflowGroups.add(Groups.department(code)));
    for (String g : workflowGroups) {
      grant(auth, g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      if (!g.equals(RECEPTION) && !g.equals(SUPERVISORS)) {
        // officers and reviewers work on their tasks only: reading the definition would let them count
        // every department's cases (process-definition statistics, Cockpit)
        revoke(auth, g, Resources.PROCESS_DEFINITION, PROCESS_KEY);
      }
    }
    // reception starts walk-in cases from the Tasklist start form
    grant(auth, RECEPTION, Resources.PROCESS_DEFINITION, PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(auth, RECEPTION, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // supervisors follow every case in Cockpit (read only)
    grant(auth, SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auth, SUPERVISORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auth, SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(auth, SUPERVISORS, Resources.TASK, "*", Permissions.READ);
    grant(auth, SUPERVISORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    // the city's OGI office follows every agency's cases in Cockpit, read only (its tenants: every agency)
    grant(auth, Groups.CITY_SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auth, Groups.CITY_SUPERVISORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auth, Groups.CITY_SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(auth, Groups.CITY_SUPERVISORS, Resources.TASK, "*", Permissions.READ);

    narrowTaskPermissions(auth);

    FilterService filters = engine.getFilterService();
    TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
    filter(filters, auth, "我的任务", "分配给我的任务", -10, mine, workflowGroups);
    TaskQuery groups = engine.getTaskService().createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    filter(filters, auth, "本组任务", "我所在部门/小组的全部任务", -5, groups, workflowGroups);
    TaskQuery reception = engine.getTaskService().createTaskQuery().taskCandidateGroup(RECEPTION).includeAssignedTasks();
    filter(filters, auth, "接待室待办", "接待室：审查、补正、送达", 0, reception, List.of(RECEPTION, SUPERVISORS));
    TaskQuery supervision = engine.getTaskService().createTaskQuery().taskCandidateGroup(SUPERVISORS).includeAssignedTasks();
    filter(filters, auth, "督办与审批", "延期审批和超期督办", 5, supervision, List.of(SUPERVISORS));

    if (demo.users()) {
      demoUsers(ids);
    }
    AgencyIdentities.placeUnassignedUsers(ids, agency.code());
  }

  /**
   * Tasks created before {@code TASK_WORK} became the default (see EngineDoorGuard) still grant
   * {@code UPDATE} to their candidates: narrow them to claim and complete.
   */
  private static void narrowTaskPermissions(AuthorizationService auth) {
    for (Authorization a : auth.createAuthorizationQuery().resourceType(Resources.TASK)
        .hasPermission(Permissions.UPDATE).list()) {
      if (!"*".equals(a.getResourceId()) && !ADMIN.equals(a.getGroupId())) {
        a.removePermission(Permissions.UPDATE);
        a.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK);
        auth.saveAuthorization(a);
      }
    }
  }

  /** The demo users of the installation's own agency (the second demo agency: AgencyIdentities). */
  private void demoUsers(IdentityService ids) {
    Map<String, String[]> users = new LinkedHashMap<>();
    users.put("admin", new String[] {"系统", "管理员", ADMIN, SUPERVISORS});
    users.put("reception", new String[] {"接待室", "工作人员", RECEPTION});
    users.put("officer-planning", new String[] {"规划科", "承办人", Groups.department("planning")});
    users.put("officer-finance", new String[] {"财政科", "承办人", Groups.department("finance")});
    users.put("officer-office", new String[] {"办公室", "承办人", Groups.department("office")});
    users.put("reviewer", new String[] {"保密", "审查员", CONFIDENTIALITY});
    users.put("supervisor", new String[] {"督办", "负责人", SUPERVISORS});
    users.put("portal", new String[] {"网上申请", "平台", PORTAL});
    users.forEach((id, spec) -> demoUser(ids, id, spec, agency.code()));
  }

  /** A demo user (password = user id) with its groups ({@code spec[2..]}) in the agency's tenant. */
  static void demoUser(IdentityService ids, String id, String[] spec, String tenant) {
    if (ids.createUserQuery().userId(id).count() == 0) {
      User u = ids.newUser(id);
      u.setFirstName(spec[0]);
      u.setLastName(spec[1]);
      u.setPassword(id);
      u.setEmail(id + "@example.gov.cn");
      // demo only: the password is the user id, which the password policy would refuse
      ((IdentityServiceImpl) ids).saveUser(u, true);
      log.info("demo user {} created (password = user id)", id);
    }
    for (int i = 2; i < spec.length; i++) {
      if (ids.createUserQuery().userId(id).memberOfGroup(spec[i]).count() == 0
          && ids.createGroupQuery().groupId(spec[i]).count() > 0) {
        ids.createMembership(id, spec[i]);
      }
    }
    if (tenant != null && ids.createTenantQuery().tenantId(tenant).userMember(id).count() == 0) {
      ids.createTenantUserMembership(tenant, id);
    }
  }

  static void group(IdentityService ids, String id, String name) {
    group(ids, id, name, "WORKFLOW");
  }

  private static void group(IdentityService ids, String id, String name, String type) {
    if (ids.createGroupQuery().groupId(id).count() == 0) {
      Group g = ids.newGroup(id);
      g.setName(name);
      g.setType(type);
      ids.saveGroup(g);
    }
  }

  static void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = auth.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission p : permissions) {
      if (!a.isPermissionGranted(p)) {
        a.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(a);
    }
  }

  static void revoke(AuthorizationService auth, String group, Resource resource, String resourceId) {
    Authorization existing = auth.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    if (existing != null) {
      auth.deleteAuthorization(existing.getId());
    }
  }

  private static void filter(FilterService filters, AuthorizationService auth, String name, String description,
      int priority, TaskQuery query, List<String> readers) {
    Map<String, Object> props = new HashMap<>();
    props.put("priority", priority);
    props.put("refresh", true);
    props.put("description", description);
    // the task list shows each task's case number, so same-named tasks can be told apart
    props.put("variables", List.of(Map.of("name", "caseNumber", "label", "案件编号")));
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    if (f == null) {
      f = filters.newTaskFilter(name).setQuery(query).setProperties(props).setOwner("admin");
      filters.saveFilter(f);
    } else if (!props.equals(f.getProperties())) {
      filters.saveFilter(f.setProperties(props));
    }
    for (String g : readers) {
      grant(auth, g, Resources.FILTER, f.getId(), Permissions.READ);
    }
  }
}
