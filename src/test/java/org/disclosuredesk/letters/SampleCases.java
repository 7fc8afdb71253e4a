package org.disclosuredesk.letters;

import java.time.LocalDate;
import org.disclosuredesk.casefile.Applicant;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.casefile.NewCase;

/** Sample cases straight into the register, independent of the route. */
public final class SampleCases {

  public static final String AGENCY = "default";
  public static final String DESCRIPTION = "2026年度本市老旧小区改造项目清单及资金安排";

  private SampleCases() {}

  /** 张三, resident ID, department planning, due date set, received on {@code receivedOn}. */
  public static String create(CaseRegister register, LocalDate receivedOn, String email) {
    return create(register, receivedOn, email, "张三", "110101199003071234", "planning");
  }

  public static String create(CaseRegister register, LocalDate receivedOn, String email, String name, String idNumber,
      String department) {
    String number = register.allocateNumber(AGENCY, "GK", receivedOn.getYear());
    Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, name, IdType.RESIDENT_ID, idNumber,
        "13800138000", email, "示例市中山路1号", null);
    register.insert(new NewCase(AGENCY, number, Channel.IN_PERSON, receivedOn, applicant, DESCRIPTION, "了解小区改造安排",
        InfoFormat.PAPER, Delivery.EMAIL, department, null, "reception"));
    register.setDueOn(AGENCY, number, receivedOn.plusDays(28));
    return number;
  }
}
