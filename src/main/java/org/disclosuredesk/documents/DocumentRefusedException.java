package org.disclosuredesk.documents;

/** A file that is not accepted (wrong type, too large, encrypted, a bomb …): answered with its status, nothing stored. */
class DocumentRefusedException extends RuntimeException {

  private final int status;
  private final String field;

  DocumentRefusedException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
