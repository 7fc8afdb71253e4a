package org.disclosuredesk.intake;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.intake.RegistrationRequest.ApplicantInput;
import org.disclosuredesk.route.CaseVariables;
import org.disclosuredesk.route.RouteInputException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;

/**
 * The Tasklist start form (forms/registration.form) as a {@link RegistrationRequest}: the same
 * validation as the API, with errors named by the form's labels.
 */
final class StartFormRegistration {

  /** Form field keys; they are removed from the process once the case is in the register. */
  static final List<String> FIELDS = List.of("channel", "receivedOn", "applicantType", "applicantName", "idType",
      "idNumber", "phone", "email", "address", "contactPerson", "description", "purpose", "format", "delivery",
      "letterKind", "letterArrivedOn", "letterConfirmationNote");

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("channel", "申请方式"), Map.entry("receivedOn", "收到申请日期"),
      Map.entry("applicant.type", "申请人类型"), Map.entry("applicant.name", "申请人姓名/名称"),
      Map.entry("applicant.idType", "证件类型"), Map.entry("applicant.idNumber", "证件号码"),
      Map.entry("applicant.phone", "联系电话"), Map.entry("applicant.email", "电子邮箱"),
      Map.entry("applicant.address", "通信地址"), Map.entry("applicant.contactPerson", "联系人"),
      Map.entry("applicant", "申请人"), Map.entry("description", "所需信息描述"), Map.entry("purpose", "用途"),
      Map.entry("format", "信息载体形式"), Map.entry("delivery", "获取方式"), Map.entry("department", "承办部门"),
      Map.entry("letter", "信件类型"), Map.entry("letter.arrivedOn", "信件到达日期"),
      Map.entry("letter.confirmationNote", "到达当日确认情况"), Map.entry("lateRegistrationReason", "补登原因"));

  private StartFormRegistration() {}

  static RegistrationRequest read(DelegateExecution ex, java.time.ZoneId zone) {
    try {
      return new RegistrationRequest(
          enumOf(ex, "channel", Channel.class),
          CaseVariables.date(ex, "receivedOn", zone).orElse(null),
          new ApplicantInput(enumOf(ex, "applicantType", ApplicantType.class), CaseVariables.string(ex, "applicantName"),
              enumOf(ex, "idType", IdType.class), CaseVariables.string(ex, "idNumber"), CaseVariables.string(ex, "phone"),
              CaseVariables.string(ex, "email"), CaseVariables.string(ex, "address"),
              CaseVariables.string(ex, "contactPerson")),
          CaseVariables.string(ex, "description"), CaseVariables.string(ex, "purpose"),
          enumOf(ex, "format", InfoFormat.class), enumOf(ex, "delivery", Delivery.class), null, letter(ex, zone),
          CaseVariables.string(ex, "lateRegistrationReason"));
    } catch (DateTimeParseException e) {
      throw new RouteInputException(LABELS.get("receivedOn"), "日期格式应为 YYYY-MM-DD");
    }
  }

  /** The letter fields of the form: kind SIGNED or ORDINARY, the day it arrived, the note on confirming. */
  private static RegistrationRequest.LetterReceipt letter(DelegateExecution ex, java.time.ZoneId zone) {
    String kind = CaseVariables.string(ex, "letterKind");
    if (!"LETTER".equals(CaseVariables.string(ex, "channel"))) {
      return null;
    }
    if (kind == null) {
      throw new RouteInputException(LABELS.get("letter"), "信函申请须选择信件类型（需签收的信件或平信）");
    }
    if (!"SIGNED".equals(kind) && !"ORDINARY".equals(kind)) {
      throw new RouteInputException(LABELS.get("letter"), "取值无效：" + kind);
    }
    java.time.LocalDate arrived;
    try {
      arrived = CaseVariables.date(ex, "letterArrivedOn", zone).orElse(null);
    } catch (DateTimeParseException e) {
      throw new RouteInputException(LABELS.get("letter.arrivedOn"), "日期格式应为 YYYY-MM-DD");
    }
    return new RegistrationRequest.LetterReceipt("SIGNED".equals(kind), arrived,
        CaseVariables.string(ex, "letterConfirmationNote"));
  }

  /** Re-labels API field paths with the form's labels for Tasklist. */
  static RouteInputException asFormError(InvalidInputException e) {
    return new RouteInputException(e.errors().stream()
        .map(f -> new FieldError(LABELS.getOrDefault(f.field(), f.field()), f.message())).toList());
  }

  private static <E extends Enum<E>> E enumOf(DelegateExecution ex, String name, Class<E> type) {
    String raw = CaseVariables.string(ex, name);
    if (raw == null) {
      return null;
    }
    return CaseVariables.enumValue(ex, name, type)
        .orElseThrow(() -> new RouteInputException(LABELS.getOrDefault(name, name), "取值无效：" + raw));
  }
}
