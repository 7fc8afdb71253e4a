package org.disclosuredesk.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.report.LegalChallengeInput;
import org.disclosuredesk.report.LegalChallengeKind;
import org.disclosuredesk.report.LegalChallengeResult;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;

/** The reconsideration/lawsuit form of the case page, as typed (strings), turned into the service's input. */
record LegalChallengeForm(String kind, String filedOn, String result, String concludedOn, String note) {

  private static final Map<String, String> FIELDS =
      Map.of("kind", "类别", "filedOn", "提起日期", "result", "结果", "concludedOn", "审结日期", "note", "备注");

  static String fieldLabel(String field) {
    return FIELDS.getOrDefault(field, field) + "：";
  }

  LegalChallengeInput toInput() {
    List<FieldError> errors = new ArrayList<>();
    LegalChallengeKind k = parseEnum(LegalChallengeKind.class, kind, "kind", errors);
    LegalChallengeResult r = parseEnum(LegalChallengeResult.class, result, "result", errors);
    LocalDate filed = parseDate(filedOn, "filedOn", errors);
    LocalDate concluded = parseDate(concludedOn, "concludedOn", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new LegalChallengeInput(k, filed, r, concluded, note == null || note.isBlank() ? null : note.strip());
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "取值无效"));
      return null;
    }
  }

  private static LocalDate parseDate(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "日期格式应为 YYYY-MM-DD"));
      return null;
    }
  }
}
