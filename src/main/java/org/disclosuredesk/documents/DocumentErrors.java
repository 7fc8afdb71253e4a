package org.disclosuredesk.documents;

import org.disclosuredesk.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Refused files and oversized uploads in the API's error format (413 included, whoever noticed the size first). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

  private static final Logger log = LoggerFactory.getLogger(DocumentErrors.class);

  private final DocumentsProperties limits;

  DocumentErrors(DocumentsProperties limits) {
    this.limits = limits;
  }

  @ExceptionHandler(DocumentRefusedException.class)
  ResponseEntity<ApiErrors> refused(DocumentRefusedException e) {
    log.info("document refused ({}): {}", e.status(), e.getMessage());
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
        .body(ApiErrors.of(e.field(), e.getMessage()));
  }

  /** Spring's multipart limit (set to the per-file limit) noticed first. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiErrors> tooLarge(MaxUploadSizeExceededException e) {
    DocumentRefusedException r = Documents.tooLarge(limits.maxFileSize().toBytes());
    log.info("upload refused (413): {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
        .body(ApiErrors.of(r.field(), r.getMessage()));
  }

  @ExceptionHandler(DocumentIntegrityException.class)
  ResponseEntity<ApiErrors> damaged(DocumentIntegrityException e) {
    log.error("stored document failed its SHA-256 check: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
        .body(ApiErrors.of("file", e.getMessage()));
  }
}
