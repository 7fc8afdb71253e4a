/** Mail to applicants and staff: an outbox written in the caller's transaction, sent by the outgoingMail process with retries. */
package org.disclosuredesk.notify;
