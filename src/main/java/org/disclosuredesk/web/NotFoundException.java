package org.disclosuredesk.web;

/** What the path names is not there (404), with the field it concerns and why. */
public class NotFoundException extends RuntimeException {

  private final String field;

  public NotFoundException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
