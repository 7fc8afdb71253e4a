package org.disclosuredesk.fee;

import java.time.LocalDate;

/**
 * A fee notice sent: the clock is paused from {@code notifiedOn} until payment.
 *
 * @param letterId the FEE_NOTICE letter (attach it to the mail)
 * @param paymentDueOn the last day to pay; the route's timer fires the day after (unpaid → ABANDONED_FEE_UNPAID)
 */
public record FeeNotice(long feeId, long letterId, long amountYuan, LocalDate notifiedOn, LocalDate paymentDueOn) {}
