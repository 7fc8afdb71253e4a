package org.disclosuredesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's authorization checks without their per-command reads: the same answers, grants only. */
@SpringBootTest
@ActiveProfiles("test")
class AuthorizationChecksIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RouteTestSupport route;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void theEngineUsesThisManagerAndAUsersFewGroupsAreTakenWithoutReadingTheTable() {
    AuthorizationManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(c -> c.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizationChecks.Manager.class);
    // outside a command: the engine's own narrowing would need the database (and fail here); these need none
    AuthorizationChecks.Manager fresh = new AuthorizationChecks.Manager();
    assertThat(fresh.filterAuthenticatedGroupIds(Arrays.asList("reception", null, "dept-planning", "reception")))
        .containsExactly("reception", "dept-planning");
    assertThat(fresh.filterAuthenticatedGroupIds(List.of())).isEmpty();
    assertThat(fresh.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void grantsOnlyTheEngineLooksForNoDenyAndNoDenyCanBeSaved() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(AuthorizationChecks.revokesMode(0)).isEqualTo("never");
    assertThat(AuthorizationChecks.revokesMode(1)).as("denies from before: the engine's default").isEqualTo("auto");

    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization deny = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    deny.setUserId("reception");
    deny.setResource(Resources.TASK);
    deny.setResourceId("*");
    deny.addPermission(Permissions.READ);
    assertThatThrownBy(() -> authorizations.saveAuthorization(deny)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不支持拒绝（REVOKE/DENY）授权");
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();

    // grants are saved as before
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("someone-" + System.nanoTime());
    grant.setResource(Resources.FILTER);
    grant.setResourceId("*");
    grant.addPermission(Permissions.READ);
    Authorization saved = authorizations.saveAuthorization(grant);
    authorizations.deleteAuthorization(saved.getId());
  }

  @Test
  void groupsWithoutAuthorizationsChangeNoAnswerWithFewOrManyGroups() {
    ProcessInstance pi = route.registerWalkIn("2025年度部门预算");
    assertThat(visibleTasks(pi, List.of(Groups.RECEPTION))).isOne();
    assertThat(visibleTasks(pi, List.of(Groups.RECEPTION, "no-such-group"))).isOne();
    assertThat(visibleTasks(pi, List.of("no-such-group"))).isZero();
    assertThat(visibleTasks(pi, List.of(Groups.CONFIDENTIALITY))).as("another group's task").isZero();
    // more groups than NARROW_ABOVE: the engine's own narrowing, same answers
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= AuthorizationChecks.NARROW_ABOVE; i++) {
      many.add("directory-group-" + i);
    }
    assertThat(visibleTasks(pi, many)).isZero();
    many.add(Groups.RECEPTION);
    assertThat(visibleTasks(pi, many)).isOne();
  }

  private long visibleTasks(ProcessInstance pi, List<String> groups) {
    identity.setAuthentication("someone", groups, List.of(Agency.DEFAULT));
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count();
    } finally {
      identity.clearAuthentication();
    }
  }
}
