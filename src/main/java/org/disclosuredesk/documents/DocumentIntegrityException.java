package org.disclosuredesk.documents;

/** Stored content no longer matches its SHA-256: it is not served. */
public class DocumentIntegrityException extends RuntimeException {

  public DocumentIntegrityException(String message) {
    super(message);
  }
}
