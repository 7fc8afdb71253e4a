package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Table3RowTest {

  /** domain-reference §7.2, row by row, in the official order. */
  static final List<String> OFFICIAL_LABELS = List.of(
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
      "（一）予以公开",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "1.属于国家秘密",
      "2.其他法律行政法规禁止公开",
      "3.危及\"三安全一稳定\"",
      "4.保护第三方合法权益",
      "5.属于三类内部事务信息",
      "6.属于四类过程性信息",
      "7.属于行政执法案卷",
      "8.属于行政查询事项",
      "1.本机关不掌握相关政府信息",
      "2.没有现成信息需要另行制作",
      "3.补正后申请内容仍不明确",
      "1.信访举报投诉类申请",
      "2.重复申请",
      "3.要求提供公开出版物",
      "4.无正当理由大量反复申请",
      "5.要求行政机关确认或重新出具已获取信息",
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "3.其他",
      "（七）总计",
      "四、结转下年度继续办理");

  @Test
  void rowsCarryTheOfficialLabelsInTheOfficialOrder() {
    assertThat(Arrays.stream(Table3Row.values()).map(Table3Row::label)).containsExactlyElementsOf(OFFICIAL_LABELS);
  }

  @Test
  void resultRowsSpanTwentyTwoRowsWithTheirSubGroups() {
    assertThat(Arrays.stream(Table3Row.values()).filter(r -> "三、本年度办理结果".equals(r.group()))).hasSize(22);
    assertThat(Arrays.stream(Table3Row.values()).filter(r -> "（三）不予公开".equals(r.subGroup()))).hasSize(8);
    assertThat(Arrays.stream(Table3Row.values()).filter(r -> "（四）无法提供".equals(r.subGroup()))).hasSize(3);
    assertThat(Arrays.stream(Table3Row.values()).filter(r -> "（五）不予处理".equals(r.subGroup()))).hasSize(5);
    assertThat(Arrays.stream(Table3Row.values()).filter(r -> "（六）其他处理".equals(r.subGroup()))).hasSize(3);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "ALREADY_PUBLIC, DISCLOSED",
      "DISCLOSE, DISCLOSED",
      "PARTIAL, PARTIAL",
      "SPECIAL_REGIME, WITHHELD_ADMIN_QUERY",
      "NOT_EXIST, UNABLE_NOT_HELD",
      "NOT_THIS_AGENCY, UNABLE_NOT_HELD",
      "NEEDS_CREATION, UNABLE_NEEDS_CREATION",
      "STILL_UNCLEAR, UNABLE_STILL_UNCLEAR",
      "PETITION, NOT_PROCESSED_PETITION",
      "REPEAT, NOT_PROCESSED_REPEAT",
      "PUBLICATION, NOT_PROCESSED_PUBLICATION",
      "EXCESSIVE, NOT_PROCESSED_EXCESSIVE",
      "CONFIRM_OR_REISSUE, NOT_PROCESSED_CONFIRM",
      "ABANDONED_NO_CORRECTION, OTHER_NO_CORRECTION",
      "ABANDONED_FEE_UNPAID, OTHER_FEE_UNPAID",
      "OTHER, OTHER_OTHER"})
  void outcomesLandInTheirRow(Outcome outcome, Table3Row row) {
    assertThat(Table3Row.concludedAs(outcome, null)).isEqualTo(row);
  }

  @ParameterizedTest(name = "WITHHOLD {0} → {1}")
  @CsvSource({
      "STATE_SECRET, 1.属于国家秘密",
      "LAW_PROHIBITED, 2.其他法律行政法规禁止公开",
      "SECURITY_STABILITY, 3.危及\"三安全一稳定\"",
      "THIRD_PARTY_RIGHTS, 4.保护第三方合法权益",
      "INTERNAL_AFFAIRS, 5.属于三类内部事务信息",
      "PROCESS_INFO, 6.属于四类过程性信息",
      "ENFORCEMENT_FILE, 7.属于行政执法案卷",
      "ADMIN_QUERY, 8.属于行政查询事项"})
  void withholdingCountsByItsGround(WithholdingGround ground, String label) {
    Table3Row row = Table3Row.concludedAs(Outcome.WITHHOLD, ground);
    assertThat(row.subGroup()).isEqualTo("（三）不予公开");
    assertThat(row.label()).isEqualTo(label);
  }

  @Test
  void everyOutcomeHasARowAndWithholdingWithoutGroundHasNone() {
    for (Outcome o : Outcome.values()) {
      assertThat(Table3Row.concludedAs(o, WithholdingGround.STATE_SECRET)).as(o.name()).isNotNull();
    }
    assertThat(Table3Row.concludedAs(Outcome.WITHHOLD, null)).isNull();
    assertThat(Table3Row.concludedAs(null, null)).isNull();
  }

  @Test
  void partialCountsOnlyInPartialEvenWithAGround() {
    assertThat(Table3Row.concludedAs(Outcome.PARTIAL, WithholdingGround.THIRD_PARTY_RIGHTS)).isEqualTo(Table3Row.PARTIAL);
  }
}
