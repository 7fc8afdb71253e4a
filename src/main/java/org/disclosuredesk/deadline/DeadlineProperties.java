package org.disclosuredesk.deadline;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Periods and reminder settings of the case clock (domain.md; the *configurable* ones).
 *
 * @param supplementNoticeWorkingDays reception must send the supplement notice within this many working days (Art. 30: 7)
 * @param supplementPeriodWorkingDays the period the applicant gets to supplement (default 15)
 * @param consultationWorkingDays a third party or co-producing agency has this long to answer (Art. 32, 34: 15)
 * @param feePaymentWorkingDays the period to pay a fee notice (default 20)
 * @param firstReminderWorkingDays first reminder this many working days before the due date (default 5)
 * @param finalReminderWorkingDays final reminder this many working days before the due date (default 1)
 * @param reminderTime time of day reminders and escalations fire, agency time
 * @param endOfDay time of day shown as a task's due time, agency time
 */
@ConfigurationProperties("disclosure.deadline")
public record DeadlineProperties(
    Integer supplementNoticeWorkingDays,
    Integer supplementPeriodWorkingDays,
    Integer consultationWorkingDays,
    Integer feePaymentWorkingDays,
    Integer firstReminderWorkingDays,
    Integer finalReminderWorkingDays,
    LocalTime reminderTime,
    LocalTime endOfDay) {

  public DeadlineProperties {
    supplementNoticeWorkingDays = orDefault(supplementNoticeWorkingDays, 7);
    supplementPeriodWorkingDays = orDefault(supplementPeriodWorkingDays, 15);
    consultationWorkingDays = orDefault(consultationWorkingDays, 15);
    feePaymentWorkingDays = orDefault(feePaymentWorkingDays, 20);
    firstReminderWorkingDays = orDefault(firstReminderWorkingDays, 5);
    finalReminderWorkingDays = orDefault(finalReminderWorkingDays, 1);
    reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
    endOfDay = endOfDay == null ? LocalTime.of(18, 0) : endOfDay;
  }

  public static DeadlineProperties defaults() {
    return new DeadlineProperties(null, null, null, null, null, null, null, null);
  }

  private static Integer orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
