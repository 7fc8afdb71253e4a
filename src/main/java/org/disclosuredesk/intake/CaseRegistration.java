package org.disclosuredesk.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.applicant.VerificationCodes;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.NewCase;
import org.disclosuredesk.intake.RegistrationRequest.ApplicantInput;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers applications: validates, fixes the receipt date by the channel's rule (Art. 31), issues
 * the case number and writes the register row. A case registered through the API and one started
 * from the Tasklist start form are the same kind of case: both go through {@link #register}.
 */
@Service
public class CaseRegistration {

  private final CaseRegister register;
  private final RegistrationValidator validator;
  private final WorkingDayCalendar calendar;
  private final AgencyClock clock;
  private final RuntimeService runtime;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final VerificationCodes codes;
  private final org.disclosuredesk.agency.Agencies agencies;
  private final TransactionTemplate inTransaction;

  CaseRegistration(CaseRegister register, RegistrationValidator validator, WorkingDayCalendar calendar,
      AgencyClock clock, RuntimeService runtime,
      com.fasterxml.jackson.databind.ObjectMapper json, VerificationCodes codes,
      org.disclosuredesk.agency.Agencies agencies, PlatformTransactionManager transactions) {
    this.inTransaction = new TransactionTemplate(transactions);
    this.agencies = agencies;
    this.json = json;
    this.codes = codes;
    this.register = register;
    this.validator = validator;
    this.calendar = calendar;
    this.clock = clock;
    this.runtime = runtime;
  }

  /**
   * Registers an application and starts its route (API). With an idempotency key, a retry returns
   * the case registered first instead of creating a second one.
   */
  public Registration registerAndStart(String agencyCode, RegistrationRequest request, String idempotencyKey, String actor) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // inside another unit of work (a referral): the number from the counter, in that transaction
      return registerAndStart(agencyCode, request, idempotencyKey, actor, null);
    }
    CaseRegister.Reservation reserved = reserveNumber(agencyCode, request);
    Registration done = null;
    try {
      done = inTransaction.execute(s -> registerAndStart(agencyCode, request, idempotencyKey, actor, reserved));
      return done;
    } finally {
      if (reserved != null && !takes(done, agencyCode, reserved)) {
        release(agencyCode, reserved);
      }
    }
  }

  /** Whether the registration's new case took the reservation (not: an earlier case under its key, or none). */
  private boolean takes(Registration done, String agencyCode, CaseRegister.Reservation reserved) {
    return done != null && done.created() && done.caseNumber().equals(CaseRegister.caseNumber(
        agencies.get(agencyCode).caseNumberPrefix(), reserved.year(), reserved.number()));
  }

  private void release(String agencyCode, CaseRegister.Reservation reserved) {
    try {
      register.releaseIfUnused(agencyCode, reserved);
    } catch (RuntimeException e) {
      // the database went away: the reservation is reused once abandoned (10 s) instead of at once
      org.slf4j.LoggerFactory.getLogger(CaseRegistration.class).warn("reserved case number {} of {} not released: {}",
          reserved, agencyCode, e.toString());
    }
  }

  /**
   * The case number reserved before the registration's transaction, so that registrations do not queue on
   * the year's counter for as long as each takes (issue 11: the counter's row lock was held through the
   * route's start, and 4 clients waited ~100 ms on it); none for input that will be refused anyway.
   */
  private CaseRegister.Reservation reserveNumber(String agencyCode, RegistrationRequest request) {
    // validated here once: the registration's transaction does not validate again when it has a reservation
    if (!validator.validate(agencyCode, request).isEmpty()) {
      return null;
    }
    return register.reserveNumber(agencyCode, receiptDate(agencyCode, request).getYear());
  }

  private Registration registerAndStart(String agencyCode, RegistrationRequest request, String idempotencyKey,
      String actor, CaseRegister.Reservation reservedNumber) {
    String key = idempotencyKey == null ? null : scoped(idempotencyKey, actor);
    String fingerprint = key == null ? null : fingerprint(request);
    if (key != null) {
      Optional<String> existing = register.findByIdempotencyKey(agencyCode, key);
      if (existing.isPresent()) {
        if (!fingerprint.equals(register.idempotencyFingerprint(agencyCode, existing.get()).orElse(fingerprint))) {
          throw new ConflictException("Idempotency-Key", "该 Idempotency-Key 已用于另一份内容不同的申请（" + existing.get() + "）");
        }
        return answer(register.get(agencyCode, existing.get()), false, null);
      }
    }
    String caseNumber = registerOnly(agencyCode, request, key, actor, reservedNumber);
    String code = codes.issue(agencyCode, caseNumber, actor);
    if (key != null) {
      register.setIdempotencyFingerprint(agencyCode, caseNumber, fingerprint);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    variables.put(CaseVariables.AGENCY, agencyCode);
    variables.put(IntakeSteps.VERIFICATION_CODE, org.camunda.bpm.engine.variable.Variables.stringValue(code, true));
    runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariables(variables).execute();
    return answer(register.get(agencyCode, caseNumber), true, code);
  }

  /** The case an idempotency key registered, if any (a concurrent retry lost the race). */
  @Transactional(readOnly = true)
  public Optional<Registration> findByIdempotencyKey(String agencyCode, String idempotencyKey, String actor) {
    return register.findByIdempotencyKey(agencyCode, scoped(idempotencyKey, actor))
        .map(n -> answer(register.get(agencyCode, n), false, null));
  }

  /** Validates without writing anything; throws {@link InvalidInputException} with every problem (the online form). */
  public void validate(String agencyCode, RegistrationRequest r) {
    List<FieldError> errors = validator.validate(agencyCode, r);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Validates and writes the register row; returns the new case number. Throws {@link InvalidInputException}. */
  @Transactional
  public String register(String agencyCode, RegistrationRequest r, String idempotencyKey, String actor) {
    String caseNumber = registerOnly(agencyCode, r, idempotencyKey, actor, null);
    // every channel gets a code; reception reissues it (desk) to hand it to the applicant
    codes.issue(agencyCode, caseNumber, actor);
    return caseNumber;
  }

  private String registerOnly(String agencyCode, RegistrationRequest r, String idempotencyKey, String actor,
      CaseRegister.Reservation reservedNumber) {
    if (reservedNumber == null) { // with a reservation, the input was validated before it was made
      validate(agencyCode, r);
    }
    LocalDate receivedOn = receiptDate(agencyCode, r);
    String caseNumber = register.allocateNumber(agencyCode, agencies.get(agencyCode).caseNumberPrefix(),
        receivedOn.getYear(), reservedNumber);
    ApplicantInput a = r.applicant();
    Applicant applicant = new Applicant(a.type(), a.name().trim(), a.idType(), a.idNumber().trim().toUpperCase(),
        trim(a.phone()), trim(a.email()), trim(a.address()), trim(a.contactPerson()));
    String department = org.disclosuredesk.identity.DepartmentProperties.normalise(r.department());
    register.insert(new NewCase(agencyCode, caseNumber, r.channel(), receivedOn, applicant, r.description().trim(),
        trim(r.purpose()), r.format(), r.delivery(), department, idempotencyKey, actor));
    register.record(agencyCode, caseNumber, "REGISTERED", actor,
        "登记申请（" + r.channel().label() + "），收到申请日期 " + receivedOn + letterText(r, receivedOn)
            + (RegistrationValidator.blank(r.lateRegistrationReason()) ? ""
                : "；补登（晚于收到日期 " + validator.workingDaysLate(agencyCode, r.receivedOn()) + " 个工作日），原因："
                    + r.lateRegistrationReason().strip()));
    return caseNumber;
  }

  /**
   * Art. 31: in person and letters count from the day given (handed in, signed for, confirmed);
   * online, fax and e-mail from the day both sides confirm, which on a rest day is the next working day.
   */
  LocalDate receiptDate(String agencyCode, RegistrationRequest r) {
    LocalDate given = r.receivedOn() != null ? r.receivedOn() : clock.today();
    return r.channel().confirmedOnWorkingDay() ? calendar.onOrNextWorkingDay(agencyCode, given) : given;
  }

  /** How a letter's receipt date came about (Art. 31), for the timeline. */
  private static String letterText(RegistrationRequest r, LocalDate receivedOn) {
    RegistrationRequest.LetterReceipt letter = r.letter();
    if (letter == null) {
      return "";
    }
    if (!letter.ordinary()) {
      return "（挂号信/快递，签收之日）";
    }
    return "（平信，" + letter.arrivedOn() + " 到达，当日尝试与申请人确认；" + receivedOn + " 确认，以确认之日为收到申请日期"
        + (letter.confirmationNote() == null || letter.confirmationNote().isBlank() ? "" : "：" + letter.confirmationNote().trim())
        + "）";
  }

  /** Keys are the caller's own: another account's retry never sees this case. */
  private static String scoped(String key, String actor) {
    return (actor == null ? "" : actor) + ":" + key;
  }

  private String fingerprint(RegistrationRequest request) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException("cannot fingerprint the application", e);
    }
  }

  private static Registration answer(CaseRecord c, boolean created, String verificationCode) {
    return new Registration(c.caseNumber(), c.receivedOn(), c.dueOn(), c.status(), created, verificationCode);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
