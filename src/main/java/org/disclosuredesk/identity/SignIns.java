package org.disclosuredesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Checks a person's user id and password against the engine, once: a successful check is kept for
 * {@link #CACHE_FOR} under a salted hash of the credentials (the password itself is not kept), with the
 * user's groups and tenants, so that HTTP Basic on every request costs no database round trip. The
 * throttle is asked before a check and told its result. Changing a user (password, groups) through
 * engine REST or the Admin webapp drops that user's entries ({@link #forget}).
 */
@Component
public class SignIns {

  static final Duration CACHE_FOR = Duration.ofSeconds(60);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(SignedIn who, Instant until) {}

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final Clock clock;
  private final byte[] salt = new byte[32];
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  SignIns(IdentityService identityService, SignInThrottle throttle, Clock clock) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  /**
   * The user for these credentials from this client address.
   *
   * @throws SignInRefusedException wrong credentials, or a wait after too many failures
   */
  public SignedIn signIn(String userId, String password, String address) {
    if (userId == null || userId.isEmpty() || password == null) {
      throw SignInRefusedException.wrongPassword();
    }
    String key = key(userId, password);
    Entry cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      throttle.succeededWithoutCheck(userId, address);
      return cached.who();
    }
    long wait = throttle.secondsToWait(userId, address);
    if (wait > 0) {
      throw SignInRefusedException.waitFor(wait);
    }
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(userId, address);
      throw SignInRefusedException.wrongPassword();
    }
    throttle.succeeded(userId, address);
    SignedIn who = load(userId);
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, new Entry(who, now.plus(CACHE_FOR)));
    return who;
  }

  /** The user's groups and tenants (for a key-authenticated service account). */
  SignedIn load(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new SignedIn(userId, groups, tenants);
  }

  /** Drops what is cached for this user (null: for everyone), e.g. after a password or group change. */
  public void forget(String userId) {
    if (userId == null) {
      cache.clear();
    } else {
      cache.values().removeIf(e -> e.who().userId().equals(userId));
    }
  }

  private String key(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
