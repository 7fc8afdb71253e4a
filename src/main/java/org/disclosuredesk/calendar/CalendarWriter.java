package org.disclosuredesk.calendar;

import java.util.List;
import org.disclosuredesk.agency.AgencyClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a year's calendar within the caller's transaction: one change per agency at a time (the
 * revision row is locked), the node's cache sees it at once, and {@link CalendarChanged} is published
 * in the same transaction.
 */
@Component
class CalendarWriter {

  private final CalendarStore store;
  private final CalendarCache cache;
  private final ApplicationEventPublisher events;
  private final AgencyClock clock;

  CalendarWriter(CalendarStore store, CalendarCache cache, ApplicationEventPublisher events, AgencyClock clock) {
    this.store = store;
    this.cache = cache;
    this.events = events;
    this.clock = clock;
  }

  /** Runs in a transaction of its own, before the caller's: creates the agency's revision row if missing. */
  void prepare(String agencyCode) {
    store.ensureRevisionRow(agencyCode);
  }

  CalendarReplaced replace(String agencyCode, int year, List<CalendarDay> days, String source, String changedBy) {
    requireTransaction();
    store.lock(agencyCode);
    return write(agencyCode, year, days, source, changedBy);
  }

  /** Stores the year unless the agency has it already (then returns false): the start-up load. */
  boolean loadIfAbsent(String agencyCode, int year, List<CalendarDay> days, String source) {
    requireTransaction();
    store.lock(agencyCode);
    if (store.hasYear(agencyCode, year)) {
      return false;
    }
    write(agencyCode, year, days, source, CalendarChanged.SYSTEM);
    return true;
  }

  private CalendarReplaced write(String agencyCode, int year, List<CalendarDay> days, String source, String changedBy) {
    store.replaceYear(agencyCode, year, days, source, clock.clock().instant(), changedBy);
    store.bumpRevision(agencyCode);
    cache.useWithinTransaction(agencyCode, store.load(agencyCode));
    events.publishEvent(new CalendarChanged(agencyCode, year, changedBy));
    int off = (int) days.stream().filter(CalendarDay::offDay).count();
    return new CalendarReplaced(year, off, days.size() - off, true);
  }

  private static void requireTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a calendar change needs a transaction");
    }
  }

  /** After a start-up load that another node may have done in part: read the calendar afresh. */
  void forgetCached(String agencyCode) {
    cache.forget(agencyCode);
  }
}
