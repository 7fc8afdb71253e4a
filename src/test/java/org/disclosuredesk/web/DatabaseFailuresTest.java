package org.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseFailuresTest {

  @Test
  void lockConflictsMayBeRetried() {
    assertThat(DatabaseFailures.isLockConflict(new CannotAcquireLockException("lock timeout"))).isTrue();
    assertThat(DatabaseFailures.isLockConflict(new ProcessEngineException("flush failed",
        new SQLException("could not serialize access", "40001")))).isTrue();
    assertThat(DatabaseFailures.isLockConflict(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
        .isTrue();
  }

  @Test
  void aLostConnectionIsTemporaryButNotRetriedBlindly() {
    // the commit may have happened: the client decides (with its Idempotency-Key)
    RuntimeException lost = new ProcessEngineException("persistence",
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    assertThat(DatabaseFailures.isTemporary(lost)).isTrue();
    assertThat(DatabaseFailures.isLockConflict(lost)).isFalse();
    assertThat(DatabaseFailures.isTemporary(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("Connection is not available")))).isTrue();
    assertThat(DatabaseFailures.isTemporary(new RuntimeException(new SQLException("starting up", "57P03")))).isTrue();
  }

  @Test
  void aFailedRollbackShowsTheFailureItHides() {
    // the connection broke: the rollback fails with a bare "Connection is closed", the I/O error is attached
    org.springframework.transaction.TransactionSystemException rollback =
        new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"));
    rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("I/O",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    assertThat(DatabaseFailures.isTemporary(new ProcessEngineException("persistence", rollback))).isTrue();
  }

  @Test
  void aFailedCommitWhoseRollbackFailedTooIsTemporary() {
    // Spring logs the commit's I/O error ("Commit exception overridden by rollback exception") and throws
    // only the rollback's failure, with nothing attached: seen when PostgreSQL restarted under load
    assertThat(DatabaseFailures.isTemporary(new org.springframework.transaction.TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
  }

  @Test
  void otherErrorsAreNotTemporary() {
    assertThat(DatabaseFailures.isTemporary(new SQLException("no state"))).isFalse();
    assertThat(DatabaseFailures.isTemporary(new SQLException("unique violation", "23505"))).isFalse();
    assertThat(DatabaseFailures.isTemporary(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseFailures.isLockConflict(new RuntimeException(new SQLException((String) null)))).isFalse();
  }
}
