/** Applicants' personal data: identity numbers masked where they are listed, and every view of a case's personal data recorded. */
package org.disclosuredesk.privacy;
