package org.disclosuredesk.applicant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /api/requests/{caseNumber}/verification-code} (reception, administrators): a new
 * verification code for an applicant who lost theirs; the old one stops working at once.
 */
@Controller
class VerificationCodeController {

  private final VerificationCodes codes;
  private final CaseRegister register;
  private final Agencies agencies;

  VerificationCodeController(VerificationCodes codes, CaseRegister register, Agencies agencies) {
    this.codes = codes;
    this.register = register;
    this.agencies = agencies;
  }

  @PostMapping("/api/requests/{caseNumber}/verification-code")
  @ResponseBody
  ResponseEntity<Map<String, Object>> reissue(@PathVariable String caseNumber) {
    String code = codes.reissue(register, agencyOf(caseNumber), caseNumber, CurrentUser.get().id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", register.get(agencies.holderOf(caseNumber), caseNumber).caseNumber());
    body.put("verificationCode", code);
    return ResponseEntity.ok(body);
  }

  /** The desk's button on the case page: the new code shown once (flash message) to hand to the applicant. */
  @PostMapping("/desk/cases/{caseNumber}/verification-code")
  String reissueAtDesk(@PathVariable String caseNumber, RedirectAttributes flash) {
    String code = codes.reissue(register, agencyOf(caseNumber), caseNumber, CurrentUser.get().id());
    flash.addFlashAttribute("message", "新查询码：" + code + "（原查询码已作废；请交给申请人，本页刷新后不再显示）");
    return "redirect:/desk/cases/" + register.get(agencies.holderOf(caseNumber), caseNumber).caseNumber();
  }

  /** The case's agency, when the caller belongs to it; another agency's case is not found (404). */
  private String agencyOf(String caseNumber) {
    String agencyCode = agencies.holderOf(caseNumber);
    if (!CurrentUser.get().memberOf(agencyCode)) {
      throw new org.disclosuredesk.casefile.CaseNotFoundException(caseNumber);
    }
    return agencyCode;
  }
}
