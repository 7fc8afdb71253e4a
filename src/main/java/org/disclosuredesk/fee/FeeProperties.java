package org.disclosuredesk.fee;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fee settings ({@code disclosure.fees.*}).
 *
 * @param paymentWorkingDays working days to pay after the notice (default 20)
 * @param paymentInstructions how to pay, printed on the fee notice
 */
@ConfigurationProperties("disclosure.fees")
public record FeeProperties(Integer paymentWorkingDays, String paymentInstructions) {

  public FeeProperties {
    paymentWorkingDays = paymentWorkingDays == null || paymentWorkingDays < 1 ? 20 : paymentWorkingDays;
    paymentInstructions = paymentInstructions == null || paymentInstructions.isBlank()
        ? "凭本通知书到本机关政府信息公开工作机构办理缴费手续，缴入国库（非税收入）" : paymentInstructions;
  }
}
