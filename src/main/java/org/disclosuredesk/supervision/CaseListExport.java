package org.disclosuredesk.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.report.Spreadsheet;

/** A supervision list as a spreadsheet (CSV/XLSX), with the columns and the texts of the page. */
final class CaseListExport {

  static final List<String> HEADER = List.of("案件编号", "申请人", "承办部门", "收到日期", "答复期限", "剩余工作日",
      "是否超期", "状态", "申请渠道", "当前环节", "承办人");
  /** The first column of a list over several agencies (the city's). */
  static final String AGENCY = "机关";

  private CaseListExport() {}

  static Spreadsheet of(CaseFilter filter, List<SupervisedCase> cases) {
    List<List<Object>> rows = cases.stream().map(CaseListExport::row).toList();
    return Spreadsheet.of("督办-" + filter.label(), HEADER, rows);
  }

  /** A list over several agencies: each row starts with the name of the case's agency. */
  static Spreadsheet ofAgencies(CaseFilter filter, List<SupervisedCase> cases, Map<String, String> agencyNames) {
    List<String> header = new ArrayList<>();
    header.add(AGENCY);
    header.addAll(HEADER);
    List<List<Object>> rows = new ArrayList<>();
    for (SupervisedCase c : cases) {
      List<Object> row = new ArrayList<>();
      row.add(agencyNames.getOrDefault(c.agencyCode(), c.agencyCode()));
      row.addAll(row(c));
      rows.add(row);
    }
    return Spreadsheet.of("督办-全市-" + filter.label(), header, rows);
  }

  private static List<Object> row(SupervisedCase c) {
    // department, task and assignee read as on the page (未分办, —, 未签收); dates and numbers stay empty
    // when missing, so that a spreadsheet can still sort and sum them
    return java.util.Arrays.asList(c.caseNumber(), c.applicantName(), c.departmentShown(), c.receivedOn(),
        c.dueOn(), c.workingDaysLeft(), c.overdue() ? "是" : "否", c.status().label(), c.channel().label(),
        c.currentTaskShown(), c.assigneeShown());
  }
}
