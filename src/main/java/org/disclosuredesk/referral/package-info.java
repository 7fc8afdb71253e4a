/** Referral between agencies: a case answered "not this agency's" forwarded, with consent, as a new case of the right agency. */
package org.disclosuredesk.referral;
