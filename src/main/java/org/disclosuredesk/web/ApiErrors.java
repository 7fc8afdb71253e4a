package org.disclosuredesk.web;

import java.util.List;

/** The error body of every {@code /api} response: {@code {"errors":[{"field":"...","message":"..."}]}}. */
public record ApiErrors(List<FieldError> errors) {

  public static ApiErrors of(String field, String message) {
    return new ApiErrors(List.of(new FieldError(field, message)));
  }
}
