package org.disclosuredesk.web;

/** The request does not fit the case's state (e.g. a withdrawal after the reply): 409. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
