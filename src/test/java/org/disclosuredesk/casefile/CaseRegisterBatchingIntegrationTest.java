package org.disclosuredesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.SampleCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Register updates within one transaction are merged into one write, and nobody reads the difference. */
@DeskSpringTest
class CaseRegisterBatchingIntegrationTest {

  static final String A = SampleCases.AGENCY;

  @Autowired CaseRegister register;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  String caseNumber;

  @BeforeEach
  void sampleCase() {
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), null);
    register.linkProcessInstance(A, caseNumber, "pi-" + caseNumber);
  }

  @Test
  void laterUpdatesOfACaseInOneTransactionAreWrittenOnceYetEveryReadSeesThem() {
    transaction.executeWithoutResult(s -> {
      register.setStatus(A, caseNumber, CaseStatus.IN_HANDLING); // the first: written at once (row locked)
      assertThat(column("status")).isEqualTo("IN_HANDLING");

      register.setDepartment(A, caseNumber, "finance");
      register.setDueOn(A, caseNumber, LocalDate.of(2026, 12, 31));
      register.setDepartment(A, caseNumber, "office");
      // kept pending: a raw query does not see them yet …
      assertThat(column("department")).isEqualTo("planning");
      // … the register's own read does
      CaseRecord c = register.get(A, caseNumber);
      assertThat(c.department()).isEqualTo("office");
      assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));

      register.setExtensionDays(A, caseNumber, 20);
    });

    // and the commit wrote the rest
    CaseRecord c = register.get(A, caseNumber);
    assertThat(c.status()).isEqualTo(CaseStatus.IN_HANDLING);
    assertThat(c.department()).isEqualTo("office");
    assertThat(c.extensionDays()).isEqualTo(20);
  }

  @Test
  void theCurrentTaskIsWrittenOncePerTransactionWithTheLastValue() {
    transaction.executeWithoutResult(s -> {
      register.setCurrentTask("pi-" + caseNumber, "审查申请是否完整", null);
      register.setCurrentTask("pi-" + caseNumber, null, null);
      register.setCurrentTask("pi-" + caseNumber, "办理申请并拟定答复", null);
      assertThat(column("current_task")).isNull();
    });

    assertThat(register.get(A, caseNumber).currentTask()).isEqualTo("办理申请并拟定答复");
  }

  @Test
  void aCaseReadTwiceInOneTransactionIsReadOnceAndEveryWriteIsSeenByTheNextRead() {
    transaction.executeWithoutResult(s -> {
      CaseRecord first = register.get(A, caseNumber);
      // changed behind the register's back (nothing of ours does this): the second read is the first one's row
      jdbc.update("update dd_case set reply_note = 'raw' where agency_code = ? and case_number = ?", A, caseNumber);
      assertThat(register.get(A, caseNumber)).isSameAs(first);

      register.setDepartment(A, caseNumber, "finance");
      assertThat(register.get(A, caseNumber).department()).isEqualTo("finance");
      assertThat(register.get(A, caseNumber).replyNote()).as("read again after a write").isEqualTo("raw");
      register.setDepartment(A, caseNumber, "office"); // merged, pending
      assertThat(register.get(A, caseNumber).department()).isEqualTo("office");
      register.setCurrentTask("pi-" + caseNumber, "办理申请并拟定答复", "officer-planning");
      assertThat(register.get(A, caseNumber).currentTask()).isEqualTo("办理申请并拟定答复");
      assertThat(register.get(A, caseNumber).currentAssignee()).isEqualTo("officer-planning");
    });
    // outside a transaction every read is a read
    jdbc.update("update dd_case set department = 'planning' where agency_code = ? and case_number = ?", A, caseNumber);
    assertThat(register.get(A, caseNumber).department()).isEqualTo("planning");
  }

  @Test
  void aRollbackWritesNothingPending() {
    transaction.executeWithoutResult(s -> {
      register.setStatus(A, caseNumber, CaseStatus.IN_HANDLING);
      register.setDepartment(A, caseNumber, "finance");
      s.setRollbackOnly();
    });

    assertThat(register.get(A, caseNumber).department()).isEqualTo("planning");
    assertThat(register.get(A, caseNumber).status()).isEqualTo(CaseStatus.REGISTERED);
  }

  @Test
  void anUnknownCaseIsStillRefusedAtOnce() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> register.setStatus(A, "GK-1999-99999", CaseStatus.CLOSED)))
        .isInstanceOf(CaseNotFoundException.class);
  }

  private String column(String name) {
    return jdbc.queryForObject("select " + name + " from dd_case where agency_code = ? and case_number = ?", String.class,
        A, caseNumber);
  }
}
