package org.disclosuredesk.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.intake.Registration;
import org.disclosuredesk.intake.RegistrationRequest;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's register page posts here (JSON, with the session's CSRF token): the same body, rules,
 * messages and answer as {@code POST /api/requests}, because both go through {@link CaseRegistration}.
 * Errors come back as {@code {"errors":[{field, message}]}} and the page puts each beside its field.
 */
@RestController
class DeskRegistrationController {

  private final CaseRegistration registration;

  private final org.disclosuredesk.agency.CallerAgency callerAgency;

  DeskRegistrationController(CaseRegistration registration, org.disclosuredesk.agency.CallerAgency callerAgency) {
    this.registration = registration;
    this.callerAgency = callerAgency;
  }

  @PostMapping("/desk/register")
  ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) RegistrationRequest request,
      @RequestHeader(value = "Idempotency-Key", required = false) String draftKey) {
    String key = draftKey == null || draftKey.isBlank() ? null : draftKey.trim();
    if (key != null && !key.matches("[\\x21-\\x7E]{1,64}")) {
      throw new InvalidInputException("Idempotency-Key", "应为 1 至 64 个可见 ASCII 字符");
    }
    // the page sends one key per draft: a double click or a retry after a lost answer gives the same case
    Registration r = registration.registerAndStart(callerAgency.home(CurrentUser.get()), request, key,
        CurrentUser.get().id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", r.caseNumber());
    body.put("receivedOn", r.receivedOn());
    body.put("dueOn", r.dueOn());
    body.put("status", r.status());
    if (r.verificationCode() != null) {
      body.put("verificationCode", r.verificationCode());
    }
    body.put("receiptUrl", "/desk/cases/" + r.caseNumber() + "/receipt");
    body.put("caseUrl", "/desk/cases/" + r.caseNumber());
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
  }
}
