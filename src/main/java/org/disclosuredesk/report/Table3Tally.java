package org.disclosuredesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;

/**
 * Counts table 三 of one year from register rows, with the check and the older channel and reply
 * breakdowns. A case counts as new in the year it was received, as concluded (by outcome) in the
 * year it was closed, and as carried over at the end of every year in which it is still open.
 */
final class Table3Tally {

  static final List<String> COLUMNS = Stream.concat(Arrays.stream(ApplicantType.values()).map(ApplicantType::label),
      Stream.of("总计")).toList();

  private final int year;
  private final Map<Table3Row, ColumnCounts> rows = new EnumMap<>(Table3Row.class);
  private final ColumnCounts channels = new ColumnCounts(ChannelBreakdown.COLUMNS);
  private final ColumnCounts replies = new ColumnCounts(ReplyBreakdown.COLUMNS);
  private final List<String> warnings = new ArrayList<>();

  private Table3Tally(int year) {
    this.year = year;
    for (Table3Row row : Table3Row.values()) {
      rows.put(row, new ColumnCounts(COLUMNS));
    }
  }

  /** Counts the year; rows that do not belong to the year (closed before it, received after it) are ignored. */
  static Table3Tally count(int year, Iterable<ReportCase> cases) {
    Table3Tally tally = new Table3Tally(year);
    cases.forEach(tally::add);
    return tally;
  }

  private void add(ReportCase c) {
    LocalDate firstDay = LocalDate.of(year, 1, 1);
    LocalDate lastDay = LocalDate.of(year, 12, 31);
    boolean closedBefore = c.closedOn() != null && c.closedOn().isBefore(firstDay);
    if (c.receivedOn().isAfter(lastDay) || closedBefore) {
      return;
    }
    int column = c.applicantType().ordinal();
    if (c.receivedOn().isBefore(firstDay)) {
      rows.get(Table3Row.CARRIED_OVER).add(column);
    } else {
      rows.get(Table3Row.RECEIVED).add(column);
      channels.add(c.channel().ordinal());
    }
    if (c.closedOn() != null && !c.closedOn().isAfter(lastDay)) {
      concluded(c, column);
    } else {
      rows.get(Table3Row.CARRIED_FORWARD).add(column);
      if (c.closedOn() == null && c.status() == CaseStatus.CLOSED) {
        warnings.add(c.caseNumber() + "：状态为已办结但没有办结日期，按仍在办理计入结转");
      }
    }
  }

  private void concluded(ReportCase c, int column) {
    if (c.closedOn().isBefore(c.receivedOn())) {
      warnings.add(c.caseNumber() + "：办结日期早于收到日期");
    }
    Table3Row row = Table3Row.concludedAs(c.outcome(), c.withholdingGround());
    if (row == null) {
      row = Table3Row.OTHER_OTHER;
      warnings.add(c.caseNumber() + "：已办结但缺少办理结果或不予公开理由，暂计入（六）其他处理 3.其他");
    }
    rows.get(row).add(column);
    rows.get(Table3Row.CONCLUDED_TOTAL).add(column);
    replies.add(ReplyBreakdown.columnOf(c.outcome()));
  }

  List<ReportRow> rows() {
    return rows.entrySet().stream()
        .map(e -> new ReportRow(e.getKey().name(), e.getKey().group(), e.getKey().subGroup(), e.getKey().label(),
            e.getValue().values()))
        .toList();
  }

  /** 一 + 二 = 三（七） + 四, in every column. */
  ReportCheck check() {
    return check(rows());
  }

  /**
   * The check over table 三's rows as they stand (counted, as published, or summed over agencies): 一 + 二
   * against 三（七） + 四 in every column.
   */
  static ReportCheck check(List<ReportRow> rows) {
    List<ReportCheck.ColumnCheck> columns = new ArrayList<>();
    for (String column : COLUMNS) {
      int left = value(rows, Table3Row.RECEIVED, column) + value(rows, Table3Row.CARRIED_OVER, column);
      int right = value(rows, Table3Row.CONCLUDED_TOTAL, column) + value(rows, Table3Row.CARRIED_FORWARD, column);
      columns.add(new ReportCheck.ColumnCheck(column, left, right, left == right));
    }
    return new ReportCheck(Table3Row.CHECK_NOTE, columns, columns.stream().allMatch(ReportCheck.ColumnCheck::holds));
  }

  private static int value(List<ReportRow> rows, Table3Row key, String column) {
    return rows.stream().filter(r -> key.name().equals(r.key())).mapToInt(r -> r.value(column)).sum();
  }

  ReportTable channels() {
    return new ReportTable(ChannelBreakdown.TITLE, ChannelBreakdown.COLUMNS,
        List.of(new ReportRow("RECEIVED_BY_CHANNEL", null, null, ChannelBreakdown.ROW, channels.values())));
  }

  ReportTable replies() {
    return new ReportTable(ReplyBreakdown.TITLE, ReplyBreakdown.COLUMNS,
        List.of(new ReportRow("REPLIES_BY_RESULT", null, null, ReplyBreakdown.ROW, replies.values())));
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The 2008-era breakdown of new applications by channel (当面、信函、传真、电子邮件、网上、其他). */
  static final class ChannelBreakdown {
    static final String TITLE = "依申请公开申请的受理渠道（2008年版年报口径）";
    static final String ROW = "本年受理依申请公开申请数";
    static final List<String> COLUMNS = Stream.concat(Arrays.stream(Channel.values()).map(Channel::label),
        Stream.of("总数")).toList();

    private ChannelBreakdown() {}
  }
}
