package org.disclosuredesk.casefile;

/**
 * One part of the requested information that a partial disclosure (部分公开, Art. 37) withholds, and
 * the ground it is withheld on (one of the 不予公开 grounds).
 */
public record WithheldPart(String description, WithholdingGround ground) {}
