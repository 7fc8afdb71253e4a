package org.disclosuredesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers reserved ahead of a registration's transaction (issue 11): the counter is locked only while
 * reserving, and still no number is lost or given twice. Each test uses a year of its own.
 */
@DeskSpringTest
class CaseNumberReservationIntegrationTest {

  static final String A = "default";

  @Autowired CaseRegister register;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReservedNumberIsTheOneItsRegistrationTakesAndItsReservationGoesWithTheCommit() {
    RouteTestSupport.at("2031-03-03T09:00");
    CaseRegister.Reservation first = register.reserveNumber(A, 2031);
    CaseRegister.Reservation second = register.reserveNumber(A, 2031);
    assertThat(List.of(first.number(), second.number())).containsExactly(1, 2);
    assertThat(reserved(2031)).containsExactly(1, 2);

    String taken = take(2031, second);

    assertThat(taken).isEqualTo("GK-2031-00002");
    assertThat(reserved(2031)).containsExactly(1);
  }

  @Test
  void aNumberLeftByARegistrationThatRolledBackIsReusedOnceAbandonedSoTheYearKeepsNoGap() {
    RouteTestSupport.at("2032-03-03T09:00:00");
    CaseRegister.Reservation n = register.reserveNumber(A, 2032);
    transaction.executeWithoutResult(s -> {
      assertThat(register.allocateNumber(A, "GK", 2032, n)).isEqualTo("GK-2032-00001");
      s.setRollbackOnly(); // e.g. the route failed to start: nothing of the case is kept …
    });
    assertThat(reserved(2032)).as("… and its number is back among the reservations").containsExactly(1);

    // while the reservation may still be a live registration's, the next one gets a new number
    RouteTestSupport.at("2032-03-03T09:00:05");
    CaseRegister.Reservation two = register.reserveNumber(A, 2032);
    assertThat(two.number()).isEqualTo(2);
    // after ABANDONED_AFTER (10 s) it is handed out again
    RouteTestSupport.at("2032-03-03T09:00:11");
    CaseRegister.Reservation reused = register.reserveNumber(A, 2032);
    assertThat(reused.number()).isEqualTo(1);
    assertThat(take(2032, reused)).isEqualTo("GK-2032-00001");
    assertThat(take(2032, two)).isEqualTo("GK-2032-00002");
    assertThat(reserved(2032)).isEmpty();
    assertThat(counter(2032)).isEqualTo(2);
  }

  @Test
  void aReservationSomebodyElseTookFallsBackToTheCounterNeverToTheSameNumber() {
    RouteTestSupport.at("2033-03-03T09:00");
    CaseRegister.Reservation n = register.reserveNumber(A, 2033);
    List<String> numbers = new ArrayList<>();
    numbers.add(take(2033, n));
    // the same reservation again (a registration that took too long and lost it): the counter's next
    numbers.add(take(2033, n));
    // and the plain path (a registration inside another transaction, e.g. a referral)
    numbers.add(transaction.execute(s -> register.allocateNumber(A, "GK", 2033)));

    assertThat(numbers).containsExactly("GK-2033-00001", "GK-2033-00002", "GK-2033-00003");
    assertThat(counter(2033)).isEqualTo(3);
    assertThat(reserved(2033)).isEmpty();
  }

  private String take(int year, CaseRegister.Reservation reserved) {
    return transaction.execute(s -> register.allocateNumber(A, "GK", year, reserved));
  }

  @Test
  void aReleasedReservationIsTheNextNumberAtOnceAlsoForARegistrationWithoutOne() {
    RouteTestSupport.at("2034-03-03T09:00");
    CaseRegister.Reservation unused = register.reserveNumber(A, 2034); // e.g. the key named an earlier case
    CaseRegister.Reservation used = register.reserveNumber(A, 2034);
    assertThat(take(2034, used)).isEqualTo("GK-2034-00002");
    register.releaseIfUnused(A, unused);
    register.releaseIfUnused(A, used); // taken: nothing to release

    // the Tasklist start form, /apply/ and referrals take their number inside their transaction: the left one first
    assertThat(take(2034, null)).isEqualTo("GK-2034-00001");
    assertThat(take(2034, null)).isEqualTo("GK-2034-00003");
    assertThat(reserved(2034)).isEmpty();
    assertThat(counter(2034)).isEqualTo(3);
  }

  @Test
  void aReservationOfAnotherYearIsNotUsedAndStaysForItsYear() {
    RouteTestSupport.at("2035-12-31T23:59:59");
    CaseRegister.Reservation lastYear = register.reserveNumber(A, 2035);
    // midnight passed between the reservation and the registration's transaction: the receipt year is 2036
    assertThat(take(2036, lastYear)).isEqualTo("GK-2036-00001");
    assertThat(reserved(2035)).containsExactly(lastYear.number());
    assertThat(reserved(2036)).isEmpty();
  }

  @Test
  void aNumberIsNotReservedInsideATransaction() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> transaction.executeWithoutResult(s -> register.reserveNumber(A, 2037)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(reserved(2037)).isEmpty();
  }

  private List<Integer> reserved(int year) {
    return jdbc.queryForList("select case_number from dd_case_number_reserved where agency_code = ? and case_year = ?"
        + " order by case_number", Integer.class, A, year);
  }

  private int counter(int year) {
    return jdbc.queryForObject("select last_value from dd_case_sequence where agency_code = ? and case_year = ?",
        Integer.class, A, year);
  }
}
