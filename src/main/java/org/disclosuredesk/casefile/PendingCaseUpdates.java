package org.disclosuredesk.casefile;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The register's changes kept for one transaction (a transaction synchronization, so a suspended
 * transaction's changes stay with it). A case row updated once in the transaction (or inserted) is
 * known to exist and is locked by it; its later updates are merged column by column into one UPDATE.
 * Current-task changes are kept per process instance, the last one wins. {@link #flush} writes
 * everything; the register calls it before each read, and the transaction before commit. A case row
 * read is kept until the transaction writes that case (a route step reads its case several times:
 * the step, the deadlines, the task lists' current task).
 */
final class PendingCaseUpdates implements TransactionSynchronization {

  private record CaseKey(String agencyCode, String caseNumber) {}

  private record CurrentTask(String taskName, String assignee, Timestamp since) {}

  private final CaseRegister register;
  private final Map<CaseKey, Boolean> touched = new LinkedHashMap<>();
  private final Map<CaseKey, LinkedHashMap<String, Object>> updates = new LinkedHashMap<>();
  private final Map<String, CurrentTask> currentTasks = new LinkedHashMap<>();
  /** Case rows read in this transaction and not written since (a route step reads its case many times). */
  private final Map<CaseKey, CaseRecord> read = new java.util.HashMap<>();

  private PendingCaseUpdates(CaseRegister register) {
    this.register = register;
  }

  /** This transaction's pending changes of {@code register}, created on first use; null outside a transaction. */
  static PendingCaseUpdates current(CaseRegister register) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      return null;
    }
    PendingCaseUpdates found = existing(register);
    if (found == null) {
      found = new PendingCaseUpdates(register);
      TransactionSynchronizationManager.registerSynchronization(found);
    }
    return found;
  }

  static PendingCaseUpdates existing(CaseRegister register) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof PendingCaseUpdates p && p.register == register) {
        return p;
      }
    }
    return null;
  }

  void touched(String agencyCode, String caseNumber) {
    touched.put(new CaseKey(agencyCode, caseNumber), Boolean.TRUE);
    read.remove(new CaseKey(agencyCode, caseNumber));
  }

  /** The case as read earlier in this transaction, if it has not been written since; null otherwise. */
  CaseRecord read(String agencyCode, String caseNumber) {
    return read.get(new CaseKey(agencyCode, caseNumber));
  }

  void rememberRead(CaseRecord c) {
    read.put(new CaseKey(c.agencyCode(), c.caseNumber()), c);
  }

  /**
   * Keeps the update for later when the case is already known in this transaction; returns false
   * when the caller must write it now. {@code assignments} is "column = ?, column = ?".
   */
  boolean merge(String agencyCode, String caseNumber, String assignments, Object[] values) {
    CaseKey key = new CaseKey(agencyCode, caseNumber);
    if (!touched.containsKey(key)) {
      return false; // written at once by the caller, then touched(): the row read is dropped there
    }
    read.remove(key); // what was read of the case is no longer what it holds
    String[] parts = assignments.split(",");
    if (parts.length != values.length) {
      return false;
    }
    LinkedHashMap<String, Object> columns = updates.computeIfAbsent(key, k -> new LinkedHashMap<>());
    for (int i = 0; i < parts.length; i++) {
      String column = parts[i].replace("= ?", "").strip();
      columns.remove(column); // keep the order of the last assignment
      columns.put(column, values[i]);
    }
    return true;
  }

  void currentTask(String processInstanceId, String taskName, String assignee, Timestamp since) {
    read.values().removeIf(c -> processInstanceId.equals(c.processInstanceId()));
    currentTasks.remove(processInstanceId);
    currentTasks.put(processInstanceId, new CurrentTask(taskName, assignee, since));
  }

  @Override
  public void flush() {
    if (!updates.isEmpty()) {
      List<Map.Entry<CaseKey, LinkedHashMap<String, Object>>> todo = new ArrayList<>(updates.entrySet());
      updates.clear();
      for (Map.Entry<CaseKey, LinkedHashMap<String, Object>> u : todo) {
        String assignments = String.join(", ", u.getValue().keySet().stream().map(c -> c + " = ?").toList());
        register.writeUpdate(u.getKey().agencyCode(), u.getKey().caseNumber(), assignments,
            u.getValue().values().toArray());
      }
    }
    if (!currentTasks.isEmpty()) {
      List<Map.Entry<String, CurrentTask>> todo = new ArrayList<>(currentTasks.entrySet());
      currentTasks.clear();
      for (Map.Entry<String, CurrentTask> t : todo) {
        register.writeCurrentTask(t.getKey(), t.getValue().taskName(), t.getValue().assignee(), t.getValue().since());
      }
    }
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    flush();
  }

  @Override
  public int getOrder() {
    // before the engine's own synchronizations and any other of ours
    return 0;
  }
}
