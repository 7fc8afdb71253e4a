/** The agency (机关) running this installation: its code, name and time zone; every case carries the code. */
package org.disclosuredesk.agency;
