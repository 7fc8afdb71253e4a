package org.disclosuredesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A year's report as a spreadsheet: table 三 with its check, table 四, the older breakdowns, lock and differences. */
final class ReportSpreadsheet {

  private ReportSpreadsheet() {}

  static Spreadsheet of(ReportView view) {
    AnnualReport r = view.report();
    List<Spreadsheet.Section> sections = new ArrayList<>();
    sections.add(table3(r));
    sections.add(plain(r.table4()));
    sections.add(plain(r.channels()));
    sections.add(plain(r.replies()));
    if (view.city()) {
      sections.add(agencies(view));
    }
    List<List<Object>> notes = new ArrayList<>();
    notes.add(List.of("机关代码", r.agencyCode()));
    if (view.city()) {
      notes.add(List.of("机关", "全市汇总（" + view.agencies().size() + " 个机关，表三逐列相加）"));
    } else if (view.agencies() != null && !view.agencies().isEmpty()) {
      notes.add(List.of("机关", view.agencies().get(0).name()));
    }
    notes.add(List.of("统计日期", r.countedOn().toString()));
    if (view.locked()) {
      notes.add(List.of("已锁定（已发布数字）", view.lock().lockedBy() + " " + view.lock().lockedAt()));
    }
    r.warnings().forEach(w -> notes.add(List.of("提示", w)));
    view.differences().forEach(d -> notes.add(List.of("与重新统计的差异",
        d.table() + " / " + d.row() + " / " + d.column(), "已发布 " + d.published(), "重新统计 " + d.current())));
    if (view.carryOver() != null) {
      notes.add(List.of("上年结转核对", view.carryOver().note(), view.carryOver().holds() ? "一致" : "不一致"));
      view.carryOver().columns().stream().filter(c -> !c.holds()).forEach(c -> notes.add(List.of("上年结转不一致",
          c.column(), view.carryOver().previousYear() + "年度四 " + c.carriedForward(), "本年度二 " + c.carriedOver())));
    }
    sections.add(new Spreadsheet.Section("说明", List.of("项目", "内容"), notes));
    return new Spreadsheet(r.year() + "年政府信息公开工作年度报告" + (view.city() ? "-全市汇总" : ""), sections);
  }

  private static Spreadsheet.Section table3(AnnualReport r) {
    List<String> header = Stream.concat(Stream.of("大类", "小类", "项目"), r.columns().stream()).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (ReportRow row : r.rows()) {
      List<Object> cells = new ArrayList<>();
      cells.add(nullToEmpty(row.group()));
      cells.add(nullToEmpty(row.subGroup()));
      cells.add(row.label());
      r.columns().forEach(c -> cells.add(row.value(c)));
      rows.add(cells);
    }
    List<Object> left = new ArrayList<>(List.of("勾稽关系", "", "第一项加第二项之和"));
    List<Object> right = new ArrayList<>(List.of("勾稽关系", "", "第三项（七）加第四项之和"));
    List<Object> holds = new ArrayList<>(List.of("勾稽关系", "", "是否相等"));
    r.check().columns().forEach(c -> {
      left.add(c.receivedPlusCarriedOver());
      right.add(c.concludedPlusCarriedForward());
      holds.add(c.holds() ? "相等" : "不相等");
    });
    rows.add(left);
    rows.add(right);
    rows.add(holds);
    return new Spreadsheet.Section(Table3Row.TITLE, header, rows);
  }

  /** The city aggregate's agencies: each one's totals as summed, and whether its year is locked. */
  private static Spreadsheet.Section agencies(ReportView view) {
    List<List<Object>> rows = new ArrayList<>();
    for (ReportView.AgencyPart a : view.agencies()) {
      rows.add(List.of(a.code(), a.name(), a.received(), a.carriedOver(), a.concluded(), a.carriedForward(),
          a.checkHolds() ? "相等" : "不相等", a.locked() ? "已锁定（已发布数字）" : "未锁定（实时统计）"));
    }
    return new Spreadsheet.Section("各机关汇总情况（总计列）", List.of("机关代码", "机关", "一、本年新收", "二、上年结转",
        "三（七）、本年办结", "四、结转下年", "勾稽关系", "年度报告"), rows);
  }

  private static Spreadsheet.Section plain(ReportTable t) {
    List<String> header = Stream.concat(Stream.of("项目"), t.columns().stream()).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (ReportRow row : t.rows()) {
      List<Object> cells = new ArrayList<>();
      cells.add(row.label());
      t.columns().forEach(c -> cells.add(row.value(c)));
      rows.add(cells);
    }
    return new Spreadsheet.Section(t.title(), header, rows);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
