package org.disclosuredesk.web;

import java.util.List;

/** The error body of every {@code /api} response: {@code {"errors":[{"field":"...","message":"..."}]}}. */
public record ApiErrors(List<FieldError> errors) {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  public static ApiErrors of(String field, String message) {
    return new ApiErrors(List.of(new FieldError(field, message)));
  }

  /** Writes the error body where no controller answers (servlet filters, security entry points). */
  public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String field, String message)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), of(field, message));
  }
}
