/** Handling by the responsible department: proposal of the reply, re-assignment, consultation (clock paused) and extension. */
package org.disclosuredesk.handling;
