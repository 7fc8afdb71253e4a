package org.disclosuredesk.casefile;

import java.time.LocalDate;

/** Which text of the regulations governs a case's periods: the 2019 revision or the 2007 text. */
public enum Regime {
  /** 2019 Art. 33: 20 working days, extension up to 20. */
  R2019(20, 20),
  /** 2007 Art. 24: 15 working days, extension up to 15. */
  R2007(15, 15);

  /** The 2019 revision is in force from this day; earlier applications keep the 2007 periods. */
  public static final LocalDate REVISION_IN_FORCE = LocalDate.of(2019, 5, 15);

  private final int replyWorkingDays;
  private final int maxExtensionWorkingDays;

  Regime(int replyWorkingDays, int maxExtensionWorkingDays) {
    this.replyWorkingDays = replyWorkingDays;
    this.maxExtensionWorkingDays = maxExtensionWorkingDays;
  }

  public static Regime forReceiptDate(LocalDate receivedOn) {
    return receivedOn.isBefore(REVISION_IN_FORCE) ? R2007 : R2019;
  }

  public int replyWorkingDays() {
    return replyWorkingDays;
  }

  public int maxExtensionWorkingDays() {
    return maxExtensionWorkingDays;
  }

  /**
   * Whether time paused for this reason is left out of the reply period. 2019 Art. 33 para 3: consulting
   * third parties and other agencies (and, under the 2020 fee measures, the fee period); 2007 Art. 24
   * para 3 excluded only the time for consulting a third party.
   */
  public boolean excludesFromReplyPeriod(PauseReason reason) {
    return this == R2019 || reason == PauseReason.THIRD_PARTY_CONSULTATION;
  }
}
