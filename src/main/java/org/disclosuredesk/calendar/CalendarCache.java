package org.disclosuredesk.calendar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each node keeps each agency's calendar in memory and, at most every
 * {@code disclosure.calendar.revalidate-after}, compares the agency's revision in the database (one
 * tiny query), reloading the calendar when another node changed it. A change made on this node is
 * seen at once: inside its transaction by the code it calls (the {@link CalendarChanged} listeners),
 * by every thread once it commits, and never if it rolls back.
 */
@Component
class CalendarCache implements CalendarSnapshots {

  private final CalendarStore store;
  private final long revalidateNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  private record Checked(CalendarSnapshot snapshot, long at) {}

  private record PendingKey(String agencyCode) {}

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    volatile Checked checked;
  }

  @Autowired
  CalendarCache(CalendarStore store, CalendarProperties properties) {
    this(store, properties, System::nanoTime);
  }

  CalendarCache(CalendarStore store, CalendarProperties properties, LongSupplier nanoTime) {
    this.store = store;
    this.revalidateNanos = properties.revalidateAfter().toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public CalendarSnapshot current(String agencyCode) {
    Object pending = TransactionSynchronizationManager.getResource(new PendingKey(agencyCode));
    if (pending != null) {
      return (CalendarSnapshot) pending;
    }
    Entry entry = entries.computeIfAbsent(agencyCode, a -> new Entry());
    Checked checked = entry.checked;
    if (checked != null && fresh(checked)) {
      return checked.snapshot();
    }
    if (checked != null && !entry.lock.tryLock()) {
      return checked.snapshot(); // another thread is asking the database right now
    }
    if (checked == null) {
      entry.lock.lock();
    }
    try {
      return revalidate(agencyCode, entry);
    } finally {
      entry.lock.unlock();
    }
  }

  /**
   * Makes {@code snapshot} (just written in the current transaction) the agency's calendar for this
   * thread until the transaction ends, and for every thread of this node once it commits.
   */
  void useWithinTransaction(String agencyCode, CalendarSnapshot snapshot) {
    PendingKey key = new PendingKey(agencyCode);
    boolean first = !TransactionSynchronizationManager.hasResource(key);
    if (!first) {
      TransactionSynchronizationManager.unbindResource(key);
    }
    TransactionSynchronizationManager.bindResource(key, snapshot);
    if (first) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          Object written = TransactionSynchronizationManager.unbindResourceIfPossible(key);
          if (status == STATUS_COMMITTED && written != null) {
            install(agencyCode, (CalendarSnapshot) written);
          }
        }
      });
    }
  }

  /** Drops this node's copy: the next question reads the database (after another node may have written). */
  void forget(String agencyCode) {
    entries.remove(agencyCode);
  }

  private void install(String agencyCode, CalendarSnapshot snapshot) {
    Entry entry = entries.computeIfAbsent(agencyCode, a -> new Entry());
    entry.lock.lock();
    try {
      Checked checked = entry.checked;
      if (checked == null || checked.snapshot().revision() <= snapshot.revision()) {
        entry.checked = new Checked(snapshot, nanoTime.getAsLong());
      }
    } finally {
      entry.lock.unlock();
    }
  }

  private CalendarSnapshot revalidate(String agencyCode, Entry entry) {
    Checked checked = entry.checked;
    if (checked != null && fresh(checked)) {
      return checked.snapshot();
    }
    long now = nanoTime.getAsLong();
    // one query for every agency's revision: on a platform of many agencies, a list across all of them
    // would otherwise ask once per agency every few seconds
    Map<String, Long> revisions = store.revisions();
    CalendarSnapshot snapshot = checked != null && checked.snapshot().revision() == revisions.getOrDefault(agencyCode, 0L)
        ? checked.snapshot()
        : store.load(agencyCode);
    entry.checked = new Checked(snapshot, now);
    entries.forEach((other, e) -> {
      Checked c = e.checked;
      if (e != entry && c != null && !fresh(c) && c.snapshot().revision() == revisions.getOrDefault(other, 0L)
          && e.lock.tryLock()) {
        try {
          if (e.checked == c) {
            e.checked = new Checked(c.snapshot(), now); // unchanged in the database: fresh again
          }
        } finally {
          e.lock.unlock();
        }
      }
    });
    return snapshot;
  }

  private boolean fresh(Checked checked) {
    return nanoTime.getAsLong() - checked.at() < revalidateNanos;
  }
}
