/** The reply with its outcome and legal ground, its delivery, and closing a case however it ends. */
package org.disclosuredesk.reply;
