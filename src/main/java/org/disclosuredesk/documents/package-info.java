/**
 * Case documents (issue 13): files attached to a case (the applicant's materials, the responsive
 * documents, their redacted versions), stored content-addressed in the case's database, checked on
 * read, refused when they are not what they claim to be; redactions burnt in by rasterising the pages.
 */
package org.disclosuredesk.documents;
