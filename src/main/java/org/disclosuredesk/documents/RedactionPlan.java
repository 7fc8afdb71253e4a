package org.disclosuredesk.documents;

import java.time.LocalDateTime;
import java.util.List;

/** The proposed redaction areas of a document, who saved them and when ({@code savedBy} null: none saved yet). */
public record RedactionPlan(long documentId, List<RedactionArea> areas, String savedBy, LocalDateTime savedAt) {}
