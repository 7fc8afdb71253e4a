package org.disclosuredesk.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

  @ParameterizedTest(name = "the {0}th application of the month costs {1} yuan")
  @CsvSource({"1,0", "10,0", "11,100", "12,100", "30,100", "31,200", "40,200", "41,300", "50,300", "51,400",
      "60,400", "61,500", "100,800", "101,900"})
  void perCaseRateAtEveryBandBoundary(int n, long yuan) {
    assertThat(FeeCalculator.perCaseRate(n)).isEqualTo(yuan);
    assertThat(FeeCalculator.perCase(n - 1, 1).amountYuan()).isEqualTo(yuan);
  }

  @ParameterizedTest(name = "{0} pages cost {1} yuan")
  @CsvSource({"0,0", "1,0", "30,0", "31,10", "32,20", "100,700", "101,720", "102,740", "200,2700", "201,2740",
      "202,2780", "250,4700", "1000,34700"})
  void perPageIsProgressiveOnTheExcessAtEveryBandBoundary(int pages, long yuan) {
    assertThat(FeeCalculator.perPage(pages).amountYuan()).isEqualTo(yuan);
  }

  @Test
  void anApplicationSplitIntoSeveralCasesCrossesBandsCaseByCase() {
    // cases 9..14 of the month: 9, 10 free; 11..14 at 100
    assertThat(FeeCalculator.perCase(8, 6).amountYuan()).isEqualTo(400);
    // cases 29..32: 29, 30 at 100; 31, 32 at 200
    FeeAssessment fee = FeeCalculator.perCase(28, 4);
    assertThat(fee.amountYuan()).isEqualTo(600);
    assertThat(fee.breakdown()).isEqualTo(
        "本自然月内累计第29—32件申请：第29—30件每件100元×2件=200元；第31—32件每件200元×2件=400元；合计600元");
    assertThat(fee.method()).isEqualTo(FeeMethod.PER_CASE);
    assertThat(fee.priorUnits()).isEqualTo(28);
  }

  @Test
  void pageBreakdownNamesEveryBand() {
    assertThat(FeeCalculator.perPage(250).breakdown()).isEqualTo(
        "共250页：第1—30页免费；第31—100页每页10元×70页=700元；第101—200页每页20元×100页=2000元；"
            + "第201—250页每页40元×50页=2000元；合计4700元");
    assertThat(FeeCalculator.perPage(12).isFree()).isTrue();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> FeeCalculator.perCaseRate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeeCalculator.perCase(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeeCalculator.perPage(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
