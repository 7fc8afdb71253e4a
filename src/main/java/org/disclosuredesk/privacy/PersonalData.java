package org.disclosuredesk.privacy;

import java.util.regex.Pattern;

/** Masking of identity numbers for lists, exports and logs: {@code 110105********1234}. */
public final class PersonalData {

  /** An 18-character resident ID inside any text. */
  private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

  private PersonalData() {}

  /** The number with all but the first six and last four characters replaced by {@code *}; null stays null. */
  public static String maskIdNumber(String idNumber) {
    if (idNumber == null) {
      return null;
    }
    String id = idNumber.trim();
    if (id.length() <= 4) {
      return "*".repeat(id.length());
    }
    if (id.length() <= 10) {
      return "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }

  /** Any resident ID numbers inside a text (a log line, a description), masked. */
  public static String maskIdNumbersIn(String text) {
    return text == null ? null : RESIDENT_ID.matcher(text).replaceAll("$1********$3");
  }
}
