package org.disclosuredesk.route;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.springframework.stereotype.Component;

/** The case a delegate or task listener works on: its agency, its number and its register row. */
@Component
public class RouteCases {

  private final CaseRegister register;
  private final AgencyProperties agency;

  RouteCases(CaseRegister register, AgencyProperties agency) {
    this.register = register;
    this.agency = agency;
  }

  /**
   * The case's agency: the instance's variable, else its tenant (AgencyTenants), else the installation's
   * own agency (instances started before agencies were tenants).
   */
  public String agencyOf(VariableScope scope) {
    String code = CaseVariables.agency(scope);
    if (code != null) {
      return code;
    }
    String tenant = scope instanceof DelegateTask task ? task.getTenantId()
        : scope instanceof DelegateExecution ex ? ex.getTenantId() : null;
    return tenant != null ? tenant : agency.code();
  }

  public String caseNumberOf(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return CaseVariables.caseNumber(task);
    }
    return CaseVariables.caseNumber((DelegateExecution) scope);
  }

  public CaseRecord caseOf(VariableScope scope) {
    return register.get(agencyOf(scope), caseNumberOf(scope));
  }
}
