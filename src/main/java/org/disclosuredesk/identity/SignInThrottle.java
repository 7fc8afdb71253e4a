package org.disclosuredesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in guessing protection for people, shared by every node through the table
 * {@code dd_sign_in_failure}. Failures are counted per account and client address (a person's
 * typos), per client address (one machine trying many accounts) and per account (many machines
 * trying one account). Past the free failures, each further failure doubles the wait, up to a cap.
 * Nothing is ever locked permanently: counts are forgotten {@link #FORGET_AFTER} after the last
 * failure, and the per-account wait is capped at a minute so that guessing cannot shut a person out.
 * While a wait runs the password is not even checked; the caller answers "请 N 秒后再试".
 */
@Component
public class SignInThrottle {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  /** How a kind of counter behaves: free failures before a wait, and the longest wait. */
  enum Limit {
    PAIR("p:", 5, Duration.ofMinutes(15)),
    ADDRESS("a:", 20, Duration.ofMinutes(15)),
    ACCOUNT("u:", 50, Duration.ofMinutes(1));

    final String prefix;
    final int freeFailures;
    final Duration maxWait;

    Limit(String prefix, int freeFailures, Duration maxWait) {
      this.prefix = prefix;
      this.freeFailures = freeFailures;
      this.maxWait = maxWait;
    }

    /** The wait after the n-th failure: none up to the free ones, then 2, 4, 8 … seconds up to the cap. */
    Duration waitAfter(int failures) {
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeFailures + 1, 30);
      long seconds = Math.min(1L << doublings, maxWait.toSeconds());
      return Duration.ofSeconds(seconds);
    }
  }

  static final Duration FORGET_AFTER = Duration.ofMinutes(30);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final AtomicInteger failuresSinceCleanup = new AtomicInteger();
  /** Pairs that failed on this node: a sign-in answered from the cache still clears their typos. */
  private final java.util.Set<String> failedPairs = java.util.concurrent.ConcurrentHashMap.newKeySet();

  SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Seconds the client must wait before this account may be tried again from this address; 0 = go ahead. */
  public long secondsToWait(String account, String address) {
    Instant now = clock.instant();
    Timestamp until = jdbc.sql("select max(blocked_until) from dd_sign_in_failure where throttle_key in (?, ?, ?)")
        .params(keys(account, address).toArray())
        .query(Timestamp.class).optional().orElse(null);
    if (until == null || !until.toInstant().isAfter(now)) {
      return 0;
    }
    return Math.max(1, (Duration.between(now, until.toInstant()).toMillis() + 999) / 1000);
  }

  /** A wrong password (or unknown account) from this address: counts it on all three counters. */
  public void failed(String account, String address) {
    List<String> keys = keys(account, address);
    Limit[] limits = {Limit.PAIR, Limit.ADDRESS, Limit.ACCOUNT};
    for (int i = 0; i < keys.size(); i++) {
      count(keys.get(i), limits[i]);
    }
    if (failedPairs.size() > 10_000) {
      failedPairs.clear();
    }
    failedPairs.add(keys.get(0));
    log.info("sign-in failed for account {} from {}", printable(account), address);
    if (failuresSinceCleanup.incrementAndGet() % 200 == 0) {
      jdbc.sql("delete from dd_sign_in_failure where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
          .params(Timestamp.from(clock.instant().minus(FORGET_AFTER)), Timestamp.from(clock.instant())).update();
    }
  }

  /** The right password: the person's own typos from this address are forgotten (the other counters decay). */
  public void succeeded(String account, String address) {
    String pair = keys(account, address).get(0);
    failedPairs.remove(pair);
    jdbc.sql("delete from dd_sign_in_failure where throttle_key = ?").param(pair).update();
  }

  /** A sign-in answered without asking the throttle: forgets the pair's typos if this node saw some. */
  void succeededWithoutCheck(String account, String address) {
    if (!failedPairs.isEmpty() && failedPairs.contains(keys(account, address).get(0))) {
      succeeded(account, address);
    }
  }

  private void count(String key, Limit limit) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        tx.executeWithoutResult(s -> countOnce(key, limit));
        return;
      } catch (DuplicateKeyException concurrentFirstFailure) {
        // another request inserted the row first: count again as an update
      }
    }
  }

  private void countOnce(String key, Limit limit) {
    Instant now = clock.instant();
    var row = jdbc.sql("select failures, last_failure_at from dd_sign_in_failure where throttle_key = ? for update")
        .param(key)
        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
        .optional();
    int failures = row.map(r -> ((Instant) r[1]).plus(FORGET_AFTER).isBefore(now) ? 1 : (int) r[0] + 1).orElse(1);
    Duration wait = limit.waitAfter(failures);
    Timestamp blockedUntil = wait.isZero() ? null : Timestamp.from(now.plus(wait));
    if (row.isPresent()) {
      jdbc.sql("update dd_sign_in_failure set failures = ?, last_failure_at = ?, blocked_until = ? where throttle_key = ?")
          .params(failures, Timestamp.from(now), blockedUntil, key).update();
    } else {
      jdbc.sql("insert into dd_sign_in_failure (throttle_key, failures, last_failure_at, blocked_until) values (?, ?, ?, ?)")
          .params(key, failures, Timestamp.from(now), blockedUntil).update();
    }
  }

  /** The counter keys: pair, address, account (an account id that is not a plain id is hashed). */
  static List<String> keys(String account, String address) {
    String a = account == null ? "" : account;
    String id = a.matches("[A-Za-z0-9._@-]{1,64}") ? a : "#" + sha256(a);
    String addr = address == null ? "?" : address.length() > 64 ? "#" + sha256(address) : address;
    return List.of(Limit.PAIR.prefix + id + "|" + addr, Limit.ADDRESS.prefix + addr, Limit.ACCOUNT.prefix + id);
  }

  static String printable(String account) {
    if (account == null) {
      return "-";
    }
    String clean = account.replaceAll("[^\\x20-\\x7E\\u4e00-\\u9fff]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
