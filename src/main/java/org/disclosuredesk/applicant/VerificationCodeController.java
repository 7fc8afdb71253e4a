package org.disclosuredesk.applicant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.agency.AgencyProperties;
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
  private final AgencyProperties agency;

  VerificationCodeController(VerificationCodes codes, CaseRegister register, AgencyProperties agency) {
    this.codes = codes;
    this.register = register;
    this.agency = agency;
  }

  @PostMapping("/api/requests/{caseNumber}/verification-code")
  @ResponseBody
  ResponseEntity<Map<String, Object>> reissue(@PathVariable String caseNumber) {
    String code = codes.reissue(register, agency.code(), caseNumber, CurrentUser.get().id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", register.get(agency.code(), caseNumber).caseNumber());
    body.put("verificationCode", code);
    return ResponseEntity.ok(body);
  }

  /** The desk's button on the case page: the new code shown once (flash message) to hand to the applicant. */
  @PostMapping("/desk/cases/{caseNumber}/verification-code")
  String reissueAtDesk(@PathVariable String caseNumber, RedirectAttributes flash) {
    String code = codes.reissue(register, agency.code(), caseNumber, CurrentUser.get().id());
    flash.addFlashAttribute("message", "新查询码：" + code + "（原查询码已作废；请交给申请人，本页刷新后不再显示）");
    return "redirect:/desk/cases/" + register.get(agency.code(), caseNumber).caseNumber();
  }
}
