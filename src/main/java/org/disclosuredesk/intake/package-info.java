/** Registration of applications (API and Tasklist start form), the completeness check and the supplement loop. */
package org.disclosuredesk.intake;
