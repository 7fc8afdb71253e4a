package org.disclosuredesk.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Check digits of the resident identity card number (GB 11643) and the unified social credit code (GB 32100). */
public final class IdentityNumbers {

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);

  private IdentityNumbers() {}

  /** An 18-character resident ID: 17 digits with a valid birth date, and the right check character. */
  public static boolean isValidResidentId(String id) {
    if (id == null || !id.matches("\\d{17}[\\dXx]")) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
      if (birth.getYear() < 1890) {
        return false;
      }
    } catch (DateTimeParseException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
  }

  /** An 18-character unified social credit code with the right check character. */
  static boolean isValidSocialCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    String c = code.toUpperCase();
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = USCC_ALPHABET.indexOf(c.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return c.charAt(17) == USCC_ALPHABET.charAt(check);
  }
}
