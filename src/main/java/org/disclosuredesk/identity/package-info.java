/** Who may do what: HTTP Basic against the engine's identity service, groups and authorizations, Tasklist filters, demo users. */
package org.disclosuredesk.identity;
