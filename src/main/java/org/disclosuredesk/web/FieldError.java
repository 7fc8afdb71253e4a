package org.disclosuredesk.web;

/** One problem with the input: which field (a JSON path such as {@code applicant.idNumber}) and why. */
public record FieldError(String field, String message) {}
