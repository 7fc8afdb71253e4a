/** What every user task of the route gets: the case shown on its form, the register's current task, the new-task mail. */
package org.disclosuredesk.tasks;
