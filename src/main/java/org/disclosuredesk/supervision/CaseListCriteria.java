package org.disclosuredesk.supervision;

import java.util.Arrays;
import java.util.Map;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.web.InvalidInputException;

/**
 * Which open cases to list and how to sort them; null filters mean "all".
 *
 * @param descending most working days left first (default: fewest first, i.e. most overdue on top)
 */
record CaseListCriteria(CaseFilter filter, String department, CaseStatus status, Channel channel, boolean descending) {

  /**
   * Parses request parameters; an unknown value is a 400 on that parameter.
   *
   * @param departments the departments of the agencies listed (code → name): another agency's department
   *     is unknown here
   */
  static CaseListCriteria parse(String filter, CaseFilter defaultFilter, String department, String status,
      String channel, String sort, Map<String, String> departments) {
    return new CaseListCriteria(CaseFilter.parse(filter, defaultFilter), department(department, departments),
        status(status), channel(channel), descending(sort));
  }

  private static String department(String value, Map<String, String> departments) {
    if (blank(value)) {
      return null;
    }
    String code = DepartmentProperties.normalise(value);
    if (code == null || !departments.containsKey(code)) {
      throw new InvalidInputException("department", "没有这个部门：" + value + "；应为 "
          + String.join("、", departments.keySet()));
    }
    return code;
  }

  private static CaseStatus status(String value) {
    if (blank(value)) {
      return null;
    }
    return Arrays.stream(CaseStatus.values()).filter(s -> s.isOpen() && s.name().equals(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException("status", "取值无效，应为在办状态之一："
            + String.join(", ", Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList())));
  }

  private static Channel channel(String value) {
    if (blank(value)) {
      return null;
    }
    return Arrays.stream(Channel.values()).filter(c -> c.name().equals(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException("channel", "取值无效，应为 "
            + String.join(", ", Arrays.stream(Channel.values()).map(Enum::name).toList())));
  }

  private static boolean descending(String value) {
    if (blank(value) || value.equals("asc")) {
      return false;
    }
    if (value.equals("desc")) {
      return true;
    }
    throw new InvalidInputException("sort", "取值无效，应为 asc 或 desc");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
