/** Confidentiality review (保密审查, Art. 17) before every full or partial disclosure. */
package org.disclosuredesk.review;
