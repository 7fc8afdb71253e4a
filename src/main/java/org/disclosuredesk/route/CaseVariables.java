package org.disclosuredesk.route;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The route's process variables: keys, dates and routing flags only (business data lives in the
 * case register). One name per constant; typed getters read them from any variable scope.
 */
public final class CaseVariables {

  public static final String PROCESS_KEY = "disclosureRequest";

  /** A display copy of the business key (Tasklist lists it); never read to identify the case. */
  public static final String CASE_NUMBER = "caseNumber";
  public static final String AGENCY = "agencyCode";
  public static final String DEPARTMENT = "department";
  public static final String PROPOSED_DEPARTMENT = "proposedDepartment";
  /** Completeness check: COMPLETE, NEEDS_SUPPLEMENT, LATE_SUPPLEMENT (after the 7 working days: a supervisor decides), NOT_OGI, STILL_UNCLEAR. */
  public static final String COMPLETENESS = "completeness";
  /** Handling: PROPOSE_REPLY, REASSIGN, CONSULT, REQUEST_EXTENSION. */
  public static final String HANDLING_ACTION = "handlingAction";
  public static final String OUTCOME = "outcome";
  public static final String WITHHOLDING_GROUND = "withholdingGround";
  /** Confidentiality review: APPROVE, REDACT, REFUSE, RETURN. */
  public static final String REVIEW_RESULT = "reviewResult";
  public static final String SUPPLEMENT_COUNT = "supplementCount";

  private CaseVariables() {}

  /**
   * The case of a route execution: the process instance's business key, which nobody can change.
   * Never a variable — variables are writable, and a case found by one could be another's.
   */
  public static String caseNumber(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  /** The case of a route task: its process instance's business key (see {@link #caseNumber(DelegateExecution)}). */
  public static String caseNumber(DelegateTask task) {
    return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
  }

  public static String agency(VariableScope scope) {
    return string(scope, AGENCY);
  }

  /** A variable as a trimmed string, or null when absent or blank. */
  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  public static int integer(VariableScope scope, String name, int fallback) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return n.intValue();
    }
    String s = string(scope, name);
    if (s == null) {
      return fallback;
    }
    try {
      return (int) Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public static boolean bool(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(v));
  }

  /**
   * A date variable: a form-js date string ({@code 2026-11-20}, possibly with a time part) or a
   * {@link java.util.Date}; empty when absent; {@link java.time.format.DateTimeParseException} when malformed.
   */
  public static Optional<java.time.LocalDate> date(VariableScope scope, String name, java.time.ZoneId zone) {
    Object v = scope.getVariable(name);
    if (v instanceof java.util.Date d) {
      return Optional.of(d.toInstant().atZone(zone).toLocalDate());
    }
    String s = string(scope, name);
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(java.time.LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
  }

  /** An enum-valued variable; empty when absent, unknown values are empty too (validators report them). */
  public static <E extends Enum<E>> Optional<E> enumValue(VariableScope scope, String name, Class<E> type) {
    String s = string(scope, name);
    if (s == null) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(s)).findFirst();
  }
}
