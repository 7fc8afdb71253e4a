package org.disclosuredesk.agency;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.disclosuredesk.route.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Every case's route runs in its agency's tenant (Camunda multi-tenancy, tenant id = agency code), so
 * that the engine itself keeps agencies apart: Tasklist, Cockpit and engine REST show a user only the
 * instances, tasks and history of their own agencies (the engine's tenant check). The process and the
 * forms are deployed once, shared by all agencies; this provider gives each new instance its tenant:
 * the agency our registration names ({@code agencyCode}), else that of the person starting it in
 * Tasklist (their agency; of several, the installation's own, else the first), else the installation's
 * own agency.
 */
@Component
class AgencyTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final AgencyProperties agency;

  AgencyTenants(AgencyProperties agency) {
    this.agency = agency;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    configuration.setTenantCheckEnabled(true);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object named = ctx.getVariables() == null ? null : ctx.getVariables().get(CaseVariables.AGENCY);
    if (named instanceof String code && !code.isBlank()) {
      return code;
    }
    return ofStarter();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ofStarter();
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    return ctx.getCaseExecution() != null ? ctx.getCaseExecution().getTenantId() : null;
  }

  private String ofStarter() {
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    List<String> tenants = auth == null || auth.getTenantIds() == null ? List.of() : auth.getTenantIds();
    if (tenants.size() == 1) {
      return tenants.get(0);
    }
    if (tenants.isEmpty() || tenants.contains(agency.code())) {
      return agency.code();
    }
    return tenants.stream().sorted().findFirst().orElse(agency.code());
  }
}
