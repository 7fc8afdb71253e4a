package org.disclosuredesk.referral;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.intake.Registration;
import org.disclosuredesk.intake.RegistrationRequest;
import org.disclosuredesk.intake.RegistrationRequest.ApplicantInput;
import org.disclosuredesk.web.CleanText;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.ForbiddenException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refers a case answered "not this agency's" (Art. 36(5), {@link Outcome#NOT_THIS_AGENCY}) to the agency
 * of the platform that holds the information, with the applicant's consent: the application becomes a
 * new case of that agency, registered by its own rules, and both cases name each other.
 *
 * <p><b>Receipt date of the new case.</b> The forwarding is an electronic transfer on the platform, so
 * the new case is registered on the channel {@link Channel#ONLINE}: under Art. 31 an online application is
 * received on the day both sides confirm, which is the day of forwarding (the platform confirms at once),
 * and on a rest day the next working day of the <em>receiving</em> agency's calendar
 * ({@link CaseRegistration} applies that rule to every channel that is {@link Channel#confirmedOnWorkingDay()}).
 * The first agency's receipt date does not carry over: the new agency's reply period starts with its own
 * receipt.
 */
@Service
public class CaseReferrals {

  /** Length of {@code dd_case_referral.consent}. */
  static final int CONSENT_MAX = 500;
  /** How a referral reaches the receiving agency; see the class comment. */
  static final Channel CHANNEL = Channel.ONLINE;

  private final CaseRegister register;
  private final CaseRegistration registration;
  private final ReferralRepository referrals;
  private final Agencies agencies;
  private final Clock clock;

  CaseReferrals(CaseRegister register, CaseRegistration registration, ReferralRepository referrals, Agencies agencies,
      Clock clock) {
    this.register = register;
    this.registration = registration;
    this.referrals = referrals;
    this.agencies = agencies;
    this.clock = clock;
  }

  /**
   * Refers the case to the agency named in the input, in one transaction: the new case with its route,
   * the referral row and an entry on both timelines. Refusals change nothing: 404 for a case the user's
   * agencies do not hold, 403 for anyone but that agency's reception (or a platform administrator), 409
   * unless the case is concluded as "not this agency's" and not yet referred, 400 for a bad agency or a
   * missing consent.
   */
  @Transactional
  public Referred refer(String caseNumber, ReferralInput input, CurrentUser user) {
    String fromAgency = agencies.holderOf(caseNumber);
    CaseRecord c = register.find(fromAgency, caseNumber).filter(found -> user.memberOf(found.agencyCode()))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    if (!(user.in(Groups.ADMIN) || user.in(Groups.RECEPTION))) {
      throw new ForbiddenException("authorization", "只有本机关接待室人员或系统管理员可以转送申请");
    }
    referrals.lockCase(c.agencyCode(), c.caseNumber());
    String refusal = refusal(c);
    if (refusal != null) {
      throw new ConflictException(c.isOpen() ? "status" : "outcome", refusal);
    }
    referrals.outOf(c.agencyCode(), c.caseNumber()).ifPresent(earlier -> {
      throw new ConflictException("referral", "本案已于 " + earlier.referredAt().toLocalDate() + " 转送"
          + nameOf(earlier.toAgency()) + "（案件 " + earlier.toCase() + "），不能再次转送");
    });
    Agency target = validate(c, input);
    String consent = input.consent().strip();

    Registration created = registration.registerAndStart(target.code(), application(c), null, user.id());
    referrals.insert(new Referral(c.agencyCode(), c.caseNumber(), target.code(), created.caseNumber(), consent,
        LocalDateTime.now(clock).withNano(0), user.id()));
    String fromName = nameOf(c.agencyCode());
    register.record(c.agencyCode(), c.caseNumber(), "REFERRED_OUT", user.id(),
        "经申请人同意，将申请转送" + target.name() + "，立为该机关案件 " + created.caseNumber() + "；申请人同意情况：" + consent);
    register.record(target.code(), created.caseNumber(), "REFERRED_IN", user.id(),
        "由" + fromName + "案件 " + c.caseNumber() + " 转送（该机关答复不属于其负责公开），经申请人同意；"
            + "平台转送按网上申请办理，收到申请日期 " + created.receivedOn() + "；申请人同意情况：" + consent);
    return new Referred(created.caseNumber(), target.code(), created.receivedOn(), created.dueOn());
  }

  /**
   * Why the case may not be referred (a Chinese message), or null when it may: only a case concluded
   * with the answer "not this agency's" is forwarded (the answer has been delivered and the case closed).
   */
  static String refusal(CaseRecord c) {
    String rule = "只有以“" + Outcome.NOT_THIS_AGENCY.label() + "”答复并已办结的案件才能转送";
    if (c.status() != CaseStatus.CLOSED) {
      return rule + "（本案" + c.status().label() + "）";
    }
    if (c.outcome() != Outcome.NOT_THIS_AGENCY) {
      return rule + "（本案办理结果：" + (c.outcome() == null ? "未记录" : c.outcome().label()) + "）";
    }
    return null;
  }

  private Agency validate(CaseRecord c, ReferralInput input) {
    List<FieldError> errors = new ArrayList<>();
    String code = input == null || input.agency() == null ? "" : input.agency().strip();
    Agency target = null;
    if (code.isEmpty()) {
      errors.add(new FieldError("agency", "必须填写转入机关（机关代码）"));
    } else if (code.equals(c.agencyCode())) {
      errors.add(new FieldError("agency", "不能转送给本机关，请选择平台上负责公开该信息的其他机关"));
    } else {
      target = agencies.find(code).orElse(null);
      if (target == null) {
        errors.add(new FieldError("agency", "平台上没有代码为 " + CleanText.printable(code) + " 的机关"));
      }
    }
    String consent = input == null ? null : input.consent();
    if (consent == null || consent.isBlank()) {
      errors.add(new FieldError("consent", "必须填写申请人同意转送的情况（如：申请人于某日电话同意转送）"));
    } else if (consent.strip().length() > CONSENT_MAX) {
      errors.add(new FieldError("consent", "不能超过 " + CONSENT_MAX + " 个字符"));
    } else if (CleanText.problem(consent) != null) {
      errors.add(new FieldError("consent", CleanText.problem(consent)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return target;
  }

  /** The first case's application as the receiving agency registers it: same applicant and request. */
  private static RegistrationRequest application(CaseRecord c) {
    Applicant a = c.applicant();
    return new RegistrationRequest(CHANNEL, null,
        new ApplicantInput(a.type(), a.name(), a.idType(), a.idNumber(), a.phone(), a.email(), a.address(),
            a.contactPerson()),
        c.description(), c.purpose(), c.format(), c.delivery(), null);
  }

  private String nameOf(String agencyCode) {
    return agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
  }
}
