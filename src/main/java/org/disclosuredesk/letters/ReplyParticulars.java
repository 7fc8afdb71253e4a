package org.disclosuredesk.letters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithheldPart;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.web.FieldError;

/**
 * What a reply states beyond its outcome, as form fields rather than free text (issue 9 points 3, 7):
 * the withheld parts of a partial disclosure, each with its ground (Art. 37); the responsible agency
 * and its contact (Art. 36(5)); where already published information is (Art. 36(1)); and the other
 * law's procedure (Art. 36(7)). {@link #validate} names each field as the form labels it;
 * {@link #letterDetails} gives the reply letter its details.
 */
public final class ReplyParticulars {

  /** The form offers this many withheld-part rows (withheldPart1/withheldGround1 …). */
  public static final int WITHHELD_PART_ROWS = 5;

  public static final String RESPONSIBLE_AGENCY = "responsibleAgency";
  public static final String RESPONSIBLE_AGENCY_CONTACT = "responsibleAgencyContact";
  public static final String RESPONSIBLE_AGENCY_UNKNOWN = "responsibleAgencyUnknown";
  public static final String PUBLISHED_PLACE = "publishedPlace";
  public static final String PUBLISHED_URL = "publishedUrl";
  public static final String OTHER_PROCEDURE_LAW = "otherProcedureLaw";
  public static final String OTHER_PROCEDURE = "otherProcedure";

  private static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMED_LAW = Pattern.compile(".*《[^《》]+》.*");

  private ReplyParticulars() {}

  public static String partKey(int row) {
    return "withheldPart" + row;
  }

  public static String groundKey(int row) {
    return "withheldGround" + row;
  }

  /** The field errors of what the outcome needs; empty when whole. */
  public static List<FieldError> validate(VariableScope scope, Outcome outcome) {
    List<FieldError> errors = new ArrayList<>();
    switch (outcome) {
      case PARTIAL -> withheldParts(scope, errors);
      case NOT_THIS_AGENCY -> {
        if (!CaseVariables.bool(scope, RESPONSIBLE_AGENCY_UNKNOWN)) {
          text(scope, RESPONSIBLE_AGENCY, "负责公开的机关", 200, errors);
          text(scope, RESPONSIBLE_AGENCY_CONTACT, "负责机关的联系方式", 200, errors);
        }
      }
      case ALREADY_PUBLIC -> {
        String place = CaseVariables.string(scope, PUBLISHED_PLACE);
        String url = CaseVariables.string(scope, PUBLISHED_URL);
        if (place == null && url == null) {
          errors.add(new FieldError("公开的网址或场所", "至少填写一项"));
        }
        if (place != null && place.length() > 200) {
          errors.add(new FieldError("公开的场所", "不能超过 200 个字符"));
        }
        if (url != null && (url.length() > 500 || !URL.matcher(url).matches())) {
          errors.add(new FieldError("公开的网址", "应为以 http:// 或 https:// 开头的完整网址，不含空格，不超过 500 个字符"));
        }
      }
      case SPECIAL_REGIME -> {
        if (text(scope, OTHER_PROCEDURE_LAW, "规定特别程序的法律、行政法规", 200, errors)
            && !NAMED_LAW.matcher(CaseVariables.string(scope, OTHER_PROCEDURE_LAW)).matches()) {
          errors.add(new FieldError("规定特别程序的法律、行政法规", "请写明法律、行政法规的名称并加书名号，如《不动产登记暂行条例》"));
        }
        text(scope, OTHER_PROCEDURE, "办理程序", 1000, errors);
      }
      default -> { }
    }
    return errors;
  }

  /** The withheld parts entered on the form (rows with a description), in row order. */
  public static List<WithheldPart> withheldParts(VariableScope scope) {
    List<WithheldPart> parts = new ArrayList<>();
    for (int row = 1; row <= WITHHELD_PART_ROWS; row++) {
      String description = CaseVariables.string(scope, partKey(row));
      WithholdingGround ground = ground(scope, row);
      if (description != null && ground != null) {
        parts.add(new WithheldPart(description, ground));
      }
    }
    return parts;
  }

  /** The reply letter's details for the outcome ({@link LetterType#REPLY}). */
  public static Map<String, Object> letterDetails(VariableScope scope, Outcome outcome) {
    Map<String, Object> details = new HashMap<>();
    switch (outcome) {
      case PARTIAL -> {
        details.put("withheldParts", withheldParts(scope));
        put(details, "redactions", CaseVariables.string(scope, "redactions"));
      }
      case NOT_THIS_AGENCY -> {
        if (!CaseVariables.bool(scope, RESPONSIBLE_AGENCY_UNKNOWN)) {
          put(details, RESPONSIBLE_AGENCY, CaseVariables.string(scope, RESPONSIBLE_AGENCY));
          put(details, RESPONSIBLE_AGENCY_CONTACT, CaseVariables.string(scope, RESPONSIBLE_AGENCY_CONTACT));
        }
      }
      case ALREADY_PUBLIC -> {
        put(details, PUBLISHED_PLACE, CaseVariables.string(scope, PUBLISHED_PLACE));
        put(details, PUBLISHED_URL, CaseVariables.string(scope, PUBLISHED_URL));
      }
      case SPECIAL_REGIME -> {
        put(details, OTHER_PROCEDURE_LAW, CaseVariables.string(scope, OTHER_PROCEDURE_LAW));
        put(details, "procedure", CaseVariables.string(scope, OTHER_PROCEDURE));
      }
      default -> { }
    }
    return details;
  }

  private static void withheldParts(VariableScope scope, List<FieldError> errors) {
    int complete = 0;
    for (int row = 1; row <= WITHHELD_PART_ROWS; row++) {
      String description = CaseVariables.string(scope, partKey(row));
      boolean groundGiven = CaseVariables.string(scope, groundKey(row)) != null;
      WithholdingGround ground = ground(scope, row);
      if (groundGiven && ground == null) {
        errors.add(new FieldError("不予公开的理由" + row, "取值无效"));
      }
      if (description != null && !groundGiven) {
        errors.add(new FieldError("不予公开的理由" + row, "必须为第" + row + "项不予公开的内容选择理由"));
      } else if (description == null && groundGiven) {
        errors.add(new FieldError("不予公开的内容" + row, "已选择理由，必须写明不予公开的内容"));
      } else if (description != null && description.length() > 500) {
        errors.add(new FieldError("不予公开的内容" + row, "不能超过 500 个字符"));
      } else if (description != null && ground != null) {
        complete++;
      }
    }
    if (complete == 0 && errors.isEmpty()) {
      errors.add(new FieldError("不予公开的内容1", "部分公开必须逐项列明不予公开的内容及其理由"));
    }
  }

  private static WithholdingGround ground(VariableScope scope, int row) {
    try {
      return CaseVariables.enumValue(scope, groundKey(row), WithholdingGround.class).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean text(VariableScope scope, String name, String label, int max, List<FieldError> errors) {
    String value = CaseVariables.string(scope, name);
    if (value == null) {
      errors.add(new FieldError(label, "必须填写"));
      return false;
    }
    if (value.length() > max) {
      errors.add(new FieldError(label, "不能超过 " + max + " 个字符"));
      return false;
    }
    return true;
  }

  private static void put(Map<String, Object> details, String key, String value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
