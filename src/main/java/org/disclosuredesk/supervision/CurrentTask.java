package org.disclosuredesk.supervision;

import java.time.LocalDateTime;

/** The open user task of a case as the register keeps it (a task listener of the route writes it). */
record CurrentTask(String name, String assignee, LocalDateTime since) {

  static final CurrentTask NONE = new CurrentTask(null, null, null);
}
