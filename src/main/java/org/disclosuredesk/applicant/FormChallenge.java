package org.disclosuredesk.applicant;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The online form's challenge, without any outside service: each form carries a single-use token of
 * the browser session, which is accepted only after a minimum fill time and with a small proof of work
 * computed by the page's script: a number {@code n} such that SHA-256("token:n") starts with
 * {@code bits} zero bits (about 2^bits hashes; a person never notices, a bulk sender pays for each form).
 */
@Component
class FormChallenge {

  static final String SESSION = "applicant.formChallenges";
  private static final Duration MAX_AGE = Duration.ofHours(2);

  /** Why a challenge failed (shown to the applicant). */
  enum Failure {
    NONE(null),
    UNKNOWN("表单已过期或已提交过，请重新填写提交"),
    TOO_FAST("提交过快，请核对所填内容后再提交"),
    NO_PROOF("页面校验未完成，请确认浏览器已启用脚本，稍候再提交");

    final String message;

    Failure(String message) {
      this.message = message;
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration minimumFillTime;
  private final int bits;

  FormChallenge(Clock clock, @Value("${disclosure-desk.public.apply-minimum-fill-time:PT5S}") Duration minimumFillTime,
      @Value("${disclosure-desk.public.apply-proof-of-work-bits:14}") int bits) {
    this.clock = clock;
    this.minimumFillTime = minimumFillTime;
    this.bits = bits;
  }

  int bits() {
    return bits;
  }

  /** A new token for a form shown to this session (the session keeps the last few). */
  String issue(HttpSession session) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Map<String, Instant> open = open(session);
    open.put(token, clock.instant());
    while (open.size() > 5) {
      open.remove(open.keySet().iterator().next());
    }
    session.setAttribute(SESSION, open);
    return token;
  }

  /** Checks and uses up the token (a token fails once it has been used, whatever the outcome). */
  Failure check(HttpSession session, String token, String proof) {
    Map<String, Instant> open = open(session);
    Instant issued = token == null ? null : open.remove(token);
    session.setAttribute(SESSION, open);
    Instant now = clock.instant();
    if (issued == null || issued.plus(MAX_AGE).isBefore(now)) {
      return Failure.UNKNOWN;
    }
    if (issued.plus(minimumFillTime).isAfter(now)) {
      return Failure.TOO_FAST;
    }
    return proof != null && proof.matches("\\d{1,12}") && leadingZeroBits(sha256(token + ":" + proof)) >= bits
        ? Failure.NONE : Failure.NO_PROOF;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int leadingZeroBits(byte[] hash) {
    int n = 0;
    for (byte b : hash) {
      if (b == 0) {
        n += 8;
        continue;
      }
      return n + Integer.numberOfLeadingZeros(b & 0xff) - 24;
    }
    return n;
  }

  /** A proof for tests and clients: the first n that works. */
  static long solve(String token, int bits) {
    for (long n = 0; ; n++) {
      if (leadingZeroBits(sha256(token + ":" + n)) >= bits) {
        return n;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Instant> open(HttpSession session) {
    Object o = session.getAttribute(SESSION);
    return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Instant>) m) : new LinkedHashMap<>();
  }
}
