/** Mail to applicants and staff: an outbox written in the caller's transaction, drained in batches with retries and an alert. */
package org.disclosuredesk.notify;
