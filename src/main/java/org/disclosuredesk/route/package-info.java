/** The route's shared glue: the typed facade over its variables, and what every user task shows and tracks. */
package org.disclosuredesk.route;
