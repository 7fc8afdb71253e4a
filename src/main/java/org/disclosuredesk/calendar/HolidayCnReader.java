package org.disclosuredesk.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.disclosuredesk.web.InvalidInputException;

/** Checks a year's calendar in the holiday-cn JSON shape and turns it into days; field names like {@code days[3].date}. */
final class HolidayCnReader {

  private HolidayCnReader() {}

  /** @throws InvalidInputException listing every mistake; nothing is returned then */
  static List<CalendarDay> read(int year, HolidayCnYear body) {
    YearDays days = new YearDays(year);
    if (body == null) {
      days.error("body", "请求体缺失");
      return days.days("body", "");
    }
    if (body.year() == null) {
      days.error("year", "必须填写");
    } else if (body.year() != year) {
      days.error("year", "与地址中的年份 " + year + " 不一致");
    }
    if (body.days() == null) {
      days.error("days", "必须填写");
    } else {
      for (int i = 0; i < body.days().size(); i++) {
        readDay("days[" + i + "]", body.days().get(i), days);
      }
    }
    return days.days("days", "至少应列出一个放假日或调休上班日");
  }

  private static void readDay(String field, HolidayCnYear.Day day, YearDays days) {
    if (day == null) {
      days.error(field, "不能为空");
      return;
    }
    boolean ok = true;
    if (day.name() == null || day.name().isBlank()) {
      days.error(field + ".name", "必须填写");
      ok = false;
    } else if (day.name().strip().length() > YearDays.MAX_NAME_LENGTH) {
      days.error(field + ".name", "过长（最多 " + YearDays.MAX_NAME_LENGTH + " 个字符）");
      ok = false;
    }
    if (day.isOffDay() == null) {
      days.error(field + ".isOffDay", "必须填写（true 为放假，false 为调休上班）");
      ok = false;
    }
    LocalDate date = date(field + ".date", day.date(), days);
    if (date != null && ok) {
      days.add(field + ".date", date, day.isOffDay(), day.name().strip());
    } else if (date != null) {
      days.checkInYear(field + ".date", date);
    }
  }

  private static LocalDate date(String field, String text, YearDays days) {
    if (text == null || text.isBlank()) {
      days.error(field, "必须填写");
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      days.error(field, "日期格式应为 YYYY-MM-DD");
      return null;
    }
  }
}
