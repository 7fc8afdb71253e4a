package org.disclosuredesk.fee;

import java.util.ArrayList;
import java.util.List;

/**
 * The fee bands of the 政府信息公开信息处理费管理办法 (国办函〔2020〕109号), both progressive on the
 * excess (超额累进, Art. 3).
 *
 * <ul>
 *   <li>Per case (Art. 4), the applicant's applications in one calendar month: the 1st–10th are
 *       free, the 11th–30th cost ¥100 each, and from the 31st each further band of 10 costs ¥100 more
 *       per case (31st–40th ¥200, 41st–50th ¥300, …).
 *   <li>Per page (Art. 5), the pages provided for one application: pages 1–30 free, the part from
 *       page 31 to 100 ¥10 a page, 101–200 ¥20 a page, from page 201 ¥40 a page.
 * </ul>
 */
public final class FeeCalculator {

  private FeeCalculator() {}

  /** The fee of the applicant's {@code n}-th application (n ≥ 1) in a calendar month. */
  public static long perCaseRate(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    if (n <= 10) {
      return 0;
    }
    if (n <= 30) {
      return 100;
    }
    return 100 + 100L * ((n - 31) / 10 + 1);
  }

  /** The fee of an application that counts as {@code units} cases after {@code priorUnits} earlier ones this month. */
  public static FeeAssessment perCase(int priorUnits, int units) {
    if (priorUnits < 0 || units < 1) {
      throw new IllegalArgumentException("priorUnits >= 0 and units >= 1 required");
    }
    long total = 0;
    List<String> parts = new ArrayList<>();
    int first = priorUnits + 1;
    int last = priorUnits + units;
    int from = first;
    while (from <= last) {
      long rate = perCaseRate(from);
      int to = from;
      while (to < last && perCaseRate(to + 1) == rate) {
        to++;
      }
      int count = to - from + 1;
      total += rate * count;
      parts.add(range(from, to, "件") + (rate == 0 ? "免费" : "每件" + rate + "元×" + count + "件=" + rate * count + "元"));
      from = to + 1;
    }
    String breakdown = "本自然月内累计第" + (units == 1 ? first + "件" : first + "—" + last + "件")
        + "申请：" + String.join("；", parts) + "；合计" + total + "元";
    return new FeeAssessment(FeeMethod.PER_CASE, units, priorUnits, total, breakdown);
  }

  /** The fee for {@code pages} pages provided for one application. */
  public static FeeAssessment perPage(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("pages must not be negative: " + pages);
    }
    long total = 0;
    List<String> parts = new ArrayList<>();
    parts.add(range(1, Math.min(pages, 30), "页") + "免费");
    total += band(pages, 30, 100, 10, parts);
    total += band(pages, 100, 200, 20, parts);
    total += band(pages, 200, Integer.MAX_VALUE, 40, parts);
    String breakdown = "共" + pages + "页：" + String.join("；", parts) + "；合计" + total + "元";
    return new FeeAssessment(FeeMethod.PER_PAGE, pages, 0, total, breakdown);
  }

  /** The pages in (above, upTo] at {@code rate} a page. */
  private static long band(int pages, int above, int upTo, int rate, List<String> parts) {
    int count = Math.max(0, Math.min(pages, upTo) - above);
    if (count > 0) {
      parts.add(range(above + 1, above + count, "页") + "每页" + rate + "元×" + count + "页=" + (long) rate * count + "元");
    }
    return (long) rate * count;
  }

  private static String range(int from, int to, String unit) {
    if (to < from) {
      return "0" + unit;
    }
    return from == to ? "第" + from + unit : "第" + from + "—" + to + unit;
  }
}
