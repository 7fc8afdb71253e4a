package org.disclosuredesk.casefile;

import java.time.LocalDate;

/** A period not counted in the reply deadline (Art. 33 para 3); {@code endedOn} is null while it runs. */
public record ClockPause(long id, PauseReason reason, LocalDate startedOn, LocalDate endedOn, String note) {

  public boolean isOpen() {
    return endedOn == null;
  }
}
