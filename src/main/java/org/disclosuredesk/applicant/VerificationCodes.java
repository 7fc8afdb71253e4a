package org.disclosuredesk.applicant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's verification code (查询码): 10 random characters of Crockford's base32 (50 bits, no
 * I, L, O or U), unrelated to the case number. Only its SHA-256, salted with the agency and the case
 * number, is stored; the code itself is shown once (registration answer, reissue) and never again.
 * Issuing again replaces the old code, which then stops working.
 */
@Service
public class VerificationCodes {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 10;

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final Clock clock;

  VerificationCodes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Issues a new code for the case (replacing any earlier one) and returns it, formatted {@code XXXXX-XXXXX}. */
  @Transactional
  public String issue(String agencyCode, String caseNumber, String actor) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String hash = hash(agencyCode, caseNumber, code.toString());
    LocalDateTime now = LocalDateTime.now(clock);
    int updated = jdbc.sql("update dd_verification_code set code_hash = ?, issued_at = ?, issued_by = ? "
            + "where agency_code = ? and case_number = ?")
        .params(hash, now, actor, agencyCode, caseNumber).update();
    if (updated == 0) {
      jdbc.sql("insert into dd_verification_code (agency_code, case_number, code_hash, issued_at, issued_by) "
              + "values (?, ?, ?, ?, ?)")
          .params(agencyCode, caseNumber, hash, now, actor).update();
    }
    return code.substring(0, 5) + "-" + code.substring(5);
  }

  /**
   * Reception's reissue for an applicant who lost the code: checks the case exists (404 otherwise),
   * issues a new code, notes it in the timeline and returns it; the old code stops working.
   */
  @Transactional
  public String reissue(org.disclosuredesk.casefile.CaseRegister register, String agencyCode, String caseNumber,
      String actor) {
    String number = register.get(agencyCode, caseNumber).caseNumber();
    String code = issue(agencyCode, number, actor);
    register.record(agencyCode, number, "VERIFICATION_CODE_REISSUED", actor, "重新发放查询码（原查询码作废）");
    return code;
  }

  /** Whether the code is the case's current one (case, spaces, dashes and I/L/O look-alikes forgiven). */
  @Transactional(readOnly = true)
  public boolean matches(String agencyCode, String caseNumber, String code) {
    String normal = normalise(code);
    if (normal == null) {
      return false;
    }
    String stored = jdbc.sql("select code_hash from dd_verification_code where agency_code = ? and case_number = ?")
        .params(agencyCode, caseNumber).query(String.class).optional().orElse(null);
    if (stored == null) {
      return false;
    }
    return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
        hash(agencyCode, caseNumber, normal).getBytes(StandardCharsets.US_ASCII));
  }

  /** The code as typed, in canonical form, or null when it cannot be a code. */
  static String normalise(String code) {
    if (code == null || code.length() > 40) {
      return null;
    }
    String c = code.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "")
        .replace('O', '0').replace('I', '1').replace('L', '1');
    if (c.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < c.length(); i++) {
      if (ALPHABET.indexOf(c.charAt(i)) < 0) {
        return null;
      }
    }
    return c;
  }

  private static String hash(String agencyCode, String caseNumber, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((agencyCode + "\u0000" + caseNumber + "\u0000").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
