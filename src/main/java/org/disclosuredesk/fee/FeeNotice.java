package org.disclosuredesk.fee;

import java.time.LocalDate;

/**
 * A fee notice sent: the clock is paused from {@code notifiedOn} until payment.
 *
 * @param letterId the FEE_NOTICE letter (attach it to the mail)
 * @param paymentDueOn the provisional last day to pay (as if the applicant received the notice on the day it was
 *     sent); the route records the actual receipt and the period then counts from the day after it
 */
public record FeeNotice(long feeId, long letterId, long amountYuan, LocalDate notifiedOn, LocalDate paymentDueOn) {}
