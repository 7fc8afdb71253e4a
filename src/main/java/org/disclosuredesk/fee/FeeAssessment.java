package org.disclosuredesk.fee;

/**
 * What an application costs and why.
 *
 * @param units per case: how many cases this application counts as (一事一申请 may split it); per page: pages
 * @param priorUnits per case: the applicant's earlier cases in the same calendar month; per page: 0
 * @param amountYuan the fee in whole yuan (every rate is a whole number of yuan)
 * @param breakdown the calculation in words, as printed on the fee notice
 */
public record FeeAssessment(FeeMethod method, int units, int priorUnits, long amountYuan, String breakdown) {

  public boolean isFree() {
    return amountYuan == 0;
  }
}
