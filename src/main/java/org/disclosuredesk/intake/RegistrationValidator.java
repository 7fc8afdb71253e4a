package org.disclosuredesk.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.intake.RegistrationRequest.ApplicantInput;
import org.disclosuredesk.web.FieldError;
import org.springframework.stereotype.Component;

/** Checks an application before anything is written; each problem names its field (a JSON path). */
@Component
class RegistrationValidator {

  /** The Regulations on Open Government Information are in force from this day (2007 text). */
  static final LocalDate REGULATIONS_IN_FORCE = LocalDate.of(2008, 5, 1);
  private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  /** A receipt date more than this many working days back needs a reason (confirmation of a late registration). */
  static final int LATE_AFTER_WORKING_DAYS = 3;

  private final AgencyClock clock;
  private final Departments departments;
  private final WorkingDayCalendar calendar;

  RegistrationValidator(AgencyClock clock, Departments departments, WorkingDayCalendar calendar) {
    this.clock = clock;
    this.departments = departments;
    this.calendar = calendar;
  }

  /** Working days between the receipt date and today when that is more than {@link #LATE_AFTER_WORKING_DAYS}, else 0. */
  int workingDaysLate(String agencyCode, LocalDate receivedOn) {
    if (receivedOn == null || !receivedOn.isBefore(clock.today())) {
      return 0;
    }
    int late = calendar.workingDaysBetween(agencyCode, receivedOn, clock.today());
    return late > LATE_AFTER_WORKING_DAYS ? late : 0;
  }

