/** The reception room's desk ({@code /desk/}): register walk-ins, find cases, act on them, today's queue. */
package org.disclosuredesk.desk;
