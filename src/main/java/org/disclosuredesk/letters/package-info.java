/** Letters (文书): receipts, notices and reply letters rendered from the case as printable HTML and PDF, and kept as issued. */
package org.disclosuredesk.letters;
