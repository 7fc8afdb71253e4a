package org.disclosuredesk.web;

/** The caller is known but may not do this (403), with the field it concerns and why. */
public class ForbiddenException extends RuntimeException {

  private final String field;

  public ForbiddenException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
