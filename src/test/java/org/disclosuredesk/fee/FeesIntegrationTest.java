package org.disclosuredesk.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.ClockPause;
import org.disclosuredesk.casefile.PauseReason;
import org.disclosuredesk.letters.DeskSpringTest;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.letters.SampleCases;
import org.disclosuredesk.web.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

@DeskSpringTest
class FeesIntegrationTest {

  static final String A = SampleCases.AGENCY;

  @Autowired Fees fees;
  @Autowired CaseRegister register;
  @Autowired Letters letters;

  @BeforeEach
  void tuesdayFirstOfDecember2026() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void perCaseCountsTheApplicantsEarlierApplicationsInTheSameCalendarMonth() {
    // Given an applicant with 11 applications in November and one on 31 October, another applicant in November
    String id = "110101198001010011";
    SampleCases.create(register, LocalDate.of(2026, 10, 31), null, "李四", id, "planning");
    String last = null;
    for (int i = 0; i < 11; i++) {
      last = SampleCases.create(register, LocalDate.of(2026, 11, 2 + i), null, "李四", id, "planning");
    }
    SampleCases.create(register, LocalDate.of(2026, 11, 3), null, "王五", "110101198001010022", "planning");

    // When the 11th November application is assessed per case, Then 10 earlier ones count: ¥100
    FeeAssessment fee = fees.assess(A, last, FeeMethod.PER_CASE, 1);
    assertThat(fee.priorUnits()).isEqualTo(10);
    assertThat(fee.amountYuan()).isEqualTo(100);

    // and per page it is the pages alone
    assertThat(fees.assess(A, last, FeeMethod.PER_PAGE, 31).amountYuan()).isEqualTo(10);
  }

  @Test
  void feeNoticePausesTheClockUntilPayment() throws Exception {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "a@example.com");
    FeeAssessment fee = fees.assess(A, caseNumber, FeeMethod.PER_PAGE, 120);

    FeeNotice notice = fees.issueNotice(A, caseNumber, "officer-planning", fee);

    // 20 working days after Tuesday 1 December 2026 (no official day off in December 2026)
    assertThat(notice.paymentDueOn()).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(notice.amountYuan()).isEqualTo(1100);
    assertThat(fees.openPaymentDueOn(A, caseNumber)).contains(LocalDate.of(2026, 12, 29));
    assertThat(register.pauses(A, caseNumber)).singleElement()
        .satisfies(p -> {
          assertThat(p.reason()).isEqualTo(PauseReason.FEE_PAYMENT);
          assertThat(p.startedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
          assertThat(p.endedOn()).isNull();
        });
    IssuedLetter letter = letters.find(A, notice.letterId()).orElseThrow();
    assertThat(letter.type()).isEqualTo(LetterType.FEE_NOTICE);
    try (PDDocument pdf = Loader.loadPDF(letters.pdf(letter))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
          .contains("收费通知书", "按量计收", "1,100", "收到本通知次日起20个工作日内", "视为放弃申请");
    }
    assertThatThrownBy(() -> fees.issueNotice(A, caseNumber, "officer-planning", fee))
        .isInstanceOf(ConflictException.class);

    fees.recordPayment(A, caseNumber, "reception", LocalDate.of(2026, 12, 10));

    assertThat(register.pauses(A, caseNumber)).extracting(ClockPause::endedOn).containsExactly(LocalDate.of(2026, 12, 10));
    assertThat(fees.openPaymentDueOn(A, caseNumber)).isEmpty();
    assertThat(register.timeline(A, caseNumber)).extracting(e -> e.kind())
        .contains("FEE_NOTICE", "FEE_PAID", Letters.TIMELINE_KIND);
  }

  @Test
  void unpaidFeeEndsThePauseAndIsRecorded() {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), null);
    fees.issueNotice(A, caseNumber, "officer-planning", FeeCalculator.perCase(10, 1));
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 30).atTime(0, 5).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));

    fees.recordUnpaid(A, caseNumber, "system");

    assertThat(register.pauses(A, caseNumber)).extracting(ClockPause::endedOn).containsExactly(LocalDate.of(2026, 12, 30));
    assertThat(register.timeline(A, caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("FEE_UNPAID");
      assertThat(e.detail()).contains("2026年12月29日", "视为放弃申请");
    });
    assertThatThrownBy(() -> fees.recordPayment(A, caseNumber, "reception", LocalDate.of(2026, 12, 30)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aFreeAssessmentNeedsNoNotice() {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), null);
    assertThatThrownBy(() -> fees.issueNotice(A, caseNumber, "x", FeeCalculator.perPage(30)))
        .isInstanceOf(ConflictException.class);
    assertThat(register.pauses(A, caseNumber)).isEmpty();
  }
}
