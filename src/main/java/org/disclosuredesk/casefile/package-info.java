/** The case register: one row per application, its timeline and pause ledger; what supervision and reports query. */
package org.disclosuredesk.casefile;
