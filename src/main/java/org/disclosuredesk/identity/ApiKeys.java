package org.disclosuredesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys of service accounts (the portal): issued and revoked by an administrator, sent in the
 * header {@code X-API-Key}. A key is 32 random bytes; only its SHA-256 is stored, so the key is shown
 * once, when it is issued. A key authenticates as its engine user, whose groups and authorizations
 * apply. A wrong key locks nothing: it is only not found. A key found is trusted for
 * {@link #CACHE_FOR} on this node (revoking on this node takes effect at once, on others within that time).
 */
@Service
public class ApiKeys {

  public static final String HEADER = "X-API-Key";
  static final String PREFIX = "ddk_";
  static final Duration CACHE_FOR = Duration.ofSeconds(30);

  /** A key as listed: never its secret, only the first characters. */
  public record ApiKey(String id, String account, String label, String keyPrefix, Instant createdAt, String createdBy,
      Instant revokedAt, String revokedBy) {}

  /** A key just issued: the only time the secret is seen. */
  public record IssuedKey(String id, String account, String label, String key, Instant createdAt) {}

  private record Cached(SignedIn who, Instant until) {}

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final SignIns signIns;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  ApiKeys(JdbcClient jdbc, IdentityService identityService, SignIns signIns, Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.signIns = signIns;
    this.clock = clock;
  }

  /** Issues a new key for an existing engine user. */
  public IssuedKey issue(String account, String label, String issuedBy) {
    if (account == null || account.isBlank() || identityService.createUserQuery().userId(account.trim()).count() == 0) {
      throw new InvalidInputException("account", "没有这个用户");
    }
    if (label == null || label.isBlank() || label.length() > 200) {
      throw new InvalidInputException("label", "必须填写，最多 200 个字符");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return store(account.trim(), label.trim(), key, issuedBy);
  }

  /** The demo's well-known key for the portal (only called when the demo users are created). */
  void ensureDemoKey(String account, String key) {
    if (jdbc.sql("select count(*) from dd_api_key where key_hash = ?").param(hash(key)).query(Long.class).single() == 0) {
      store(account, "演示密钥（仅限演示环境）", key, "system");
    }
  }

  private IssuedKey store(String account, String label, String key, String issuedBy) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    jdbc.sql("insert into dd_api_key (id, account, label, key_hash, key_prefix, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, account, label, hash(key), key.substring(0, Math.min(10, key.length())), Timestamp.from(now), issuedBy)
        .update();
    return new IssuedKey(id, account, label, key, now);
  }

  /** Every key, newest first, without secrets. */
  public List<ApiKey> list() {
    return jdbc.sql("select * from dd_api_key order by created_at desc, id")
        .query((rs, n) -> new ApiKey(rs.getString("id"), rs.getString("account"), rs.getString("label"),
            rs.getString("key_prefix"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
            rs.getString("revoked_by")))
        .list();
  }

  /** Revokes a key; false when there is no such key. Revoking twice keeps the first revocation. */
  public boolean revoke(String id, String revokedBy) {
    int found = jdbc.sql("select count(*) from dd_api_key where id = ?").param(id).query(Integer.class).single();
    if (found == 0) {
      return false;
    }
    jdbc.sql("update dd_api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
        .params(Timestamp.from(clock.instant()), revokedBy, id).update();
    cache.clear();
    return true;
  }

  /** The service account a key belongs to, if the key exists and is not revoked. */
  Optional<SignedIn> authenticate(String key) {
    if (key == null || key.length() < 8 || key.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(key);
    Instant now = clock.instant();
    Cached cached = cache.get(hash);
    if (cached != null && cached.until().isAfter(now)) {
      return Optional.of(cached.who());
    }
    Optional<String[]> row = jdbc.sql("select account, key_hash from dd_api_key where key_hash = ? and revoked_at is null")
        .param(hash).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    // the index finds the row; the comparison of the stored hash does not leak timing either
    Optional<SignedIn> who = row
        .filter(r -> MessageDigest.isEqual(r[1].getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
        .map(r -> signIns.load(r[0]));
    who.ifPresent(w -> {
      if (cache.size() > 1000) {
        cache.clear();
      }
      cache.put(hash, new Cached(w, now.plus(CACHE_FOR)));
    });
    return who;
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
