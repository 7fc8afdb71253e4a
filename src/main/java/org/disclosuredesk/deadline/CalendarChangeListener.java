package org.disclosuredesk.deadline;

import org.disclosuredesk.calendar.CalendarChanged;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an agency's calendar changes, the due dates of its open cases are recomputed in the same
 * transaction; each case whose date moves gets a timeline entry and its timers moved.
 */
@Component
class CalendarChangeListener {

  private static final Logger log = LoggerFactory.getLogger(CalendarChangeListener.class);

  private final CaseRegister register;
  private final CaseClock clock;

  CalendarChangeListener(CaseRegister register, CaseClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @EventListener
  void recomputeOpenCases(CalendarChanged change) {
    int moved = 0;
    for (CaseRecord c : register.openCases(change.agencyCode())) {
      if (c.dueOn() == null) {
        continue;
      }
      if (!clock.refresh(c.agencyCode(), c.caseNumber(), change.year() + " 年节假日安排调整").equals(c.dueOn())) {
        moved++;
      }
    }
    log.info("calendar {} of agency {} changed by {}: {} open case(s) got a new due date",
        change.year(), change.agencyCode(), change.changedBy(), moved);
  }
}
