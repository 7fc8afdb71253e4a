/** Supervision (督办): overdue and due-soon cases from the register, the case page with the route diagram, urging, charts, exports. */
package org.disclosuredesk.supervision;
