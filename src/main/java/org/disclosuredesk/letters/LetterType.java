package org.disclosuredesk.letters;

/**
 * The letters the agency issues on a case (domain.md "Letters"). Each has one template
 * {@code letters/<template>.html}; an administrator may override it from
 * {@code disclosure.letters.template-dir}.
 *
 * <p>The {@code details} a caller passes to {@link Letters#issue} (all optional unless marked):
 * <ul>
 *   <li>every type: {@code delivery} (a {@code Delivery} name, {@code HANDED_OVER} or, for a receipt, {@code ONLINE}; default: the case's, and for a receipt by the channel the application came by)
 *   <li>{@link #SUPPLEMENT_NOTICE}: {@code items} (required: what to supplement), {@code supplementDueOn}
 *       (LocalDate), {@code supplementWorkingDays} (default 15)
 *   <li>{@link #EXTENSION_NOTICE}: {@code reason}, {@code extensionDays} (default: the case's), {@code newDueOn}
 *       (default: the case's due date)
 *   <li>{@link #THIRD_PARTY_CONSULTATION}, {@link #THIRD_PARTY_DISCLOSURE_NOTICE}: {@code thirdParty} (required),
 *       {@code information} (default: the information sought), {@code replyDueOn}, {@code reason}
 *   <li>{@link #AGENCY_CONSULTATION}: {@code consultedAgency} (required), {@code information}, {@code replyDueOn}
 *   <li>{@link #FEE_NOTICE}: written by the fee feature ({@code fee}: the assessment, {@code paymentDueOn})
 *   <li>{@link #REPLY}: {@code outcome}, {@code ground}, {@code note} (default: the case's recorded reply),
 *       {@code whereToObtain}, {@code responsibleAgency}, {@code redactions}, {@code procedure}
 * </ul>
 */
public enum LetterType {
  RECEIPT("申请接收回执", "receipt", Recipient.APPLICANT),
  SUPPLEMENT_NOTICE("补正告知书", "supplement-notice", Recipient.APPLICANT),
  EXTENSION_NOTICE("延期答复告知书", "extension-notice", Recipient.APPLICANT),
  THIRD_PARTY_CONSULTATION("征求第三方意见书", "third-party-consultation", Recipient.THIRD_PARTY),
  THIRD_PARTY_DISCLOSURE_NOTICE("公共利益公开告知书（致第三方）", "third-party-disclosure-notice", Recipient.THIRD_PARTY),
  AGENCY_CONSULTATION("征求意见书（致共同制作机关）", "agency-consultation", Recipient.AGENCY),
  FEE_NOTICE("收费通知书", "fee-notice", Recipient.APPLICANT),
  REPLY("政府信息公开申请答复书", "reply", Recipient.APPLICANT);

  /** Who a letter is addressed to; letters to a third party never name the applicant. */
  public enum Recipient { APPLICANT, THIRD_PARTY, AGENCY }

  private final String title;
  private final String template;
  private final Recipient recipient;

  LetterType(String title, String template, Recipient recipient) {
    this.title = title;
    this.template = template;
    this.recipient = recipient;
  }

  /** The letter's title as printed, e.g. 补正告知书. */
  public String title() {
    return title;
  }

  /** The template's file name without {@code .html}. */
  public String template() {
    return template;
  }

  public Recipient recipient() {
    return recipient;
  }
}
