package org.disclosuredesk.report;

import java.net.URI;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/requests/{caseNumber}/legal-challenges}: record, update and conclude a case's
 * reconsiderations and lawsuits. Supervisors, the city's supervisors and admins only, of the case's
 * agency: the API chain lets any signed-in user through to {@code /api/requests/**}, so the rule is
 * checked here (403 in the JSON error format; another agency's case 404).
 */
@RestController
@RequestMapping("/api/requests/{caseNumber}/legal-challenges")
class LegalChallengeController {

  private final LegalChallenges challenges;
  private final Agencies agencies;

  LegalChallengeController(LegalChallenges challenges, Agencies agencies) {
    this.challenges = challenges;
    this.agencies = agencies;
  }

  @GetMapping
  List<LegalChallenge> list(@PathVariable String caseNumber) {
    ofTheCasesAgency(supervisorOrAdmin(), caseNumber);
    return challenges.of(caseNumber);
  }

  @PostMapping
  ResponseEntity<LegalChallenge> record(@PathVariable String caseNumber, @RequestBody LegalChallengeInput input) {
    CurrentUser user = ofTheCasesAgency(supervisorOrAdmin(), caseNumber);
    LegalChallenge recorded = challenges.record(caseNumber, input, user.id());
    return ResponseEntity.created(URI.create("/api/requests/" + caseNumber + "/legal-challenges/" + recorded.id()))
        .body(recorded);
  }

  @PutMapping("/{id}")
  LegalChallenge update(@PathVariable String caseNumber, @PathVariable long id, @RequestBody LegalChallengeInput input) {
    CurrentUser user = ofTheCasesAgency(supervisorOrAdmin(), caseNumber);
    return challenges.update(caseNumber, id, input, user.id());
  }

  @ExceptionHandler(LegalChallengeNotFoundException.class)
  ResponseEntity<ApiErrors> notFound(LegalChallengeNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("id", e.getMessage()));
  }

  /** Thrown before anything is read, so an officer learns nothing about the case; the chain answers 403. */
  private static CurrentUser supervisorOrAdmin() {
    CurrentUser user = CurrentUser.get();
    if (!user.in(Groups.SUPERVISORS) && !user.in(Groups.ADMIN) && !user.in(Groups.CITY_SUPERVISORS)) {
      throw new AccessDeniedException("督办人员或管理员才能登记复议、诉讼");
    }
    return user;
  }

  /** Another agency's case is not found (404), as an unknown number. */
  private CurrentUser ofTheCasesAgency(CurrentUser user, String caseNumber) {
    if (!user.memberOf(agencies.holderOf(caseNumber))) {
      throw new CaseNotFoundException(caseNumber);
    }
    return user;
  }
}
