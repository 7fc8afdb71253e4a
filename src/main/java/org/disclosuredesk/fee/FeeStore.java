package org.disclosuredesk.fee;

import java.time.LocalDate;
import java.util.Optional;
import org.disclosuredesk.casefile.CaseRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table dd_fee, and the applicant's monthly count from the case register. */
@Repository
class FeeStore {

  /** An open fee notice. */
  record OpenFee(long id, long amountYuan, LocalDate paymentDueOn) {}

  private final JdbcClient jdbc;

  FeeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The applicant's applications received in the same calendar month before this case (by receipt
   * date, then case number). The same applicant: the same ID number, or the same name where the
   * case has none.
   */
  int earlierCasesInMonth(CaseRecord c) {
    LocalDate first = c.receivedOn().withDayOfMonth(1);
    LocalDate next = first.plusMonths(1);
    String idNumber = c.applicant().idNumber();
    boolean byId = idNumber != null && !idNumber.isBlank();
    String sameApplicant = byId ? "applicant_id_number = ?" : "applicant_name = ?";
    return jdbc.sql("select count(*) from dd_case where agency_code = ? and " + sameApplicant
            + " and received_on >= ? and received_on < ?"
            + " and (received_on < ? or (received_on = ? and case_number < ?))")
        .params(c.agencyCode(), byId ? idNumber : c.applicant().name(), first, next, c.receivedOn(), c.receivedOn(),
            c.caseNumber())
        .query(Integer.class).single();
  }

  long insert(String agencyCode, String caseNumber, FeeAssessment fee, long letterId, LocalDate notifiedOn,
      LocalDate paymentDueOn, String actor) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into dd_fee (agency_code, case_number, method, units, prior_units, amount_yuan, breakdown, letter_id,"
            + " notified_on, payment_due_on, status, assessed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(agencyCode, caseNumber, fee.method().name(), fee.units(), fee.priorUnits(), fee.amountYuan(),
            fee.breakdown().length() > 1000 ? fee.breakdown().substring(0, 1000) : fee.breakdown(), letterId,
            notifiedOn, paymentDueOn, actor)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Whether the application was ever charged a fee (open, paid or unpaid): one fee per application. */
  boolean anyFee(String agencyCode, String caseNumber) {
    return jdbc.sql("select count(*) from dd_fee where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(Integer.class).single() > 0;
  }

  /** The open fee's notice reached the applicant on {@code receivedOn}; payment is due by {@code paymentDueOn}. */
  void noticeReceived(long id, LocalDate receivedOn, LocalDate paymentDueOn) {
    jdbc.sql("update dd_fee set notice_received_on = ?, payment_due_on = ? where id = ? and status = 'OPEN'")
        .params(receivedOn, paymentDueOn, id).update();
  }

  Optional<OpenFee> open(String agencyCode, String caseNumber) {
    return jdbc.sql("select id, amount_yuan, payment_due_on from dd_fee where agency_code = ? and case_number = ?"
            + " and status = 'OPEN' order by id desc")
        .params(agencyCode, caseNumber)
        .query((rs, i) -> new OpenFee(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
        .stream().findFirst();
  }

  void moveDue(long id, LocalDate paymentDueOn) {
    jdbc.sql("update dd_fee set payment_due_on = ? where id = ? and status = 'OPEN'").params(paymentDueOn, id).update();
  }

  void settle(long id, String status, LocalDate settledOn) {
    jdbc.sql("update dd_fee set status = ?, settled_on = ? where id = ? and status = 'OPEN'")
        .params(status, settledOn, id).update();
  }
}
