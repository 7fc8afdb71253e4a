package org.disclosuredesk.casefile;

/** Who applied: a natural person or an organisation of the kind the annual report counts. */
public record Applicant(
    ApplicantType type,
    String name,
    IdType idType,
    String idNumber,
    String phone,
    String email,
    String address,
    String contactPerson) {}
