package org.disclosuredesk.supervision;

import java.util.List;
import org.disclosuredesk.report.Spreadsheet;

/** A supervision list as a spreadsheet (CSV/XLSX), with the columns of the page. */
final class CaseListExport {

  static final List<String> HEADER = List.of("案件编号", "申请人", "承办部门", "收到日期", "答复期限", "剩余工作日",
      "是否超期", "状态", "申请渠道", "当前环节", "承办人");

  private CaseListExport() {}

  static Spreadsheet of(CaseFilter filter, List<SupervisedCase> cases) {
    List<List<Object>> rows = cases.stream().map(CaseListExport::row).toList();
    return Spreadsheet.of("supervision-" + filter.code(), HEADER, rows);
  }

  private static List<Object> row(SupervisedCase c) {
    return java.util.Arrays.asList(c.caseNumber(), c.applicantName(), c.departmentName(), c.receivedOn(), c.dueOn(),
        c.workingDaysLeft(), c.overdue() ? "是" : "否", c.status().label(), c.channel().label(), c.currentTask(),
        c.assignee());
  }
}
