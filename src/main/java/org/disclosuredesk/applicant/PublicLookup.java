package org.disclosuredesk.applicant;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.referral.CaseLink;
import org.disclosuredesk.referral.ReferralLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an applicant sees of a case with its verification code: the stage in plain words, the dates,
 * the notices sent and the letters addressed to them. A wrong code, an unknown number and another
 * agency's case are all simply "not found".
 */
@Service
public class PublicLookup {

  /** The case as the applicant sees it. */
  public record CaseProgress(String caseNumber, String agency, LocalDate receivedOn, LocalDate dueOn, String stage,
      List<Notice> notices, List<Letter> letters, Transfer referredTo, Transfer referredFrom) {}

  /**
   * The other case of a referral between agencies: where the application went (with that case's stage
   * and dates, so the applicant follows it under the first number too) or where it came from.
   */
  public record Transfer(String caseNumber, String agency, LocalDate receivedOn, LocalDate dueOn, String stage) {}

  /** A notice sent to the applicant (补正告知书, 延期答复告知书, …) and its date. */
  public record Notice(String type, String title, LocalDate date) {}

  /** A letter addressed to the applicant; {@code id} identifies it for download from the lookup page. */
  public record Letter(long id, String type, String title, LocalDate date) {}

  private final CaseRegister register;
  private final VerificationCodes codes;
  private final Letters letters;
  private final Agencies agencies;
  private final ReferralLinks referrals;

  PublicLookup(CaseRegister register, VerificationCodes codes, Letters letters, Agencies agencies,
      ReferralLinks referrals) {
    this.referrals = referrals;
    this.register = register;
    this.codes = codes;
    this.letters = letters;
    this.agencies = agencies;
  }

  /** The case's progress when the code is its current one; empty otherwise (whatever the reason). */
  @Transactional(readOnly = true)
  public Optional<CaseProgress> find(String caseNumber, String code) {
    if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 40 || code == null) {
      return Optional.empty();
    }
    String number = caseNumber.strip().toUpperCase(java.util.Locale.ROOT);
    if (!codes.matches(agencies.holderOf(number), number, code)) {
      return Optional.empty();
    }
    return register.find(agencies.holderOf(number), number).map(this::progress);
  }

  /** The progress of a case whose code was checked earlier in the same session (the lookup page). */
  @Transactional(readOnly = true)
  public Optional<CaseProgress> progressOf(String caseNumber) {
    return register.find(agencies.holderOf(caseNumber), caseNumber).map(this::progress);
  }

  /** Whether the letter is one the applicant of this case may download. */
  @Transactional(readOnly = true)
  public Optional<IssuedLetter> applicantLetter(String caseNumber, long letterId) {
    return letters.find(agencies.holderOf(caseNumber), letterId)
        .filter(l -> l.caseNumber().equals(caseNumber) && l.type().recipient() == LetterType.Recipient.APPLICANT);
  }

  private CaseProgress progress(CaseRecord c) {
    List<IssuedLetter> issued = letters.list(c.agencyCode(), c.caseNumber()).stream()
        .filter(l -> l.type().recipient() == LetterType.Recipient.APPLICANT).toList();
    List<Notice> notices = issued.stream()
        .filter(l -> l.type() != LetterType.RECEIPT && l.type() != LetterType.REPLY)
        .map(l -> new Notice(l.type().name(), l.title(), l.issuedAt().toLocalDate())).toList();
    boolean replied = c.status() == CaseStatus.REPLIED || c.status() == CaseStatus.CLOSED;
    List<Letter> downloadable = issued.stream()
        .filter(l -> replied || l.type() != LetterType.REPLY)
        .map(l -> new Letter(l.id(), l.type().name(), l.title(), l.issuedAt().toLocalDate())).toList();
    return new CaseProgress(c.caseNumber(), agencies.get(c.agencyCode()).name(), c.receivedOn(), c.dueOn(), stage(c),
        notices, downloadable, transfer(referrals.referredTo(c.agencyCode(), c.caseNumber()), true),
        transfer(referrals.referredFrom(c.agencyCode(), c.caseNumber()), false));
  }

  private Transfer transfer(CaseLink link, boolean withProgress) {
    if (link == null) {
      return null;
    }
    String name = agencies.get(link.agency()).name();
    if (!withProgress) {
      return new Transfer(link.caseNumber(), name, null, null, null);
    }
    return register.find(link.agency(), link.caseNumber())
        .map(o -> new Transfer(o.caseNumber(), name, o.receivedOn(), o.dueOn(), stage(o)))
        .orElse(new Transfer(link.caseNumber(), name, null, null, null));
  }

  /** The stage in the applicant's words (issue 14). */
  static String stage(CaseRecord c) {
    return switch (c.status()) {
      case REGISTERED -> "已登记";
      case AWAITING_SUPPLEMENT -> "需补正";
      case IN_CONSULTATION -> "征求意见中（暂停计时）";
      case REPLIED -> "已答复";
      case CLOSED -> "已办结";
      case IN_HANDLING, IN_REVIEW, AWAITING_FEE -> c.extensionDays() > 0 ? "已延期" : "办理中";
    };
  }
}
