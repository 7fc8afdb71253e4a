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
    String lateRegistrationReason) {

  /** An application registered on time (no late-registration reason). */
  public RegistrationRequest(Channel channel, LocalDate receivedOn, ApplicantInput applicant, String description,
      String purpose, InfoFormat format, Delivery delivery, String department) {
    this(channel, receivedOn, applicant, description, purpose, format, delivery, department, null);
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
