/** What every HTTP endpoint shares: the JSON error format and the request size limit. */
package org.disclosuredesk.web;
