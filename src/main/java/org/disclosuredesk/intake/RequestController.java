package org.disclosuredesk.intake;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.DatabaseFailures;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/requests}: registration, the case view, the applicant's supplement and withdrawal (design.md). */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private static final int LOCK_CONFLICT_ATTEMPTS = 4;

  private final CaseRegistration registration;
  private final CaseQueries queries;
  private final ApplicantActions applicantActions;

  private final org.disclosuredesk.agency.CallerAgency callerAgency;

  RequestController(CaseRegistration registration, CaseQueries queries, ApplicantActions applicantActions,
      org.disclosuredesk.agency.CallerAgency callerAgency) {
    this.callerAgency = callerAgency;
    this.registration = registration;
    this.queries = queries;
    this.applicantActions = applicantActions;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) RegistrationRequest request,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestParam(value = "agency", required = false) String agency) {
    // the caller's agency; someone in several names one (?agency=CODE)
    String agencyCode = callerAgency.of(CurrentUser.get(), agency);
    String key = idempotencyKey == null ? null : idempotencyKey.trim();
    if (key != null && !key.matches("[\\x21-\\x7E]{1,64}")) {
      throw new InvalidInputException("Idempotency-Key", "应为 1 至 64 个可见 ASCII 字符");
    }
    Registration r;
    try {
      r = registerRetryingLockConflicts(agencyCode, request, key);
    } catch (DataIntegrityViolationException raceOnKey) {
      // a concurrent retry with the same key registered first: answer with that case
      r = key == null ? null : registration.findByIdempotencyKey(agencyCode, key, CurrentUser.get().id()).orElse(null);
      if (r == null) {
        throw raceOnKey;
      }
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("caseNumber", r.caseNumber(),
        "receivedOn", r.receivedOn(), "dueOn", r.dueOn(), "status", r.status()));
    if (r.verificationCode() != null) {
      body.put("verificationCode", r.verificationCode());
    }
    return r.created()
        ? ResponseEntity.created(URI.create("/api/requests/" + r.caseNumber())).body(body)
        : ResponseEntity.ok(body);
  }

  /**
   * Registrations of one year queue on its case-number counter: under load (or a cold start after a
   * crash) one may time out waiting for the lock. Its transaction was rolled back whole (its number goes back
   * to the next registration), so it is tried again; the last failure becomes a 503 with Retry-After, never a 500.
   */
  private Registration registerRetryingLockConflicts(String agencyCode, RegistrationRequest request, String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        return registration.registerAndStart(agencyCode, request, key, CurrentUser.get().id());
      } catch (RuntimeException e) {
        if (attempt >= LOCK_CONFLICT_ATTEMPTS || !DatabaseFailures.isLockConflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a registration", e);
    }
  }

  @GetMapping("/{caseNumber}")
  CaseView get(@PathVariable String caseNumber) {
    return queries.view(caseNumber, CurrentUser.get());
  }

  @PostMapping("/{caseNumber}/supplement")
  ResponseEntity<Map<String, Object>> supplement(@PathVariable String caseNumber,
      @RequestBody(required = false) ApplicantActions.SupplementInput input) {
    applicantActions.supplement(caseNumber, input, CurrentUser.get().id());
    return ResponseEntity.status(HttpStatus.OK).body(queries.status(caseNumber));
  }

  @PostMapping("/{caseNumber}/withdrawal")
  ResponseEntity<Map<String, Object>> withdrawal(@PathVariable String caseNumber,
      @RequestBody(required = false) ApplicantActions.WithdrawalInput input) {
    applicantActions.withdraw(caseNumber, input, CurrentUser.get().id());
    return ResponseEntity.ok(queries.status(caseNumber));
  }
}
