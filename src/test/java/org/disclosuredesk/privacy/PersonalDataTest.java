package org.disclosuredesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void masksAllButTheFirstSixAndLastFour() {
    assertThat(PersonalData.maskIdNumber("110105194912310021")).isEqualTo("110105********0021");
    assertThat(PersonalData.maskIdNumber("11010519491231002X")).isEqualTo("110105********002X");
    assertThat(PersonalData.maskIdNumber("E12345678")).isEqualTo("*****5678");
    assertThat(PersonalData.maskIdNumber("123")).isEqualTo("***");
    assertThat(PersonalData.maskIdNumber(null)).isNull();
  }

  @Test
  void masksIdNumbersInsideText() {
    assertThat(PersonalData.maskIdNumbersIn("申请人 11010519491231002X 电话 13800000000"))
        .isEqualTo("申请人 110105********002X 电话 13800000000");
    assertThat(PersonalData.maskIdNumbersIn("案件 GK-2026-00001")).isEqualTo("案件 GK-2026-00001");
  }
}
