package org.disclosuredesk.intake;

import java.time.LocalDate;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;

/**
 * The body of {@code POST /api/requests} (design.md), and what the Tasklist start form and the desk collect.
 *
 * @param lateRegistrationReason required when {@code receivedOn} lies more than a few working days back
 *     (a letter received last month is real, a typo more likely): why the application is registered only now
 */
public record RegistrationRequest(
    Channel channel,
    LocalDate receivedOn,
    ApplicantInput applicant,
    String description,
    String purpose,
    InfoFormat format,
    Delivery delivery,
    String department,
    LetterReceipt letter,
    String lateRegistrationReason) {

  /** An application registered on time, without letter details (every channel but a letter; a signed-for letter). */
  public RegistrationRequest(Channel channel, LocalDate receivedOn, ApplicantInput applicant, String description,
      String purpose, InfoFormat format, Delivery delivery, String department) {
    this(channel, receivedOn, applicant, description, purpose, format, delivery, department, null, null);
  }

  /** An application with letter details, registered on time. */
  public RegistrationRequest(Channel channel, LocalDate receivedOn, ApplicantInput applicant, String description,
      String purpose, InfoFormat format, Delivery delivery, String department, LetterReceipt letter) {
    this(channel, receivedOn, applicant, description, purpose, format, delivery, department, letter, null);
  }

  /**
   * How a letter came (Art. 31): one that needed a signature is received the day the agency signed
   * for it ({@code receivedOn}); an ordinary letter ({@code signatureRequired} false) is received on the
   * day the OGI office confirmed it with the applicant ({@code receivedOn}), which it must try on the day
   * the letter arrived ({@code arrivedOn}); a later confirmation says why ({@code confirmationNote}).
   */
  public record LetterReceipt(Boolean signatureRequired, LocalDate arrivedOn, String confirmationNote) {

    public boolean ordinary() {
      return Boolean.FALSE.equals(signatureRequired);
    }
  }

  /** The applicant part of the body. */
  public record ApplicantInput(
      ApplicantType type,
      String name,
      IdType idType,
      String idNumber,
      String phone,
      String email,
      String address,
      String contactPerson) {}
}
