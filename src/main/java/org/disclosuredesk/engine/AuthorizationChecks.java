package org.disclosuredesk.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without the two reads Camunda 7 adds to every command that checks one.
 *
 * <ul>
 *   <li><b>The user's groups as they are.</b> Before a command's first check the engine narrows the signed-in
 *       user's groups to those that appear in any authorization, reading {@code select distinct GROUP_ID_ from
 *       ACT_RU_AUTHORIZATION} ({@code AuthorizationManager.filterAuthenticatedGroupIds}): an index scan over every
 *       authorization row, and every open task keeps its candidate group's rows there, so each claim, form and
 *       submit cost more the more cases were open (16 such reads per case in the benchmark). The narrowing only
 *       shortens the {@code GROUP_ID_ in (…)} lists of the checks, for directories where a user is in hundreds of
 *       groups: a group without any authorization matches no row, so leaving it in changes no answer. Our users are
 *       in one to three groups; only a user in more than {@value #NARROW_ABOVE} (an LDAP directory, say) is
 *       narrowed the engine's way.</li>
 *   <li><b>Grants only.</b> The platform's authorizations are grants (IdentitySetup, AgencyIdentities, the engine's
 *       own per-task ones); with {@code authorizationCheckRevokes = never} the engine does not look for "deny"
 *       (REVOKE) authorizations before each command (one query per command) and its checks leave out their revoke
 *       branches. So that no deny could be saved and silently not apply, saving one is refused, through every door
 *       (Admin's authorization page, engine REST, the Java API), with a message that says so. Should the database
 *       hold any from before (or from SQL written by hand), the engine checks for them as Camunda does by default
 *       ({@code auto}) and the start logs a warning; {@code always}, set by an operator, is kept. Denies written to the
 *       database after the start (by hand, or by a node of an older version during a rolling update) are noticed at
 *       the next start only.</li>
 * </ul>
 */
@Component
class AuthorizationChecks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationChecks.class);

  /** More groups than this: the engine's own narrowing (one read of the table), for shorter checks. */
  static final int NARROW_ABOVE = 20;

  static final String DENY_REFUSED = "本平台只使用授予（GRANT）和全局（GLOBAL）授权，不支持拒绝（REVOKE/DENY）授权："
      + "请收回相应的授予授权或调整用户所在的组";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    // added after the engine's defaults, so this one takes AuthorizationManager's place
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
    // the mode is decided once the engine can count the denies (postProcessEngineBuild); until then the configured one
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equals(configuration.getAuthorizationCheckRevokes())) {
      return; // an operator's explicit choice
    }
    configuration.setAuthorizationCheckRevokes(revokesMode(revokes));
    if (revokes > 0) {
      LOG.warn("{} deny (REVOKE) authorizations in the database: the engine checks for them before each command (slower);"
          + " new ones are refused. Replace them with narrower grants.", revokes);
    }
  }

  /** Camunda's {@code authorizationCheckRevokes} for a database holding this many deny authorizations. */
  static String revokesMode(long revokes) {
    return revokes > 0 ? ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO
        : ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER;
  }

  /** The engine's authorization manager: groups not narrowed for users in few groups, no deny saved. */
  static final class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return Collections.emptyList();
      }
      if (authenticatedGroupIds.size() > NARROW_ABOVE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
      groups.remove(null);
      return new ArrayList<>(groups);
    }

    @Override
    public void insert(DbEntity entity) {
      refuseDeny(entity);
      super.insert(entity);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      refuseDeny(authorization);
      super.update(authorization);
    }

    private static void refuseDeny(DbEntity entity) {
      if (entity instanceof AuthorizationEntity a && a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException(DENY_REFUSED);
      }
    }
  }
}
