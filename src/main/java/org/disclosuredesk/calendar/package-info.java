/** The working-day calendar: official days off and make-up working days as data, and working-day arithmetic. */
package org.disclosuredesk.calendar;
