package org.disclosuredesk.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case register. Every write joins the caller's transaction, which inside the route is the
 * engine's own: a case row and the engine state commit or roll back together. The exceptions are a case number
 * reserved ahead of a registration and its release ({@link #reserveNumber}, {@link #releaseIfUnused}), each a
 * short transaction of its own.
 *
 * <p>Updates of a case row are coalesced per transaction: the first update of a case in a
 * transaction runs at once (it checks that the case exists and takes the row lock), later ones are
 * merged into one pending UPDATE, and the current task (set on every task event) is kept pending too.
 * Pending changes are written before any read of the register in the same transaction and before
 * commit ({@link PendingCaseUpdates}), so readers never see the difference.
 */
@Service
public class CaseRegister {

  private static final String COLUMNS =
      "agency_code, case_number, process_instance_id, channel, received_on, clock_start_on, regime,"
          + " extension_days, supplement_requested_on, supplement_due_on, due_on, applicant_type, applicant_name, applicant_id_type, applicant_id_number,"
          + " applicant_phone, applicant_email, applicant_address, contact_person, description, purpose,"
          + " info_format, delivery, department, status, outcome, withholding_ground, reply_note, replied_on, closed_on,"
          + " current_task, current_assignee, late_supplement_reason";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate firstOfYear;
  private final TransactionTemplate ownTransaction;

  public CaseRegister(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.firstOfYear = new TransactionTemplate(transactions);
    this.firstOfYear.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.ownTransaction = new TransactionTemplate(transactions);
  }

  /**
   * The next case number of the agency and year, e.g. GK-2026-00042, taken in the caller's transaction:
   * the counter row stays locked until that transaction ends, so two nodes of a cluster never hand out the
   * same number, and a number is used only if its case commits. Registrations that are not inside a
   * transaction yet reserve their number first ({@link #reserveNumber}) and lock the counter only for that.
   */
  @Transactional
  public String allocateNumber(String agencyCode, String prefix, int year) {
    return allocateNumber(agencyCode, prefix, year, null);
  }

  /** A number of the agency's year reserved ahead of its registration ({@link #reserveNumber}). */
  public record Reservation(int year, int number) {}

  /**
   * As {@link #allocateNumber(String, String, int)}, but uses the number {@code reserved} (from {@link
   * #reserveNumber}) if it is of this year and this transaction can still take it: its reservation row is locked and
   * deleted here, so it comes back if this transaction rolls back. Otherwise (none, another year, or another
   * registration took it meanwhile because it looked abandoned) a number left by a registration that did not commit,
   * else the counter's next.
   */
  @Transactional
  public String allocateNumber(String agencyCode, String prefix, int year, Reservation reserved) {
    if (reserved != null && reserved.year() == year && takeReserved(agencyCode, year, reserved.number())) {
      return caseNumber(prefix, year, reserved.number());
    }
    Optional<Integer> abandoned = lockAbandoned(agencyCode, year);
    if (abandoned.isPresent()) {
      deleteReservation(agencyCode, year, abandoned.get());
      return caseNumber(prefix, year, abandoned.get());
    }
    return caseNumber(prefix, year, lockedIncrement(agencyCode, year));
  }

  /**
   * Reserves a number of the agency and year in a transaction of its own, which must not be inside another (the
   * counter would stay locked until that one ends): a number left by a registration that did not commit, reserved
   * more than {@link #ABANDONED_AFTER} ago or released ({@link #releaseIfUnused}), or else the counter's next. The
   * caller's registration then takes it with {@link #allocateNumber(String, String, int, Reservation)}.
   */
  public Reservation reserveNumber(String agencyCode, int year) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a number is reserved ahead of a registration's transaction, not inside one");
    }
    Integer n = ownTransaction.execute(s -> {
      Timestamp now = now();
      Optional<Integer> abandoned = lockAbandoned(agencyCode, year);
      if (abandoned.isPresent()) {
        jdbc.sql("update dd_case_number_reserved set reserved_at = ? where agency_code = ? and case_year = ?"
            + " and case_number = ?").params(now, agencyCode, year, abandoned.get()).update();
        return abandoned.get();
      }
      int value = lockedIncrement(agencyCode, year);
      jdbc.sql("insert into dd_case_number_reserved (agency_code, case_year, case_number, reserved_at)"
          + " values (?, ?, ?, ?)").params(agencyCode, year, value, now).update();
      return value;
    });
    return new Reservation(year, n);
  }

  /**
   * After the registration's transaction: a reservation it did not take (the case registered under an idempotency
   * key earlier, a refusal, a rollback) is handed to the next registration at once instead of after {@link
   * #ABANDONED_AFTER}. Nothing when it was taken (its row is gone).
   */
  public void releaseIfUnused(String agencyCode, Reservation reserved) {
    ownTransaction.executeWithoutResult(s -> jdbc.sql("update dd_case_number_reserved set reserved_at = ?"
            + " where agency_code = ? and case_year = ? and case_number = ?")
        .params(Timestamp.valueOf(LocalDateTime.of(2000, 1, 1, 0, 0)), agencyCode, reserved.year(), reserved.number())
        .update());
  }

  /** A reservation older than this is taken as abandoned (its registration took its number within milliseconds). */
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofSeconds(10);

  /** The lowest released or abandoned reservation of the year, locked by this transaction (others skip it). */
  private Optional<Integer> lockAbandoned(String agencyCode, int year) {
    return jdbc.sql("select case_number from dd_case_number_reserved where agency_code = ? and case_year = ?"
            + " and reserved_at < ? order by case_number limit 1 for update skip locked")
        .params(agencyCode, year, Timestamp.valueOf(LocalDateTime.now(clock).minus(ABANDONED_AFTER)))
        .query(Integer.class).optional();
  }

  private boolean takeReserved(String agencyCode, int year, int number) {
    boolean mine = jdbc.sql("select case_number from dd_case_number_reserved where agency_code = ? and case_year = ?"
            + " and case_number = ? for update skip locked")
        .params(agencyCode, year, number).query(Integer.class).optional().isPresent();
    if (mine) {
      deleteReservation(agencyCode, year, number);
    }
    return mine;
  }

  private void deleteReservation(String agencyCode, int year, int number) {
    jdbc.sql("delete from dd_case_number_reserved where agency_code = ? and case_year = ? and case_number = ?")
        .params(agencyCode, year, number).update();
  }

  /** The case number as printed: GK-2026-00042. */
  public static String caseNumber(String prefix, int year, int value) {
    return "%s-%d-%05d".formatted(prefix, year, value);
  }

  /** Adds one to the year's counter, creating it for the year's first case, and returns it; the row stays locked. */
  private int lockedIncrement(String agencyCode, int year) {
    if (increment(agencyCode, year) == 0) {
      // the year's first case: create its counter; a concurrent first case may win the insert (savepoint)
      try {
        firstOfYear.executeWithoutResult(s -> jdbc.sql(
                "insert into dd_case_sequence (agency_code, case_year, last_value) values (?, ?, 0)")
            .params(agencyCode, year).update());
      } catch (DuplicateKeyException createdConcurrently) {
        // the other transaction created it; its row lock makes us wait our turn below
      }
      increment(agencyCode, year);
    }
    return jdbc.sql("select last_value from dd_case_sequence where agency_code = ? and case_year = ?")
        .params(agencyCode, year).query(Integer.class).single();
  }

  private int increment(String agencyCode, int year) {
    return jdbc.sql("update dd_case_sequence set last_value = last_value + 1 where agency_code = ? and case_year = ?")
        .params(agencyCode, year).update();
  }

  @Transactional
  public void insert(NewCase c) {
    Applicant a = c.applicant();
    Timestamp now = now();
    jdbc.sql("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime,"
            + " applicant_type, applicant_name, applicant_id_type, applicant_id_number, applicant_phone, applicant_email,"
            + " applicant_address, contact_person, description, purpose, info_format, delivery, department, status,"
            + " idempotency_key, registered_by, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.agencyCode(), c.caseNumber(), c.channel().name(), c.receivedOn(), c.receivedOn(),
            Regime.forReceiptDate(c.receivedOn()).name(), a.type().name(), a.name(), name(a.idType()), a.idNumber(),
            a.phone(), a.email(), a.address(), a.contactPerson(), c.description(), c.purpose(), name(c.format()),
            name(c.delivery()), c.department(), CaseStatus.REGISTERED.name(), c.idempotencyKey(), c.registeredBy(),
            now, now)
        .update();
    PendingCaseUpdates pending = PendingCaseUpdates.current(this);
    if (pending != null) {
      pending.touched(c.agencyCode(), c.caseNumber());
    }
  }

  /**
   * The case; inside a transaction the row as first read there, until the register writes that case (so a
   * {@code select … for update} taken later in the transaction does not refresh it: read after locking, not before).
   */
  public Optional<CaseRecord> find(String agencyCode, String caseNumber) {
    flushPending();
    PendingCaseUpdates pending = PendingCaseUpdates.current(this);
    CaseRecord known = pending == null ? null : pending.read(agencyCode, caseNumber);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<CaseRecord> found = jdbc.sql("select " + COLUMNS + " from dd_case where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(CaseRegister::map).optional();
    if (pending != null) {
      found.ifPresent(pending::rememberRead);
    }
    return found;
  }

  public CaseRecord get(String agencyCode, String caseNumber) {
    return find(agencyCode, caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /** The account that registered the case (reception's user, the portal's service account …). */
  public Optional<String> registeredBy(String agencyCode, String caseNumber) {
    flushPending();
    return jdbc.sql("select registered_by from dd_case where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(String.class).optional();
  }

  /** The fingerprint of the application first registered under this idempotency key. */
  public Optional<String> idempotencyFingerprint(String agencyCode, String caseNumber) {
    flushPending();
    return jdbc.sql("select idempotency_fingerprint from dd_case where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(String.class).optional();
  }

  @Transactional
  public void setIdempotencyFingerprint(String agencyCode, String caseNumber, String fingerprint) {
    update(agencyCode, caseNumber, "idempotency_fingerprint = ?", fingerprint);
  }

  public Optional<String> findByIdempotencyKey(String agencyCode, String key) {
    flushPending();
    return jdbc.sql("select case_number from dd_case where agency_code = ? and idempotency_key = ?")
        .params(agencyCode, key).query(String.class).optional();
  }

  /** Open cases of the agency, oldest due date first (supervision, calendar changes). */
  public List<CaseRecord> openCases(String agencyCode) {
    flushPending();
    return jdbc.sql("select " + COLUMNS + " from dd_case where agency_code = ? and status <> 'CLOSED'"
            + " order by due_on, case_number")
        .param(agencyCode).query(CaseRegister::map).list();
  }

  @Transactional
  public void linkProcessInstance(String agencyCode, String caseNumber, String processInstanceId) {
    update(agencyCode, caseNumber, "process_instance_id = ?", processInstanceId);
  }

  @Transactional
  public void setStatus(String agencyCode, String caseNumber, CaseStatus status) {
    update(agencyCode, caseNumber, "status = ?", status.name());
  }

  @Transactional
  public void setDepartment(String agencyCode, String caseNumber, String department) {
    update(agencyCode, caseNumber, "department = ?", department);
  }

  /** The reply period counts afresh from this day (a supplement arrived, Art. 30). */
  @Transactional
  public void restartClock(String agencyCode, String caseNumber, LocalDate clockStartOn) {
    update(agencyCode, caseNumber, "clock_start_on = ?", clockStartOn);
  }

  /** A supplement notice went out; the case waits for the applicant until {@code dueOn}. */
  @Transactional
  public void requestSupplement(String agencyCode, String caseNumber, LocalDate requestedOn, LocalDate dueOn) {
    update(agencyCode, caseNumber, "supplement_requested_on = ?, supplement_due_on = ?, status = ?",
        requestedOn, dueOn, CaseStatus.AWAITING_SUPPLEMENT.name());
  }

  /** A supervisor allowed a supplement notice after the 7 working days of Art. 30, for this reason. */
  @Transactional
  public void recordLateSupplementNotice(String agencyCode, String caseNumber, String reason) {
    update(agencyCode, caseNumber, "late_supplement_reason = ?", truncate(reason, 2000));
  }

  /** Cases received since {@code from} whose supplement notice went out late with a supervisor's reason (supervision). */
  public int countLateSupplementNotices(String agencyCode, LocalDate from) {
    return jdbc.sql("select count(*) from dd_case where agency_code = ? and late_supplement_reason is not null"
            + " and received_on >= ?")
        .params(agencyCode, from).query(Integer.class).single();
  }

  /** The open user task of the case and who holds it (null when none); kept for the supervision lists. */
  @Transactional
  public void setCurrentTask(String processInstanceId, String taskName, String assignee) {
    PendingCaseUpdates pending = PendingCaseUpdates.current(this);
    if (pending != null) {
      pending.currentTask(processInstanceId, taskName, assignee, taskName == null ? null : now());
      return;
    }
    writeCurrentTask(processInstanceId, taskName, assignee, taskName == null ? null : now());
  }

  void writeCurrentTask(String processInstanceId, String taskName, String assignee, Timestamp since) {
    jdbc.sql("update dd_case set current_task = ?, current_assignee = ?, current_task_since = ? where process_instance_id = ?")
        .params(taskName, assignee, since, processInstanceId).update();
  }

  /** Writes the changes kept pending in this transaction (see the class comment); reads call it first. */
  public void flushPending() {
    PendingCaseUpdates pending = PendingCaseUpdates.existing(this);
    if (pending != null) {
      pending.flush();
    }
  }

  @Transactional
  public void setExtensionDays(String agencyCode, String caseNumber, int extensionDays) {
    update(agencyCode, caseNumber, "extension_days = ?", extensionDays);
  }

  @Transactional
  public void setDueOn(String agencyCode, String caseNumber, LocalDate dueOn) {
    update(agencyCode, caseNumber, "due_on = ?", dueOn);
  }

  @Transactional
  public void recordReply(String agencyCode, String caseNumber, Outcome outcome, WithholdingGround ground,
      String note, LocalDate repliedOn) {
    update(agencyCode, caseNumber, "outcome = ?, withholding_ground = ?, reply_note = ?, replied_on = ?, status = ?",
        outcome.name(), name(ground), note, repliedOn, CaseStatus.REPLIED.name());
  }

  /** Concludes the case: it counts in the annual report of the closing year under its outcome. */
  @Transactional
  public void close(String agencyCode, String caseNumber, Outcome outcome, LocalDate closedOn) {
    update(agencyCode, caseNumber, "outcome = ?, closed_on = ?, status = ?",
        outcome.name(), closedOn, CaseStatus.CLOSED.name());
  }

  // --- timeline -----------------------------------------------------------------------------

  /** Adds to the case's timeline; a null actor means whoever is acting now ({@link Actors#current()}). */
  @Transactional
  public void record(String agencyCode, String caseNumber, String kind, String actor, String detail) {
    requireRouteCase(caseNumber);
    jdbc.sql("insert into dd_case_event (agency_code, case_number, occurred_at, kind, actor, detail) values (?, ?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, now(), kind, actor != null ? actor : Actors.current(), truncate(detail, 4000))
        .update();
  }

  /** Whether the timeline already has an entry of this kind whose detail starts so (a note made once per case). */
  public boolean hasRecorded(String agencyCode, String caseNumber, String kind, String detailPrefix) {
    return jdbc.sql("select count(*) from dd_case_event where agency_code = ? and case_number = ? and kind = ?"
            + " and detail like ?")
        .params(agencyCode, caseNumber, kind, detailPrefix.replace("%", "").replace("_", "") + "%")
        .query(Long.class).single() > 0;
  }

  public List<TimelineEntry> timeline(String agencyCode, String caseNumber) {
    return jdbc.sql("select occurred_at, kind, actor, detail from dd_case_event where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber)
        .query((rs, i) -> new TimelineEntry(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  // --- pause ledger -------------------------------------------------------------------------

  @Transactional
  public void openPause(String agencyCode, String caseNumber, PauseReason reason, LocalDate startedOn, String note) {
    jdbc.sql("insert into dd_clock_pause (agency_code, case_number, reason, started_on, note) values (?, ?, ?, ?, ?)")
        .params(agencyCode, caseNumber, reason.name(), startedOn, truncate(note, 1000)).update();
  }

  /** Ends the running pause, if any; returns whether one was running. */
  @Transactional
  public boolean closePause(String agencyCode, String caseNumber, LocalDate endedOn) {
    return jdbc.sql("update dd_clock_pause set ended_on = ? where agency_code = ? and case_number = ? and ended_on is null")
        .params(endedOn, agencyCode, caseNumber).update() > 0;
  }

  public List<ClockPause> pauses(String agencyCode, String caseNumber) {
    return jdbc.sql("select id, reason, started_on, ended_on, note from dd_clock_pause where agency_code = ? and case_number = ? order by id")
        .params(agencyCode, caseNumber)
        .query((rs, i) -> new ClockPause(rs.getLong(1), PauseReason.valueOf(rs.getString(2)),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))
        .list();
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * Inside a route step, the register is written only for the case of that route: the process
   * instance's business key. A write for another case number (a variable pointing elsewhere) is refused.
   */
  private static void requireRouteCase(String caseNumber) {
    if (org.camunda.bpm.engine.impl.context.Context.getCoreExecutionContext()
        instanceof org.camunda.bpm.engine.impl.context.BpmnExecutionContext step && step.getExecution() != null) {
      String businessKey = step.getExecution().getProcessBusinessKey();
      if (businessKey != null && !businessKey.equals(caseNumber)) {
        throw new IllegalStateException("route of case " + businessKey + " may not write case " + caseNumber);
      }
    }
  }

  private void update(String agencyCode, String caseNumber, String assignments, Object... values) {
    requireRouteCase(caseNumber);
    PendingCaseUpdates pending = PendingCaseUpdates.current(this);
    if (pending != null && pending.merge(agencyCode, caseNumber, assignments, values)) {
      return;
    }
    writeUpdate(agencyCode, caseNumber, assignments, values);
    if (pending != null) {
      pending.touched(agencyCode, caseNumber);
    }
  }

  void writeUpdate(String agencyCode, String caseNumber, String assignments, Object... values) {
    Object[] params = new Object[values.length + 3];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = now();
    params[values.length + 1] = agencyCode;
    params[values.length + 2] = caseNumber;
    int n = jdbc.sql("update dd_case set " + assignments + ", updated_at = ? where agency_code = ? and case_number = ?")
        .params(params).update();
    if (n == 0) {
      throw new CaseNotFoundException(caseNumber);
    }
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock));
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  static CaseRecord map(ResultSet rs, int row) throws SQLException {
    Applicant applicant = new Applicant(ApplicantType.valueOf(rs.getString("applicant_type")),
        rs.getString("applicant_name"), enumOrNull(IdType.class, rs.getString("applicant_id_type")),
        rs.getString("applicant_id_number"), rs.getString("applicant_phone"), rs.getString("applicant_email"),
        rs.getString("applicant_address"), rs.getString("contact_person"));
    return new CaseRecord(rs.getString("agency_code"), rs.getString("case_number"), rs.getString("process_instance_id"),
        Channel.valueOf(rs.getString("channel")), rs.getObject("received_on", LocalDate.class),
        rs.getObject("clock_start_on", LocalDate.class), Regime.valueOf(rs.getString("regime")),
        rs.getInt("extension_days"), rs.getObject("supplement_requested_on", LocalDate.class),
        rs.getObject("supplement_due_on", LocalDate.class), rs.getObject("due_on", LocalDate.class), applicant, rs.getString("description"),
        rs.getString("purpose"), enumOrNull(InfoFormat.class, rs.getString("info_format")),
        enumOrNull(Delivery.class, rs.getString("delivery")), rs.getString("department"),
        CaseStatus.valueOf(rs.getString("status")), enumOrNull(Outcome.class, rs.getString("outcome")),
        enumOrNull(WithholdingGround.class, rs.getString("withholding_ground")), rs.getString("reply_note"),
        rs.getObject("replied_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
        rs.getString("current_task"), rs.getString("current_assignee"), rs.getString("late_supplement_reason"));
  }
}
