package org.disclosuredesk.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconsiderations and lawsuits of a case (复议、诉讼), recorded so that table 四 of the annual
 * report is counted, not typed. Each change is also written to the case's timeline.
 */
@Service
public class LegalChallenges {

  static final String RECORDED = "LEGAL_CHALLENGE_RECORDED";
  static final String UPDATED = "LEGAL_CHALLENGE_UPDATED";

  private final LegalChallengeRepository repository;
  private final CaseRegister register;
  private final Agencies agencies;
  private final AgencyClock clock;

  LegalChallenges(LegalChallengeRepository repository, CaseRegister register, Agencies agencies,
      AgencyClock clock) {
    this.repository = repository;
    this.register = register;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** The case's challenges in the order recorded; 404 (CaseNotFoundException) for an unknown case. */
  public List<LegalChallenge> of(String caseNumber) {
    register.get(agencies.holderOf(caseNumber), caseNumber);
    return repository.ofCase(agencies.holderOf(caseNumber), caseNumber);
  }

  /** Records a new reconsideration or lawsuit; 400 for invalid input. */
  @Transactional
  public LegalChallenge record(String caseNumber, LegalChallengeInput input, String by) {
    CaseRecord c = register.get(agencies.holderOf(caseNumber), caseNumber);
    validate(c, input);
    long id = repository.insert(agencies.holderOf(caseNumber), caseNumber, input, by, now());
    register.record(agencies.holderOf(caseNumber), caseNumber, RECORDED, by, describe("登记", input));
    return repository.find(agencies.holderOf(caseNumber), caseNumber, id).orElseThrow();
  }

  /** Updates or concludes a challenge of the case; 404 if the case has no challenge with that id. */
  @Transactional
  public LegalChallenge update(String caseNumber, long id, LegalChallengeInput input, String by) {
    CaseRecord c = register.get(agencies.holderOf(caseNumber), caseNumber);
    validate(c, input);
    if (!repository.update(agencies.holderOf(caseNumber), caseNumber, id, input, by, now())) {
      throw new LegalChallengeNotFoundException(caseNumber, id);
    }
    register.record(agencies.holderOf(caseNumber), caseNumber, UPDATED, by, describe("更新", input));
    return repository.find(agencies.holderOf(caseNumber), caseNumber, id).orElseThrow();
  }

  private void validate(CaseRecord c, LegalChallengeInput in) {
    LocalDate today = clock.today();
    List<FieldError> errors = new ArrayList<>();
    if (in.kind() == null) {
      errors.add(new FieldError("kind", "必须填写：RECONSIDERATION、LITIGATION_DIRECT 或 LITIGATION_AFTER_RECONSIDERATION"));
    }
    if (in.filedOn() == null) {
      errors.add(new FieldError("filedOn", "必须填写"));
    } else if (in.filedOn().isAfter(today)) {
      errors.add(new FieldError("filedOn", "不能晚于今天"));
    } else if (in.filedOn().isBefore(c.receivedOn())) {
      errors.add(new FieldError("filedOn", "不能早于申请收到日期 " + c.receivedOn()));
    }
    if (in.resultOrPending().isConcluded()) {
      if (in.concludedOn() == null) {
        errors.add(new FieldError("concludedOn", "已审结的必须填写审结日期"));
      } else if (in.concludedOn().isAfter(today)) {
        errors.add(new FieldError("concludedOn", "不能晚于今天"));
      } else if (in.filedOn() != null && in.concludedOn().isBefore(in.filedOn())) {
        errors.add(new FieldError("concludedOn", "不能早于提起日期"));
      }
    } else if (in.concludedOn() != null) {
      errors.add(new FieldError("concludedOn", "尚未审结的不填写审结日期"));
    }
    if (in.note() != null && in.note().length() > 2000) {
      errors.add(new FieldError("note", "不能超过 2000 字"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static String describe(String verb, LegalChallengeInput in) {
    return verb + in.kind().label() + "：提起日期 " + in.filedOn() + "，结果 " + in.resultOrPending().label()
        + (in.concludedOn() == null ? "" : "（审结日期 " + in.concludedOn() + "）");
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock.clock().withZone(clock.zone())));
  }
}
