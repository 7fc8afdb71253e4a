package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.disclosuredesk.report.ReportRow;
import org.junit.jupiter.api.Test;

class PrintedTable3Test {

  @Test
  void groupsAndSubGroupsSpanTheirRowsAndLabelsFillTheRest() {
    List<ReportRow> rows = List.of(
        row(null, null, "一、本年新收政府信息公开申请数量"),
        row("三、本年度办理结果", null, "（一）予以公开"),
        row("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"),
        row("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"),
        row("三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"),
        row("三、本年度办理结果", null, "（七）总计"),
        row(null, null, "四、结转下年度继续办理"));

    List<PrintedTable3.Line> lines = PrintedTable3.lines(rows);

    assertThat(lines).extracting(PrintedTable3.Line::groupRowspan).containsExactly(0, 5, 0, 0, 0, 0, 0);
    assertThat(lines).extracting(PrintedTable3.Line::subGroupRowspan).containsExactly(0, 0, 2, 0, 1, 0, 0);
    assertThat(lines).extracting(PrintedTable3.Line::labelColspan).containsExactly(3, 2, 1, 1, 1, 2, 3);
  }

  private static ReportRow row(String group, String subGroup, String label) {
    return new ReportRow(label, group, subGroup, label, Map.of());
  }
}
