package org.disclosuredesk.applicant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.disclosuredesk.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/lookup {caseNumber, code}}: no sign-in; the code travels in the body only.
 * One 404 body for every miss; 429 with Retry-After once an address has failed too often.
 */
@RestController
class PublicLookupController {

  /** What the applicant types: the case number and the verification code from the receipt. */
  record LookupInput(String caseNumber, String code) {}

  static final String NOT_FOUND = "没有找到与该受理编号和查询码相符的申请";

  private final PublicLookup lookup;
  private final LookupThrottle throttle;

  PublicLookupController(PublicLookup lookup, LookupThrottle throttle) {
    this.lookup = lookup;
    this.throttle = throttle;
  }

  @PostMapping("/api/public/lookup")
  ResponseEntity<?> lookup(@RequestBody(required = false) LookupInput input, HttpServletRequest request) {
    String client = request.getRemoteAddr();
    Optional<Long> wait = throttle.waitFor(client);
    if (wait.isPresent()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(wait.get()))
          .body(ApiErrors.of("code", "查询失败次数过多，请 " + wait.get() + " 秒后再试"));
    }
    Optional<PublicLookup.CaseProgress> found =
        input == null ? Optional.empty() : lookup.find(input.caseNumber(), input.code());
    if (found.isEmpty()) {
      throttle.failed(client);
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("code", NOT_FOUND));
    }
    return ResponseEntity.ok(found.get());
  }
}
