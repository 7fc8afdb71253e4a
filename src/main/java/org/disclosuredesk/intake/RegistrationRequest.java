package org.disclosuredesk.intake;

import java.time.LocalDate;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;

/** The body of {@code POST /api/requests} (design.md), and what the Tasklist start form collects. */
public record RegistrationRequest(
    Channel channel,
    LocalDate receivedOn,
    ApplicantInput applicant,
    String description,
    String purpose,
    InfoFormat format,
    Delivery delivery,
    String department) {

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
