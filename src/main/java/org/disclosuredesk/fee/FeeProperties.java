package org.disclosuredesk.fee;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fee settings ({@code disclosure.fees.*}).
 *
 * The payment period is the case clock's {@code disclosure.deadline.fee-payment-working-days}.
 *
 * @param paymentInstructions how to pay, printed on the fee notice
 */
@ConfigurationProperties("disclosure.fees")
public record FeeProperties(String paymentInstructions) {

  public FeeProperties {
    paymentInstructions = paymentInstructions == null || paymentInstructions.isBlank()
        ? "凭本通知书到本机关政府信息公开工作机构办理缴费手续，缴入国库（非税收入）" : paymentInstructions;
  }
}
