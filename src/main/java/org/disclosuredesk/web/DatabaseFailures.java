package org.disclosuredesk.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the database failures that are not the caller's fault and pass by themselves (the database
 * restarting, a lock held too long) from real errors, by walking the cause chain: the engine wraps
 * SQL errors in its own exceptions, Spring in {@code DataAccessException}s.
 */
public final class DatabaseFailures {

  /**
   * Lock timeouts, deadlocks and serialization failures: the transaction was rolled back, so doing it
   * again is safe. PostgreSQL 40001/40P01/55P03; H2 50200 (lock timeout), 40001 (deadlock),
   * 90131 (concurrent update of one row).
   */
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03");
  private static final Set<Integer> H2_CONFLICT_CODES = Set.of(50200, 40001, 90131);

  /** PostgreSQL shutting down / crashed / starting (57P01–57P03); H2 database closed (90098, 90121). */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
  private static final Set<Integer> H2_UNAVAILABLE_CODES = Set.of(90098, 90121);

  private DatabaseFailures() {}

  /** The transaction lost a race for a lock and was rolled back: retrying it is safe. */
  public static boolean isLockConflict(Throwable e) {
    for (Throwable t : chain(e)) {
      if (t instanceof SQLException s && (CONFLICT_STATES.contains(String.valueOf(s.getSQLState()))
          || (isH2(s) && H2_CONFLICT_CODES.contains(s.getErrorCode())))) {
        return true;
      }
      if (t instanceof org.springframework.dao.PessimisticLockingFailureException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database cannot be reached or is restarting, or a lock could not be had in time: the request
   * may well succeed in a moment (503 with Retry-After, never a 500).
   */
  public static boolean isTemporary(Throwable e) {
    if (isLockConflict(e)) {
      return true;
    }
    for (Throwable t : chain(e)) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof CannotCreateTransactionException
          // commit or rollback failed in the transaction manager: the connection broke under it (when the
          // rollback after a failed commit fails too, Spring keeps only the rollback's "Connection is closed")
          || t instanceof TransactionSystemException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(s.getSQLState())
              || (isH2(s) && H2_UNAVAILABLE_CODES.contains(s.getErrorCode())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isH2(SQLException s) {
    return s.getClass().getName().startsWith("org.h2.");
  }

  /**
   * The exception, its causes and what they hide: when the connection broke, the rollback fails too
   * and Spring throws that ("Connection is closed", no SQL state) with the original failure attached.
   */
  private static List<Throwable> chain(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && all.size() < 50) {
      Throwable t = todo.poll();
      if (all.stream().anyMatch(seen -> seen == t)) {
        continue;
      }
      all.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException s && s.getNextException() != null) {
        todo.add(s.getNextException());
      }
      if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
        todo.add(tse.getApplicationException());
      }
    }
    return all;
  }
}
