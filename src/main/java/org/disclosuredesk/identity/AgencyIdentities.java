package org.disclosuredesk.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine's side of agencies: each agency is a tenant whose members are its people (user or group
 * memberships); the city's supervisors ({@link Groups#CITY_SUPERVISORS}) belong to every tenant; each
 * department is a group {@code dept-<code>} that may use Tasklist and read the task filters.
 */
@Component
public class AgencyIdentities {

  private static final Logger log = LoggerFactory.getLogger(AgencyIdentities.class);
  /** The Tasklist filters every department's officers read (IdentitySetup). */
  private static final List<String> OFFICER_FILTERS = List.of("我的任务", "本组任务");

  private final IdentityService ids;
  private final AuthorizationService auth;
  private final FilterService filters;
  private final SignIns signIns;

  AgencyIdentities(IdentityService ids, AuthorizationService auth, FilterService filters,
      @Lazy SignIns signIns) {
    this.ids = ids;
    this.auth = auth;
    this.filters = filters;
    this.signIns = signIns;
  }

  /** The agency's tenant, with the city's supervisors in it. */
  public void agency(String code, String name) {
    tenant(ids, code, name);
  }

  /** The agency's new name on its tenant (Tasklist shows it on the agency's tasks). */
  public void rename(String code, String name) {
    Tenant t = ids.createTenantQuery().tenantId(code).singleResult();
    if (t != null && name != null && !name.equals(t.getName())) {
      t.setName(name);
      ids.saveTenant(t);
    }
  }

  /** The department's officers' group, allowed into Tasklist and to read their task filters. */
  public void department(String code, String name) {
    String group = Groups.department(code);
    IdentitySetup.group(ids, group, name);
    IdentitySetup.grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String filterName : OFFICER_FILTERS) {
      Filter f = filters.createFilterQuery().filterName(filterName).singleResult();
      if (f != null) {
        IdentitySetup.grant(auth, group, Resources.FILTER, f.getId(), Permissions.READ);
      }
    }
  }

  /** A demo user of the agency (password = user id), with its groups. */
  public void demoUser(String agencyCode, String id, String firstName, String lastName, String... groups) {
    String[] spec = new String[groups.length + 2];
    spec[0] = firstName;
    spec[1] = lastName;
    System.arraycopy(groups, 0, spec, 2, groups.length);
    IdentitySetup.demoUser(ids, id, spec, agencyCode);
  }

  /** A demo user of the whole platform: no tenant of its own (its groups give it every agency). */
  public void demoPlatformUser(String id, String firstName, String lastName, String... groups) {
    String[] spec = new String[groups.length + 2];
    spec[0] = firstName;
    spec[1] = lastName;
    System.arraycopy(groups, 0, spec, 2, groups.length);
    IdentitySetup.demoUser(ids, id, spec, null);
  }

  /** Gives a user (also) this agency: "a user can belong to several agencies only if granted". */
  public void grant(String agencyCode, String userId) {
    if (ids.createTenantQuery().tenantId(agencyCode).userMember(userId).count() == 0) {
      ids.createTenantUserMembership(agencyCode, userId);
      signIns.forget(userId);
    }
  }

  static void tenant(IdentityService ids, String code, String name) {
    if (ids.createTenantQuery().tenantId(code).count() == 0) {
      Tenant t = ids.newTenant(code);
      t.setName(name == null || name.isBlank() ? code : name);
      ids.saveTenant(t);
      log.info("tenant {} created for agency {}", code, name);
    }
    if (ids.createGroupQuery().groupId(Groups.CITY_SUPERVISORS).count() > 0
        && ids.createTenantQuery().tenantId(code).groupMember(Groups.CITY_SUPERVISORS).count() == 0) {
      ids.createTenantGroupMembership(code, Groups.CITY_SUPERVISORS);
    }
  }

  /**
   * An installation that had one agency before agencies were tenants: its people, who belong to no
   * tenant yet, are that agency's. Only while the platform has that one tenant: on a platform of
   * several agencies an administrator says who belongs where.
   */
  static void placeUnassignedUsers(IdentityService ids, String agencyCode) {
    if (ids.createTenantQuery().count() != 1) {
      return;
    }
    for (User u : ids.createUserQuery().list()) {
      if (ids.createTenantQuery().userMember(u.getId()).includingGroupsOfUser(true).count() == 0) {
        ids.createTenantUserMembership(agencyCode, u.getId());
        log.info("user {} placed in agency {} (it belonged to no agency)", u.getId(), agencyCode);
      }
    }
  }
}