  List<FieldError> validate(String agencyCode, RegistrationRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      errors.add(new FieldError("body", "请求体不能为空"));
      return errors;
    }
    required(errors, "channel", r.channel());
    if (r.receivedOn() != null) {
      if (r.receivedOn().isAfter(clock.today())) {
        errors.add(new FieldError("receivedOn", "收到申请日期不能晚于今天（" + clock.today() + "）"));
      } else if (r.receivedOn().isBefore(REGULATIONS_IN_FORCE)) {
        errors.add(new FieldError("receivedOn", "收到申请日期不能早于条例施行日 2008-05-01"));
      } else {
        late(errors, agencyCode, r);
      }
    }
    letter(errors, r);
    text(errors, "description", r.description(), true, 4000);
    text(errors, "purpose", r.purpose(), false, 2000);
    required(errors, "format", r.format());
    required(errors, "delivery", r.delivery());
    if (r.department() != null && !r.department().isBlank() && !departments.exists(agencyCode, r.department())) {
      errors.add(new FieldError("department", "未知的部门代码，应为：" + String.join(", ", departments.of(agencyCode).keySet())));
    }
    applicant(errors, r.applicant(), r.delivery());
    return errors;
  }

  /**
   * Art. 31 for letters: an ordinary letter (no signature) is received on the day the OGI office
   * confirms it with the applicant, tried on the day it arrives; a later confirmation says why.
   */
  private void letter(List<FieldError> errors, RegistrationRequest r) {
    RegistrationRequest.LetterReceipt letter = r.letter();
    if (letter == null) {
      return;
    }
    if (r.channel() != null && r.channel() != org.disclosuredesk.casefile.Channel.LETTER) {
      errors.add(new FieldError("letter", "只有信函申请才填写信函收件情况"));
      return;
    }
    text(errors, "letter.confirmationNote", letter.confirmationNote(), false, 1000);
    if (!letter.ordinary()) {
      return;
    }
    if (letter.arrivedOn() == null) {
      errors.add(new FieldError("letter.arrivedOn", "平信须填写信件到达日期"));
      return;
    }
    if (letter.arrivedOn().isAfter(clock.today())) {
      errors.add(new FieldError("letter.arrivedOn", "信件到达日期不能晚于今天（" + clock.today() + "）"));
    }
    LocalDate confirmedOn = r.receivedOn() != null ? r.receivedOn() : clock.today();
    if (confirmedOn.isBefore(letter.arrivedOn())) {
      errors.add(new FieldError("receivedOn", "平信的收到申请日期是与申请人确认之日，不能早于信件到达日期 " + letter.arrivedOn()));
    } else if (confirmedOn.isAfter(letter.arrivedOn()) && blank(letter.confirmationNote())) {
      errors.add(new FieldError("letter.confirmationNote",
          "平信应在到达当日与申请人确认；晚于到达日确认的，须说明到达当日尝试联系的情况"));
    }
  }

  /** A receipt date well in the past is confirmed with a reason; a typo is more likely than a late letter. */
  private void late(List<FieldError> errors, String agencyCode, RegistrationRequest r) {
    int late = workingDaysLate(agencyCode, r.receivedOn());
    if (late > 0 && blank(r.lateRegistrationReason())) {
      errors.add(new FieldError("lateRegistrationReason", "收到申请日期 " + r.receivedOn() + " 已过去 " + late
          + " 个工作日：请核对日期；确属补登的，请填写补登原因（lateRegistrationReason）"));
    }
    text(errors, "lateRegistrationReason", r.lateRegistrationReason(), false, 1000);
  }

  private void applicant(List<FieldError> errors, ApplicantInput a, Delivery delivery) {
    if (a == null) {
      errors.add(new FieldError("applicant", "必须填写申请人信息"));
      return;
    }
    required(errors, "applicant.type", a.type());
    text(errors, "applicant.name", a.name(), true, 200);
    required(errors, "applicant.idType", a.idType());
    text(errors, "applicant.idNumber", a.idNumber(), true, 40);
    if (a.idType() != null && !blank(a.idNumber())) {
      idNumber(errors, a);
    }
    text(errors, "applicant.phone", a.phone(), false, 30);
    text(errors, "applicant.email", a.email(), false, 200);
    text(errors, "applicant.address", a.address(), false, 500);
    text(errors, "applicant.contactPerson", a.contactPerson(), false, 100);
    if (!blank(a.phone()) && !PHONE.matcher(a.phone().trim()).matches()) {
      errors.add(new FieldError("applicant.phone", "电话号码格式不正确"));
    }
    if (!blank(a.email()) && !EMAIL.matcher(a.email().trim()).matches()) {
      errors.add(new FieldError("applicant.email", "电子邮箱格式不正确"));
    }
    if (blank(a.phone()) && blank(a.email()) && blank(a.address())) {
      errors.add(new FieldError("applicant.phone", "至少填写一种联系方式（电话、电子邮箱或通信地址）"));
    }
    if (a.type() != null && a.type() != ApplicantType.NATURAL_PERSON && blank(a.contactPerson())) {
      errors.add(new FieldError("applicant.contactPerson", "法人或其他组织申请须填写联系人"));
    }
    if (delivery == Delivery.EMAIL && blank(a.email())) {
      errors.add(new FieldError("applicant.email", "选择电子邮件送达时必须填写电子邮箱"));
    }
    if (delivery == Delivery.POST && blank(a.address())) {
      errors.add(new FieldError("applicant.address", "选择邮寄送达时必须填写通信地址"));
    }
    if (delivery == Delivery.FAX && blank(a.phone())) {
      errors.add(new FieldError("applicant.phone", "选择传真送达时必须填写传真号码"));
    }
  }

  private static void idNumber(List<FieldError> errors, ApplicantInput a) {
    String id = a.idNumber().trim();
    if (a.idType() == IdType.RESIDENT_ID && !IdentityNumbers.isValidResidentId(id)) {
      errors.add(new FieldError("applicant.idNumber", "居民身份证号码无效（18位，出生日期和校验码须正确）"));
    }
    if (a.idType() == IdType.USCC && !IdentityNumbers.isValidSocialCreditCode(id)) {
      errors.add(new FieldError("applicant.idNumber", "统一社会信用代码无效（18位，校验码须正确）"));
    }
    if (a.idType() == IdType.USCC && a.type() == ApplicantType.NATURAL_PERSON) {
      errors.add(new FieldError("applicant.idType", "自然人应使用身份证件，不能使用统一社会信用代码"));
    }
  }

  private static void required(List<FieldError> errors, String field, Object value) {
    if (value == null) {
      errors.add(new FieldError(field, "必须填写"));
    }
  }

  private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
    if (blank(value)) {
      if (required) {
        errors.add(new FieldError(field, "必须填写，不能为空白"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (CONTROL.matcher(value).find()) {
      errors.add(new FieldError(field, "含有不可打印的控制字符"));
    }
  }

  /** Control characters (other than tab and line breaks) cannot be printed on a letter. */
  static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
