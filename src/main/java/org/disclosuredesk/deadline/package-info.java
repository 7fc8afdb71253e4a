/** The case clock: the reply deadline from receipt, regime, extension and pause ledger, and the engine timers that follow it. */
package org.disclosuredesk.deadline;
