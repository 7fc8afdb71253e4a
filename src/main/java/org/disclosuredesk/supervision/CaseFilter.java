package org.disclosuredesk.supervision;

import java.util.Arrays;
import org.disclosuredesk.web.InvalidInputException;

/** The supervision lists: overdue, due within 3 working days, all open. */
enum CaseFilter {
  OVERDUE("overdue", "已超期"),
  DUE_SOON("due-soon", "即将到期（3个工作日内）"),
  OPEN("open", "全部在办");

  /** Due within this many working days counts as due soon. */
  static final int DUE_SOON_WORKING_DAYS = 3;

  private final String code;
  private final String label;

  CaseFilter(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  boolean accepts(SupervisedCase c) {
    return switch (this) {
      case OVERDUE -> c.overdue();
      case DUE_SOON -> !c.overdue() && c.workingDaysLeft() != null && c.workingDaysLeft() <= DUE_SOON_WORKING_DAYS;
      case OPEN -> true;
    };
  }

  /** {@code overdue}, {@code due-soon} or {@code open}; a missing value means {@code fallback}. */
  static CaseFilter parse(String value, CaseFilter fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return Arrays.stream(values()).filter(f -> f.code.equals(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException("filter", "取值无效，应为 overdue、due-soon 或 open"));
  }
}
