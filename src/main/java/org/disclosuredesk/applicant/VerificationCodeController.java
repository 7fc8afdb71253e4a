package org.disclosuredesk.applicant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.agency.AgencyProperties;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/requests/{caseNumber}/verification-code} (reception, administrators): a new
 * verification code for an applicant who lost theirs; the old one stops working at once.
 */
@RestController
class VerificationCodeController {

  private final VerificationCodes codes;
  private final CaseRegister register;
  private final AgencyProperties agency;

  VerificationCodeController(VerificationCodes codes, CaseRegister register, AgencyProperties agency) {
    this.codes = codes;
    this.register = register;
    this.agency = agency;
  }

  @PostMapping("/api/requests/{caseNumber}/verification-code")
  @Transactional
  ResponseEntity<Map<String, Object>> reissue(@PathVariable String caseNumber) {
    String number = register.get(agency.code(), caseNumber).caseNumber();
    String actor = CurrentUser.get().id();
    String code = codes.issue(agency.code(), number, actor);
    register.record(agency.code(), number, "VERIFICATION_CODE_REISSUED", actor, "重新发放查询码（原查询码作废）");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", number);
    body.put("verificationCode", code);
    return ResponseEntity.ok(body);
  }
}
