package org.disclosuredesk.casefile;

import java.time.LocalDateTime;

/** One thing that happened to a case. {@code kind} is a stable code (REGISTERED, SUPPLEMENT_NOTICE ...). */
public record TimelineEntry(LocalDateTime at, String kind, String actor, String detail) {}
