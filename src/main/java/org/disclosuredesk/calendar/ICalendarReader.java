package org.disclosuredesk.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.web.InvalidInputException;

/**
 * Reads a year's calendar from iCalendar text like the holiday-cn {@code .ics} files: one all-day
 * VEVENT per block of days ({@code DTSTART;VALUE=DATE}, {@code DTEND} exclusive, or one day without
 * it). A block whose SUMMARY contains 上班 or 补班 is made of make-up working days, any other block of
 * days off. Mistakes are reported per event, e.g. {@code events[2].DTEND}.
 */
final class ICalendarReader {

  private static final Pattern DATE = Pattern.compile("\\d{8}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");
  private static final Pattern DAYS_OR_WEEKS = Pattern.compile("P(\\d{1,3})([DW])");
  private static final int MAX_BLOCK_DAYS = 366;

  /** The properties of one VEVENT that matter here. */
  private static final class Event {
    final String field;
    final int line;
    String summary = "";
    ContentLines.Line start;
    ContentLines.Line end;
    ContentLines.Line duration;
    ContentLines.Line recurrence;
    boolean cancelled;

    Event(int index, int line) {
      this.field = "events[" + index + "]";
      this.line = line;
    }
  }

  private ICalendarReader() {}

  /** @throws InvalidInputException listing the mistakes found; nothing is returned then */
  static List<CalendarDay> read(int year, byte[] ics) {
    List<ContentLines.Line> lines = ContentLines.parse(ics);
    if (lines.isEmpty() || !lines.get(0).is("BEGIN", "VCALENDAR")) {
      throw new InvalidInputException("body", "不是 iCalendar 文本（应以 BEGIN:VCALENDAR 开始）");
    }
    YearDays days = new YearDays(year);
    Event event = null;
    int events = 0;
    int nested = 0;
    for (ContentLines.Line line : lines) {
      if (event == null) {
        if (line.is("BEGIN", "VEVENT")) {
          event = new Event(events++, line.number());
        }
      } else if (nested > 0 || line.name().equals("BEGIN")) {
        // a component inside the event (e.g. VALARM): its properties are not the event's
        nested += line.name().equals("BEGIN") ? 1 : line.name().equals("END") ? -1 : 0;
      } else if (line.is("END", "VEVENT")) {
        addEvent(event, days);
        event = null;
      } else {
        take(event, line);
      }
    }
    if (event != null) {
      days.error(event.field, "第 " + event.line + " 行开始的 VEVENT 没有 END:VEVENT");
    }
    return days.days("body", "没有找到 VEVENT 事件（放假或调休上班）");
  }

  private static void take(Event event, ContentLines.Line line) {
    switch (line.name()) {
      case "SUMMARY" -> event.summary = unescape(line.value()).strip();
      case "DTSTART" -> event.start = line;
      case "DTEND" -> event.end = line;
      case "DURATION" -> event.duration = line;
      case "RRULE", "RDATE" -> event.recurrence = line;
      case "STATUS" -> event.cancelled = line.value().strip().equalsIgnoreCase("CANCELLED");
      default -> { }
    }
  }

  private static void addEvent(Event event, YearDays days) {
    if (event.cancelled) {
      return;
    }
    if (event.recurrence != null) {
      days.error(event.field + "." + event.recurrence.name(), "第 " + event.recurrence.number() + " 行：不支持重复规则，请逐段列出日期");
      return;
    }
    if (event.start == null) {
      days.error(event.field + ".DTSTART", "第 " + event.line + " 行开始的 VEVENT 缺少 DTSTART");
      return;
    }
    LocalDate first = date(event.field + ".DTSTART", event.start, days);
    LocalDate end = first == null ? null : end(event, first, days);
    if (end == null) {
      return;
    }
    if (!end.isAfter(first)) {
      days.error(event.field + (event.end != null ? ".DTEND" : ".DURATION"), "应晚于 DTSTART（DTEND 当天不算在内）");
      return;
    }
    if (ChronoUnit.DAYS.between(first, end) > MAX_BLOCK_DAYS) {
      days.error(event.field + ".DTEND", "跨度超过 " + MAX_BLOCK_DAYS + " 天");
      return;
    }
    LocalDate last = end.minusDays(1);
    boolean inYear = days.checkInYear(event.field + ".DTSTART", first);
    if (!last.equals(first)) {
      inYear &= days.checkInYear(event.field + (event.end != null ? ".DTEND" : ".DURATION"), last);
    }
    if (!inYear) {
      return;
    }
    boolean working = event.summary.contains("上班") || event.summary.contains("补班");
    String name = dayName(event.summary, working);
    if (name.length() > YearDays.MAX_NAME_LENGTH) {
      days.error(event.field + ".SUMMARY", "过长（最多 " + YearDays.MAX_NAME_LENGTH + " 个字符）");
      return;
    }
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      days.add(event.field, d, !working, name);
    }
  }

  /** The day after the block: DTEND (exclusive), or DTSTART + DURATION, or the one day of DTSTART. */
  private static LocalDate end(Event event, LocalDate first, YearDays days) {
    if (event.end != null) {
      return date(event.field + ".DTEND", event.end, days);
    }
    if (event.duration != null) {
      Matcher m = DAYS_OR_WEEKS.matcher(event.duration.value().strip());
      if (!m.matches()) {
        days.error(event.field + ".DURATION", "第 " + event.duration.number() + " 行：只支持按天或周的时长，如 P3D");
        return null;
      }
      return first.plusDays(Long.parseLong(m.group(1)) * (m.group(2).equals("W") ? 7 : 1));
    }
    return first.plusDays(1);
  }

  private static LocalDate date(String field, ContentLines.Line line, YearDays days) {
    String value = line.value().strip();
    String where = "第 " + line.number() + " 行：";
    if (DATE_TIME.matcher(value).matches() || "DATE-TIME".equalsIgnoreCase(line.params().get("VALUE"))) {
      days.error(field, where + "应为全天日期（" + line.name() + ";VALUE=DATE:YYYYMMDD），不是时刻");
      return null;
    }
    if (DATE.matcher(value).matches()) {
      try {
        return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
      } catch (DateTimeParseException e) {
        // falls through to the error below
      }
    }
    days.error(field, where + "日期格式应为 YYYYMMDD");
    return null;
  }

  /** 上班(补春节假期) and 春节假期 both name the holiday 春节, as the holiday-cn JSON does. */
  static String dayName(String summary, boolean working) {
    String name = summary.replaceFirst("^(上班|补班)", "").strip();
    if (name.length() >= 2 && (name.startsWith("(") && name.endsWith(")") || name.startsWith("（") && name.endsWith("）"))) {
      name = name.substring(1, name.length() - 1).strip();
    }
    name = name.replaceFirst("^补", "").replaceFirst("假期$", "").strip();
    if (!name.isEmpty()) {
      return name;
    }
    return summary.isEmpty() ? (working ? "调休上班" : "放假") : summary;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
