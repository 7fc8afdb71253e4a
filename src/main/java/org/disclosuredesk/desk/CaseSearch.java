package org.disclosuredesk.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.deadline.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the agency's cases from the register for the phone call "where is my application?": by case
 * number, applicant name, ID number, phone or words of the description. ID numbers are masked in the
 * results.
 */
@Component
class CaseSearch {

  static final int LIMIT = 50;

  /** One hit: what the clerk tells the caller. */
  record Hit(String caseNumber, String applicantName, String maskedId, String phone, LocalDate receivedOn,
      CaseStatus status, LocalDate dueOn, Integer workingDaysLeft, String description) {

    public boolean overdue() {
      return workingDaysLeft != null && workingDaysLeft < 0;
    }
  }

  private final JdbcClient jdbc;
  private final CaseClock clock;

  CaseSearch(JdbcClient jdbc, CaseClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Up to {@value #LIMIT} cases, newest first; nothing for a blank query. */
  List<Hit> find(String agencyCode, String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    String upper = q.toUpperCase(Locale.ROOT);
    String like = "%" + escape(q) + "%";
    String digits = q.replaceAll("[^0-9]", "");
    // a phone number matches whatever the separators were when it was written down
    String phoneLike = digits.length() >= 4 ? "%" + digits + "%" : "#";
    return jdbc.sql("select case_number, applicant_name, applicant_id_number, applicant_phone, received_on, status,"
            + " due_on, description from dd_case where agency_code = :agency and (upper(case_number) = :upper"
            + " or upper(case_number) like :upperLike escape '\\' or applicant_name like :like escape '\\'"
            + " or upper(applicant_id_number) = :upper"
            + " or replace(replace(replace(replace(applicant_phone, '-', ''), ' ', ''), '(', ''), ')', '') like :phone"
            + " or description like :like escape '\\')"
            + " order by received_on desc, case_number desc limit " + LIMIT)
        .param("agency", agencyCode).param("upper", upper).param("upperLike", "%" + escape(upper) + "%")
        .param("like", like).param("phone", phoneLike)
        .query((rs, n) -> hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), CaseStatus.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
            rs.getString(8), agencyCode))
        .list();
  }

  private Hit hit(String number, String name, String id, String phone, LocalDate received, CaseStatus status,
      LocalDate due, String description, String agencyCode) {
    Integer left = status.isOpen() && due != null ? clock.workingDaysLeft(agencyCode, due) : null;
    String shortText = description.length() > 60 ? description.substring(0, 60) + "…" : description;
    return new Hit(number, name, mask(id), phone, received, status, due, left, shortText);
  }

  /** 110105********002X: the first six and the last four characters; short numbers keep only the last two. */
  static String mask(String id) {
    if (id == null || id.isBlank()) {
      return "—";
    }
    if (id.length() <= 6) {
      return "*".repeat(Math.max(0, id.length() - 2)) + id.substring(Math.max(0, id.length() - 2));
    }
    int keepStart = id.length() >= 15 ? 6 : 2;
    int keepEnd = id.length() >= 15 ? 4 : 2;
    return id.substring(0, keepStart) + "*".repeat(id.length() - keepStart - keepEnd) + id.substring(id.length() - keepEnd);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
