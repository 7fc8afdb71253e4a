package org.disclosuredesk.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.casefile.NewCase;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test cases written straight into the case register (allocateNumber, insert, setDueOn, close), a
 * pinned "today" (the engine clock, which the agency clock follows) and a clean register per test.
 */
public final class RegisterFixture {

  /** A Wednesday in 2026, a year with an official calendar. */
  public static final LocalDate TODAY = LocalDate.of(2026, 6, 17);
  public static final String AGENCY = "default";

  /** The demo's second agency (市住房和城乡建设局) and its case-number prefix. */
  public static final String HOUSING = "housing";

  private final CaseRegister register;
  private final JdbcClient jdbc;
  private final String agency;
  private final String prefix;
  private final String department;

  public RegisterFixture(CaseRegister register, JdbcClient jdbc) {
    this(register, jdbc, AGENCY, "GK", "planning");
  }

  private RegisterFixture(CaseRegister register, JdbcClient jdbc, String agency, String prefix, String department) {
    this.register = register;
    this.jdbc = jdbc;
    this.agency = agency;
    this.prefix = prefix;
    this.department = department;
  }

  /**
   * The same fixture writing another agency's cases (numbers with its prefix, e.g. ZJ for housing), with
   * this department where none is given.
   */
  public RegisterFixture in(String agencyCode, String caseNumberPrefix, String defaultDepartment) {
    return new RegisterFixture(register, jdbc, agencyCode, caseNumberPrefix, defaultDepartment);
  }

  /** The demo agency housing's cases (ZJ-…, department housing-dept 住房保障科). */
  public RegisterFixture housing() {
    return in(HOUSING, "ZJ", "housing-dept");
  }

  public String agency() {
    return agency;
  }

  /** Moves "today" for the engine and the agency clock; undo with {@link #resetClock()}. */
  public static void pinToday(LocalDate today) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(today.atTime(10, 0), ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Empties the register and the supervision/report tables (tests share one Spring context), after
   * ending the route instances of the cases. The number sequence is kept: case numbers stay unique.
   */
  public void clean(RuntimeService runtime) {
    List<String> instances = jdbc.sql("select process_instance_id from dd_case where process_instance_id is not null")
        .query(String.class).list();
    instances.stream()
        .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtime.deleteProcessInstance(id, "test clean-up", true, true));
    for (String table : new String[] {"dd_report_lock", "dd_legal_challenge", "dd_case_event", "dd_clock_pause",
        "dd_confidentiality_review", "dd_case"}) {
      jdbc.sql("delete from " + table).update();
    }
  }

  public String received(ApplicantType type, Channel channel, LocalDate receivedOn, String department, String name) {
    String number = register.allocateNumber(agency, prefix, receivedOn.getYear());
    register.insert(new NewCase(agency, number, channel, receivedOn,
        new Applicant(type, name, IdType.OTHER, "X-" + number, "13800000000", null, "示例路1号", null),
        "请公开" + name + "申请的信息：<b>规划许可</b>", null, InfoFormat.ELECTRONIC, Delivery.EMAIL, department, null,
        "reception"));
    return number;
  }

  public String received(ApplicantType type, LocalDate receivedOn) {
    return received(type, Channel.ONLINE, receivedOn, department, "申请人");
  }

  public void inHandling(String number, LocalDate dueOn) {
    register.setStatus(agency, number, CaseStatus.IN_HANDLING);
    register.setDueOn(agency, number, dueOn);
  }

  public void close(String number, Outcome outcome, WithholdingGround ground, LocalDate closedOn) {
    if (ground != null) {
      register.recordReply(agency, number, outcome, ground, null, closedOn);
    }
    register.close(agency, number, outcome, closedOn);
  }

  public void close(String number, Outcome outcome, LocalDate closedOn) {
    close(number, outcome, null, closedOn);
  }

  /** Stands in for the route's task listener: links a (pretend) process instance and its current task. */
  public void currentTask(String number, String task, String assignee) {
    register.linkProcessInstance(agency, number, "pi-" + number);
    register.setCurrentTask("pi-" + number, task, assignee);
  }
}
