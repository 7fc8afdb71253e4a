package org.disclosuredesk.reply;

import java.util.Map;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.notify.MailKind;
import org.disclosuredesk.notify.Notifications;
import org.springframework.stereotype.Service;

/**
 * The letter that tells the applicant a case closed without a reply on the merits (deemed abandoned
 * for want of a supplement, Art. 30; fee unpaid, 2020 measures): the reply letter for the case's
 * outcome, recorded like every letter, posted where the applicant gave an address and e-mailed where
 * there is an e-mail address — a case never closes silently.
 */
@Service
public class ClosingLetter {

  private final CaseRegister register;
  private final Letters letters;
  private final Notifications notifications;

  ClosingLetter(CaseRegister register, Letters letters, Notifications notifications) {
    this.register = register;
    this.letters = letters;
    this.notifications = notifications;
  }

  /** Issues and sends the reply letter for the outcome the case was closed with. */
  public IssuedLetter issue(String agencyCode, String caseNumber) {
    CaseRecord c = register.get(agencyCode, caseNumber);
    IssuedLetter letter = letters.issue(agencyCode, caseNumber, LetterType.REPLY, null,
        Map.of("delivery", delivery(c)));
    notifications.queueToApplicant(agencyCode, caseNumber, MailKind.REPLY, letter.id());
    return letter;
  }

  /** The applicant will not come to collect it: by post where there is an address, else as the case says. */
  private static String delivery(CaseRecord c) {
    if (c.applicant().address() != null && !c.applicant().address().isBlank()) {
      return "POST";
    }
    if (c.applicant().email() != null && !c.applicant().email().isBlank()) {
      return "EMAIL";
    }
    return c.delivery() == null ? "POST" : c.delivery().name();
  }
}
