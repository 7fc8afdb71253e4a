package org.disclosuredesk.documents;

import java.time.LocalDateTime;

/** One document of a case, as the API shows it. */
public record DocumentInfo(
    long id,
    String caseNumber,
    String name,
    DocumentKind kind,
    String contentType,
    long size,
    String sha256,
    Long derivedFrom,
    String uploadedBy,
    LocalDateTime uploadedAt) {}
