package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.PauseReason;
import org.disclosuredesk.casefile.Regime;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.SampleCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clock follows the case's regime: 2007 Art. 24 para 3 excluded only the time for consulting a
 * third party; 2019 Art. 33 para 3 also excludes consulting other agencies (and the fee period is not
 * counted under the 2020 measures). 2019 has no calendar data shipped: weekends only, counted by hand.
 */
@DeskSpringTest
class CaseClockRegimeIntegrationTest {

  @Autowired CaseRegister register;
  @Autowired CaseClock clock;

  @Test
  void a2007CaseExcludesThirdPartyConsultationOnly() {
    // Given an application of Monday 2019-03-04 (2007 text: 15 working days → Monday 03-25)
    String agencyPaused = SampleCases.create(register, LocalDate.of(2019, 3, 4), null);
    assertThat(register.get(SampleCases.AGENCY, agencyPaused).regime()).isEqualTo(Regime.R2007);
    assertThat(clock.refresh(SampleCases.AGENCY, agencyPaused, "test")).isEqualTo(LocalDate.of(2019, 3, 25));

    // When another agency was consulted 03-05…03-12, the time still counts
    pause(agencyPaused, PauseReason.AGENCY_CONSULTATION);
    assertThat(clock.refresh(SampleCases.AGENCY, agencyPaused, "test")).isEqualTo(LocalDate.of(2019, 3, 25));

    // and so does a fee period
    String feePaused = SampleCases.create(register, LocalDate.of(2019, 3, 4), null);
    pause(feePaused, PauseReason.FEE_PAYMENT);
    assertThat(clock.refresh(SampleCases.AGENCY, feePaused, "test")).isEqualTo(LocalDate.of(2019, 3, 25));

    // but third-party consultation 03-05…03-12 (5 working days: 6, 7, 8, 11, 12) does not count: 04-01
    String thirdPartyPaused = SampleCases.create(register, LocalDate.of(2019, 3, 4), null);
    pause(thirdPartyPaused, PauseReason.THIRD_PARTY_CONSULTATION);
    assertThat(clock.refresh(SampleCases.AGENCY, thirdPartyPaused, "test")).isEqualTo(LocalDate.of(2019, 4, 1));
  }

  @Test
  void a2019CaseExcludesAgencyConsultationToo() {
    // Monday 2019-06-03: 20 working days → Monday 07-01; consulting an agency 06-04…06-10 (4 days) → 07-05
    String c = SampleCases.create(register, LocalDate.of(2019, 6, 3), null);
    assertThat(register.get(SampleCases.AGENCY, c).regime()).isEqualTo(Regime.R2019);
    assertThat(clock.refresh(SampleCases.AGENCY, c, "test")).isEqualTo(LocalDate.of(2019, 7, 1));
    register.openPause(SampleCases.AGENCY, c, PauseReason.AGENCY_CONSULTATION, LocalDate.of(2019, 6, 4), "市住建局");
    register.closePause(SampleCases.AGENCY, c, LocalDate.of(2019, 6, 10));
    assertThat(clock.refresh(SampleCases.AGENCY, c, "test")).isEqualTo(LocalDate.of(2019, 7, 5));
  }

  private void pause(String caseNumber, PauseReason reason) {
    register.openPause(SampleCases.AGENCY, caseNumber, reason, LocalDate.of(2019, 3, 5), "test");
    register.closePause(SampleCases.AGENCY, caseNumber, LocalDate.of(2019, 3, 12));
  }
}
